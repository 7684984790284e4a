import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { fullPlan } from './plan-fixtures.js';

const e = (...lines: string[]): string => fullPlan({}, { e: ['### E) Review Guide', '', ...lines, ''] });

describe('review-guide-length', () => {
  it('accepts four items that read as 5–10 lines', async () => {
    expect(await lintRule('review-guide-length', fullPlan())).toEqual([]);
  });

  it('flags a guide of four one-sentence items as too short', async () => {
    const plan = e('1. **THE TRICKY PART:** x.', '2. **WHAT TO SCRUTINIZE:** y.', "3. **WHAT'S SAFE TO SKIM:** z.", '4. **KNOWN DEBT:** none.');
    const ds = await lintRule('review-guide-length', plan);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('reads as 4 lines, under the 5–10 budget')]);
    expect(plan.split('\n')[ds[0]!.span.start.line - 1]).toBe('### E) Review Guide');
  });

  it('flags a guide that reads as more than ten lines', async () => {
    const ds = await lintRule('review-guide-length', e('**THE TRICKY PART:** One. Two. Three. Four. Five. Six. Seven. Eight. Nine. Ten. Eleven.'));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('reads as 11 lines, over the 5–10 budget')]);
  });
});
