import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { fullPlan } from './plan-fixtures.js';

describe('why-length', () => {
  it('accepts one or two sentences', async () => {
    expect(await lintRule('why-length', fullPlan())).toEqual([]);
  });

  it('flags three sentences', async () => {
    const plan = fullPlan({ why: ['**Why this matters:** It closes the loop. Users calibrate in one go. Tuning builds on it.', ''] });
    const ds = await lintRule('why-length', plan);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('"Why this matters" has 3 sentences, outside the 1–2 budget')]);
    expect(ds[0]!.span.start.line).toBe(13);
  });
});
