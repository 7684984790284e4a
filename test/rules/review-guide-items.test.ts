import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { fullPlan } from './plan-fixtures.js';

const e = (...lines: string[]): string => fullPlan({}, { e: ['### E) Review Guide', '', ...lines, ''] });

describe('review-guide-items', () => {
  it('accepts the four items in any case and wording', async () => {
    const plan = e('**Tricky part:** a.', '**What to scrutinise:** b.', '**Safe to skim:** c.', '**Known debt:** None.');
    expect(await lintRule('review-guide-items', plan)).toEqual([]);
  });

  it('flags each missing item at the section heading', async () => {
    const plan = e('**Scrutinize:** the guard.', '**Safe to skim:** tests.');
    const ds = await lintRule('review-guide-items', plan);
    expect(ds.map((d) => d.message)).toEqual([
      'The Review Guide does not cover THE TRICKY PART: add an item "**THE TRICKY PART:** …".',
      'The Review Guide does not cover KNOWN DEBT: add an item "**KNOWN DEBT:** …".',
    ]);
    expect(plan.split('\n')[ds[0]!.span.start.line - 1]).toBe('### E) Review Guide');
  });
});
