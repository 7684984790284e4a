import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { FULL, HEAD, task } from './task-fixtures.js';

describe('task-contract-count', () => {
  it('accepts a task with one contract', async () => {
    expect(await lintRule('task-contract-count', HEAD + task(), FULL)).toEqual([]);
  });

  it('warns about a task that names no contract, at "Task N"', async () => {
    const ds = await lintRule('task-contract-count', HEAD + task({ contracts: '' }), FULL);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('warning');
    expect(ds[0]!.message).toContain('Task 1 names no contract');
    expect(ds[0]!.span.start).toEqual({ line: 19, column: 5 });
  });

  it('warns about a task with more contracts than the budget', async () => {
    const ds = await lintRule('task-contract-count', HEAD + task({ contracts: 'BC-1, BC-2, BC-3, BC-4' }), FULL);
    expect(ds.map((d) => d.message)).toEqual([
      'Task 1 names 4 contracts (BC-1, BC-2, BC-3, BC-4), more than 3: split it into tasks of at most 3 related contracts.',
    ]);
  });

  it('accepts "Contracts: all" on a wrap-up task', async () => {
    expect(await lintRule('task-contract-count', HEAD + task({ contracts: 'all' }), FULL)).toEqual([]);
  });
});
