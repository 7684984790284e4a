import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { compactPlan, fullPlan } from './plan-fixtures.js';

describe('header-fields-order', () => {
  it('accepts fields in spec order', async () => {
    expect(await lintRule('header-fields-order', fullPlan())).toEqual([]);
    expect(await lintRule('header-fields-order', compactPlan())).toEqual([]);
  });

  it('flags a field that comes after one it should precede, at its label', async () => {
    const plan = fullPlan({
      problem: ['**Architecture:** Checks in the constructor. No new types.', ''],
      architecture: ['**The problem today:** Requests vanish. Users see nothing.', ''],
    });
    const ds = await lintRule('header-fields-order', plan);
    expect(ds.map((d) => d.message)).toEqual([
      expect.stringContaining('"Architecture" field is out of order: move it after "Why this matters"'),
      expect.stringContaining('"The problem today" field is out of order: move it after "Goal"'),
    ]);
    expect(ds.map((d) => d.span.start.line)).toEqual([7, 15]);
  });

  it('flags Closes before Source in a compact plan', async () => {
    const plan = compactPlan({ source: ['**Closes:** Fixes #1120'], closes: ['**Source:** GitHub issue #1120', ''] });
    const ds = await lintRule('header-fields-order', plan);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('"Source" field is out of order: move it after "Goal"')]);
    expect(ds[0]!.span).toEqual({ start: { line: 5, column: 1 }, end: { line: 5, column: 13 } });
  });
});
