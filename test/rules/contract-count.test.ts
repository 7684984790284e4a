import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../helpers.js';

function contract(n: number): string[] {
  return [`BC-${n}: Thing ${n}`, '- GIVEN a', '- WHEN b', '- THEN c', ''];
}

function plan(n: number): string {
  return md('# X Implementation Plan', '', '**Goal:** Do it.', '', '## Behavioral Contracts', '', ...Array.from({ length: n }, (_, i) => contract(i + 1)).flat());
}

describe('contract-count', () => {
  it('accepts 3 to 15 contracts', async () => {
    expect(await lintRule('contract-count', plan(3), { format: 'full' })).toEqual([]);
    expect(await lintRule('contract-count', plan(15), { format: 'full' })).toEqual([]);
  });

  it('flags more than 15 contracts at the 16th contract id', async () => {
    const ds = await lintRule('contract-count', plan(16), { format: 'full' });
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('16 contracts, more than 15');
    expect(ds[0]!.span.start).toEqual({ line: 7 + 15 * 5, column: 1 });
  });

  it('flags a full plan with fewer than 3 contracts at the contracts heading', async () => {
    const ds = await lintRule('contract-count', plan(2), { format: 'full' });
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('2 contracts, fewer than 3')]);
    expect(ds[0]!.span.start.line).toBe(5);
  });

  it('lets a compact plan have a single contract', async () => {
    expect(await lintRule('contract-count', plan(1), { format: 'compact' })).toEqual([]);
  });

  it('reads the budget from config', async () => {
    const ds = await lintRule('contract-count', plan(4), { format: 'full', config: { budgets: { ...(await import('../../src/config/defaults.js')).defaultConfig().budgets, contracts: [5, 10] } } });
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('fewer than 5')]);
  });
});
