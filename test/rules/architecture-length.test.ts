import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { fullPlan } from './plan-fixtures.js';

describe('architecture-length', () => {
  it('accepts two or three sentences', async () => {
    expect(await lintRule('architecture-length', fullPlan())).toEqual([]);
  });

  it('flags a one-sentence architecture as too short', async () => {
    const plan = fullPlan({ architecture: ['**Architecture:** Pure config propagation through `ToSimConfig()`.', ''] });
    const ds = await lintRule('architecture-length', plan);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('has 1 sentence, outside the 2–3 budget: expand it')]);
    expect(ds[0]!.span.start).toEqual({ line: 15, column: 19 });
  });
});
