import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { fullPlan } from './plan-fixtures.js';

describe('section-nonempty', () => {
  it('accepts sections with content, and G whose tasks follow at the same heading depth', async () => {
    expect(await lintRule('section-nonempty', fullPlan())).toEqual([]);
  });

  it('flags a section with only a thematic break under it, at its heading', async () => {
    const plan = fullPlan({}, { d: ['### D) Deviation Log', '', '---', ''] });
    const ds = await lintRule('section-nonempty', plan);
    expect(ds.map((d) => d.message)).toEqual(['Section D (Deviation Log) is empty: write its content, or state why it does not apply.']);
    expect(plan.split('\n')[ds[0]!.span.start.line - 1]).toBe('### D) Deviation Log');
  });
});
