import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { compactPlan, fullBody, fullPlan } from './plan-fixtures.js';

describe('sections-order', () => {
  it('accepts sections in spec order', async () => {
    expect(await lintRule('sections-order', fullPlan())).toEqual([]);
    expect(await lintRule('sections-order', compactPlan())).toEqual([]);
  });

  it('flags the Sanity Checklist placed after the Appendix, at its heading', async () => {
    const body = fullBody();
    const plan = fullPlan({}, { j: [], k: [...(body.slice(-6)), '### J) Sanity Checklist', '', '- [x] Done.', ''] });
    const ds = await lintRule('sections-order', plan);
    expect(ds.map((d) => d.message)).toEqual(['Section J (Sanity Checklist) comes after the Appendix (section K, File-Level Implementation Details): move it before the Appendix (section K, File-Level Implementation Details).']);
    expect(plan.split('\n')[ds[0]!.span.start.line - 1]).toBe('### J) Sanity Checklist');
  });

  it('flags Tasks before Behavioral Contracts in a compact plan', async () => {
    const base = compactPlan();
    const plan = compactPlan({ contracts: ['## Tasks', '', '### Task 1: Warn (BC-1)', ''], tasks: ['## Behavioral Contracts', '', 'BC-1: Warn', '- GIVEN a', '- WHEN b', '- THEN c', ''] });
    expect(base).not.toEqual(plan);
    const ds = await lintRule('sections-order', plan);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('The "Behavioral Contracts" section comes after the "Tasks" section')]);
  });
});
