import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { fullPlan } from './plan-fixtures.js';

const e = (...lines: string[]): string => fullPlan({}, { e: ['### E) Review Guide', '', ...lines, ''] });

describe('review-guide-length', () => {
  it('accepts four items that read as 5–10 lines', async () => {
    expect(await lintRule('review-guide-length', fullPlan())).toEqual([]);
  });

  it('accepts four one-line items: the 5–10 lines are a target, not a floor', async () => {
    const plan = e('1. **THE TRICKY PART:** x.', '2. **WHAT TO SCRUTINIZE:** y.', "3. **WHAT'S SAFE TO SKIM:** z.", '4. **KNOWN DEBT:** none.');
    expect(await lintRule('review-guide-length', plan)).toEqual([]);
  });

  it('flags a guide of two lines as too short, at the heading', async () => {
    const plan = e('**THE TRICKY PART:** the guard.', '**KNOWN DEBT:** none.');
    const ds = await lintRule('review-guide-length', plan);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('reads as 2 lines (at 100 characters a line), under the 5–10 budget')]);
    expect(plan.split('\n')[ds[0]!.span.start.line - 1]).toBe('### E) Review Guide');
  });

  it('counts a long paragraph as the lines it wraps to, and says so', async () => {
    const ds = await lintRule('review-guide-length', e(`**THE TRICKY PART:** ${'word '.repeat(240)}`));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('reads as 13 lines (at 100 characters a line), over the 5–10 budget')]);
  });

  it('does not report a guide one line over its target', async () => {
    expect(await lintRule('review-guide-length', e(`**THE TRICKY PART:** ${'word '.repeat(215)}`))).toEqual([]);
  });
});
