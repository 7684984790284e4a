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
      'The Review Guide does not cover THE TRICKY PART, KNOWN DEBT: add items "**THE TRICKY PART:** …", "**KNOWN DEBT:** …".',
    ]);
    expect(plan.split('\n')[ds[0]!.span.start.line - 1]).toBe('### E) Review Guide');
  });

  it('accepts the points made in other words, without their labels', async () => {
    const plan = e(
      '1. The highest-risk item is the guard order in `Admit`.',
      '2. Check the conservation test carefully.',
      '3. The renames in Task 2 are mechanical.',
      '4. Pre-existing issues: the flaky timer test is not fixed here.',
    );
    expect(await lintRule('review-guide-items', plan)).toEqual([]);
  });
});
