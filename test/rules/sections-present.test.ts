import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { compactPlan, fullPlan } from './plan-fixtures.js';

describe('sections-present', () => {
  it('accepts a full plan with Parts 1–3, sections A–J and the Appendix', async () => {
    expect(await lintRule('sections-present', fullPlan())).toEqual([]);
  });

  it('accepts a compact plan with contracts, tasks and checklist', async () => {
    expect(await lintRule('sections-present', compactPlan())).toEqual([]);
  });

  it('flags a missing lettered section, at the section it should precede', async () => {
    const plan = fullPlan({}, { c: [] });
    const ds = await lintRule('sections-present', plan);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe('The plan is missing section C (Component Interaction): add "### C) Component Interaction" before section D (Deviation Log).');
    expect(plan.split('\n')[ds[0]!.span.start.line - 1]).toBe('### D) Deviation Log');
  });

  it('flags a missing Part heading and a compact plan without its checklist', async () => {
    expect((await lintRule('sections-present', fullPlan({}, { p3: [] }))).map((d) => d.message)).toEqual([expect.stringContaining('"Part 3: Quality Assurance" heading')]);
    expect((await lintRule('sections-present', compactPlan({ checklist: [] }))).map((d) => d.message)).toEqual([expect.stringContaining('"Sanity Checklist" section')]);
  });

  it('accepts an unlettered "## Sanity Checklist" in place of J', async () => {
    const plan = fullPlan({}, { j: ['## Sanity Checklist', '', '- [x] No unnecessary abstractions.', ''] });
    expect(await lintRule('sections-present', plan)).toEqual([]);
  });
});
