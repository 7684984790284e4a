import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { compactPlan } from './plan-fixtures.js';

const closes = (text: string): string => compactPlan({ closes: [`**Closes:** ${text}`, ''] });

describe('closes-keywords', () => {
  it('accepts a closing keyword before every issue, and N/A with a reason', async () => {
    for (const c of ['Fixes #183, fixes #189', '`Closes #42`', 'Resolves [#12](https://github.com/o/r/issues/12)', 'N/A — source is macro plan, no linked issues', 'N/A (no tracked issue)']) {
      expect(await lintRule('closes-keywords', closes(c))).toEqual([]);
    }
  });

  it('flags a bare issue number, at the number', async () => {
    const ds = await lintRule('closes-keywords', closes('#1283'));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('Issue #1283 in Closes has no closing keyword');
    expect(ds[0]!.span).toEqual({ start: { line: 5, column: 13 }, end: { line: 5, column: 18 } });
  });

  it('flags the second issue of "Fixes #1, #2" — GitHub needs a keyword for each', async () => {
    const ds = await lintRule('closes-keywords', closes('Fixes #1, #2'));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('Issue #2')]);
  });

  it('flags "none" and a reasonless N/A', async () => {
    expect((await lintRule('closes-keywords', closes('none'))).map((d) => d.message)).toEqual([expect.stringContaining('names no issue')]);
    expect((await lintRule('closes-keywords', closes('N/A'))).map((d) => d.message)).toEqual([expect.stringContaining('without a reason')]);
  });

  it('does not count "PR #587" as an issue to close', async () => {
    const ds = await lintRule('closes-keywords', closes('Fixes #580 (deferred items from PR #587)'));
    expect(ds).toEqual([]);
  });
});
