import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lintRule } from '../helpers.js';
import { fullBody, fullPlan } from './plan-fixtures.js';

describe('section-duplicate', () => {
  it('accepts one of each section and unique task numbers, with K.1 subsections', async () => {
    const plan = fullPlan({}, { k: ['## Appendix K: File-Level Implementation Details', '', '### K.1: `docs/rules.md`', '', 'Text.', '', '### K.2: `docs/invariants.md`', '', 'Text.', ''] });
    expect(await lintRule('section-duplicate', plan)).toEqual([]);
  });

  it('flags a repeated Review Guide at the repeat', async () => {
    const plan = fullPlan({}, { i: [...fullBody().slice(fullBody().indexOf('### I) Risk Analysis')).slice(0, 4), '### E) Review Guide (reiterated)', '', 'Same as above.', ''] });
    const ds = await lintRule('section-duplicate', plan);
    expect(ds.map((d) => d.message)).toEqual([expect.stringMatching(/^Section E \(Review Guide\) appears again \(first at line \d+\)/)]);
    expect(plan.split('\n')[ds[0]!.span.start.line - 1]).toBe('### E) Review Guide (reiterated)');
  });

  it('leaves two tasks with the same number to task-numbering (one problem, one finding)', async () => {
    const plan = fullPlan({}, { g: ['### G) Task Breakdown', '', '### Task 1: A (BC-1)', '', 'x', '', '### Task 1: B (BC-1)', '', 'y', ''] });
    expect(await lintRule('section-duplicate', plan)).toEqual([]);
    expect((await lintRule('task-numbering', plan)).map((d) => d.message)).toEqual([expect.stringContaining('Task 1 appears more than once')]);
  });
});

describe('section-duplicate (appendix)', () => {
  it('accepts the spec\'s "## Appendix: …" heading followed by "### K) Detailed specifications"', async () => {
    const text = readFileSync('examples/lint-stats-plan.md', 'utf8');
    expect(text).toMatch(/## Appendix: File-Level Implementation Details\n\n### K\) Detailed specifications/);
    expect(await lintRule('section-duplicate', text)).toEqual([]);
    expect(await lintRule('section-nonempty', text)).toEqual([]);
  });
});
