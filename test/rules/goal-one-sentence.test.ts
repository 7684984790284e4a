import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { compactPlan, fullPlan } from './plan-fixtures.js';

describe('goal-one-sentence', () => {
  it('accepts a one-sentence goal, abbreviations and decimals included', async () => {
    const plan = fullPlan({ goal: ['**Goal:** Let users cap latency (e.g. at 1.5 s) for any workload.', ''] });
    expect(await lintRule('goal-one-sentence', plan)).toEqual([]);
  });

  it('flags a goal of two sentences, at the goal text', async () => {
    const plan = compactPlan({ goal: ['**Goal:** Add glossary entries. Also fix the ordering of two entries.'] });
    const ds = await lintRule('goal-one-sentence', plan);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('2 sentences');
    expect(ds[0]!.span.start).toEqual({ line: 3, column: 11 });
  });
});
