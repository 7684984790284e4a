import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../helpers.js';

const body = md('**Goal:** Let users do a thing.', '', '## Behavioral Contracts', '', 'BC-1: Thing', '- GIVEN a', '- WHEN b', '- THEN c');

describe('title-format', () => {
  it('accepts "# <Title> Implementation Plan"', async () => {
    expect(await lintRule('title-format', md('# Horizon Warning Implementation Plan', '') + body)).toEqual([]);
  });

  it('flags a title that does not end with "Implementation Plan", at the title', async () => {
    const ds = await lintRule('title-format', md('# fix(observe): handle ReadAll error', '') + body);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('Implementation Plan');
    expect(ds[0]!.span.start).toEqual({ line: 1, column: 3 });
  });

  it('flags a plan with no level-1 title', async () => {
    const ds = await lintRule('title-format', body);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('no title')]);
  });
});
