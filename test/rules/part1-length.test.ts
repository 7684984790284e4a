import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintRule } from '../helpers.js';
import { fullPlan } from './plan-fixtures.js';

const budgets = (over: Partial<ReturnType<typeof defaultConfig>['budgets']>): { budgets: ReturnType<typeof defaultConfig>['budgets'] } => ({ budgets: { ...defaultConfig().budgets, ...over } });

describe('part1-length', () => {
  it('accepts a Part 1 within budget', async () => {
    expect(await lintRule('part1-length', fullPlan())).toEqual([]);
  });

  it('flags a Part 1 longer than budgets.part1Lines, at the Part 1 heading', async () => {
    const plan = fullPlan();
    const ds = await lintRule('part1-length', plan, { config: budgets({ part1Lines: 10 }) });
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toMatch(/^Part 1 reads as \d+ lines \(at 100 characters a line\), over the 10-line budget/);
    expect(plan.split('\n')[ds[0]!.span.start.line - 1]).toBe('## Part 1: Design Validation');
  });
});
