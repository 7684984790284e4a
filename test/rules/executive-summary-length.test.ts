import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { fullPlan } from './plan-fixtures.js';

const a = (...lines: string[]): string => fullPlan({}, { a: ['### A) Executive Summary', '', ...lines, ''] });

describe('executive-summary-length', () => {
  it('counts a one-line paragraph as the lines it wraps to at 100 characters and accepts five', async () => {
    expect(await lintRule('executive-summary-length', a(`It adds warnings. ${'They log only. '.repeat(30)}`))).toEqual([]);
  });

  it('flags a one-sentence summary as too short, at the heading', async () => {
    const plan = a('This PR adds warnings.');
    const ds = await lintRule('executive-summary-length', plan);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('reads as 1 line (at 100 characters a line), under the 5–10 budget')]);
    expect(plan.split('\n')[ds[0]!.span.start.line - 1]).toBe('### A) Executive Summary');
  });

  it('flags a summary 10% (at least 3 lines) over its ten-line target', async () => {
    const ds = await lintRule('executive-summary-length', a(...Array.from({ length: 13 }, (_, i) => `- Point ${i}.`)));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('reads as 13 lines (at 100 characters a line), over the 5–10 budget')]);
  });

  it('does not report a summary of 12 lines: the spec gives a target, and reviewers called that taste', async () => {
    expect(await lintRule('executive-summary-length', a(...Array.from({ length: 12 }, (_, i) => `- Point ${i}.`)))).toEqual([]);
  });
});
