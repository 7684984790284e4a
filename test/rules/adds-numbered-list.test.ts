import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { fullPlan } from './plan-fixtures.js';

describe('adds-numbered-list', () => {
  it('accepts a numbered list of 2–4 items', async () => {
    expect(await lintRule('adds-numbered-list', fullPlan())).toEqual([]);
  });

  it('flags prose instead of a list', async () => {
    const ds = await lintRule('adds-numbered-list', fullPlan({ adds: ['**What this PR adds:** Two warnings for silent failures.', ''] }));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('is prose, not a numbered list')]);
    expect(ds[0]!.span.start).toEqual({ line: 9, column: 24 });
  });

  it('flags a bulleted list', async () => {
    const ds = await lintRule('adds-numbered-list', fullPlan({ adds: ['**What this PR adds:**', '- One warning', '- Another warning', ''] }));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('bulleted list')]);
  });

  it('flags more items than the budget, over the whole list', async () => {
    const items = ['1. a', '2. b', '3. c', '4. d', '5. e'];
    const ds = await lintRule('adds-numbered-list', fullPlan({ adds: ['**What this PR adds:**', ...items, ''] }));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('lists 5 items, outside the 2–4 budget')]);
    expect(ds[0]!.span.start.line).toBe(10);
    expect(ds[0]!.span.end.line).toBe(14);
  });
});
