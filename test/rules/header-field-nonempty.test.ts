import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { fullPlan } from './plan-fixtures.js';

describe('header-field-nonempty', () => {
  it('accepts fields with inline values or lists', async () => {
    expect(await lintRule('header-field-nonempty', fullPlan())).toEqual([]);
  });

  it('flags a label left with nothing after it', async () => {
    const ds = await lintRule('header-field-nonempty', fullPlan({ why: ['**Why this matters:**', ''] }));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe('The "Why this matters" field is empty: write its content after the label.');
    expect(ds[0]!.span.start.line).toBe(13);
  });

  it('flags a placeholder that is only an ellipsis', async () => {
    const ds = await lintRule('header-field-nonempty', fullPlan({ source: ['**Source:** …', ''] }));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('"Source" field is empty')]);
  });
});
