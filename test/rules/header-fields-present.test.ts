import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { compactPlan, fullPlan } from './plan-fixtures.js';

describe('header-fields-present', () => {
  it('accepts a full header with all eight fields', async () => {
    expect(await lintRule('header-fields-present', fullPlan())).toEqual([]);
  });

  it('accepts a compact header with Goal, Source and Closes', async () => {
    expect(await lintRule('header-fields-present', compactPlan())).toEqual([]);
  });

  it('flags a missing field, pointing after the field it should follow', async () => {
    const ds = await lintRule('header-fields-present', fullPlan({ why: [] }));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe('The header has no "Why this matters" field: add "**Why this matters:** …" after the "What this PR adds" field.');
    expect(ds[0]!.span.start.line).toBe(9);
  });

  it('flags a compact plan without Source', async () => {
    const ds = await lintRule('header-fields-present', compactPlan({ source: [] }));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('no "Source" field')]);
  });

  it('lets Closes be omitted when the source is a macro-plan section with no linked issues', async () => {
    const plan = fullPlan({ source: ['**Source:** Phase 2, PR 4 in docs/plans/macro-plan.md', ''], closes: [] });
    expect(await lintRule('header-fields-present', plan)).toEqual([]);
  });

  it('still requires Closes when the source names an issue', async () => {
    const ds = await lintRule('header-fields-present', fullPlan({ closes: [] }));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('no "Closes" field')]);
  });

  it('accepts "What this PR removes" in place of "What this PR adds"', async () => {
    const plan = fullPlan({ adds: ['**What this PR removes:**', '1. The old flag', '2. The old command', ''] });
    expect(await lintRule('header-fields-present', plan)).toEqual([]);
  });
});
