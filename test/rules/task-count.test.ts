import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { FULL, HEAD, task } from './task-fixtures.js';

const tasks = (n: number): string => Array.from({ length: n }, (_, i) => task({ n: i + 1 })).join('\n');

describe('task-count', () => {
  it('accepts a full plan with 6 tasks', async () => {
    expect(await lintRule('task-count', HEAD + tasks(6), FULL)).toEqual([]);
  });

  it('warns about a full plan with 2 tasks, at the first task title', async () => {
    const ds = await lintRule('task-count', HEAD + tasks(2), FULL);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe('The plan has 2 tasks, outside the 6–12 budget: split the work into at least 6 tasks.');
    expect(ds[0]!.severity).toBe('warning');
    expect(ds[0]!.span.start.line).toBe(19);
  });

  it('reads the budget from the config', async () => {
    const config = { budgets: { ...(await import('../../src/config/defaults.js')).defaultConfig().budgets, tasks: [1, 3] as [number, number] } };
    expect(await lintRule('task-count', HEAD + tasks(2), { ...FULL, config })).toEqual([]);
  });
});
