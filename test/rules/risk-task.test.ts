import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { at, fullHead, section, task } from './fixtures-trace.js';

const plan = (...rows: string[]): string =>
  fullHead +
  section('### G) Task Breakdown') +
  task(1, 'BC-1, BC-2') +
  section('### I) Risk Analysis', '| Risk | Likelihood | Impact | Mitigation | Task |', '|---|---|---|---|---|', ...rows);

describe('risk-task', () => {
  it('accepts risks mitigated by existing tasks', async () => {
    expect(await lintRule('risk-task', plan('| Overflow | Low | High | Guard | Task 1 |'))).toEqual([]);
  });

  it('flags a risk with no mitigating task, at the task cell', async () => {
    const text = plan('| Merge conflicts | Medium | Medium | None | N/A |');
    const ds = await lintRule('risk-task', text);
    expect(ds.map((d) => d.message)).toEqual(['Risk "Merge conflicts" names no mitigating task ("N/A"): write the task that mitigates it ("Task N").']);
    expect(ds[0]!.span.start).toEqual(at(text, 'N/A'));
  });

  it('flags a task number the plan does not have', async () => {
    const ds = await lintRule('risk-task', plan('| Overflow | Low | High | Guard | Task 7 |'));
    expect(ds.map((d) => d.message)).toEqual(['Risk "Overflow" cites Task 7, which the plan does not have: fix the task number.']);
  });
});
