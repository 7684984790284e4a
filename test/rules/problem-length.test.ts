import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { fullPlan } from './plan-fixtures.js';

describe('problem-length', () => {
  it('accepts 2–3 sentences', async () => {
    expect(await lintRule('problem-length', fullPlan())).toEqual([]);
  });

  it('flags a four-sentence problem statement, at its text', async () => {
    const plan = fullPlan({ problem: ['**The problem today:** One. Two is here. Three is here. Four is here.', ''] });
    const ds = await lintRule('problem-length', plan);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('"The problem today" has 4 sentences, outside the 2–3 budget');
    expect(ds[0]!.span.start).toEqual({ line: 7, column: 24 });
  });

  it('counts list items under the field and reads the budget from config', async () => {
    const plan = fullPlan({ problem: ['**The problem today:** Two paths lose data:', '1. Parsing skips rows.', '2. Detection drops inversions.', ''] });
    expect(await lintRule('problem-length', plan)).toEqual([]);
    const budgets = { ...(await import('../../src/config/defaults.js')).defaultConfig().budgets, problemSentences: [1, 2] as [number, number] };
    const ds = await lintRule('problem-length', plan, { config: { budgets } });
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('3 sentences, outside the 1–2 budget')]);
  });
});
