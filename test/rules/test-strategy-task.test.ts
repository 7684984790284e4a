import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { at, fullHead, section, task } from './fixtures-trace.js';

const plan = (...rows: string[]): string =>
  fullHead +
  section('### G) Task Breakdown') +
  task(1, 'BC-1') +
  task(2, 'BC-2') +
  section('### H) Test Strategy', '| Contract | Task | Test Type | Test Name |', '|---|---|---|---|', ...rows);

describe('test-strategy-task', () => {
  it('accepts rows naming existing tasks in the corpus forms', async () => {
    expect(await lintRule('test-strategy-task', plan('| BC-1 | Task 1 | Unit | T |', '| BC-2 | Tasks 1-2 | Unit | T |', '| BC-2 | 2 | Unit | T |', '| BC-1 | All | Unit | T |'))).toEqual([]);
  });

  it('flags a row citing a task the plan does not have, at the task cell', async () => {
    const text = plan('| BC-1 | Task 5 | Unit | T |');
    const ds = await lintRule('test-strategy-task', text);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe('Test-strategy row cites Task 5, which the plan does not have (tasks: 1, 2): fix the task number.');
    expect(ds[0]!.span.start).toEqual(at(text, 'Task 5'));
  });

  it('flags a row that names no task ("N/A")', async () => {
    const ds = await lintRule('test-strategy-task', plan('| BC-1 | N/A | Unit | T |'));
    expect(ds.map((d) => d.message)).toEqual(['Test-strategy row names "N/A" instead of a task: write the task that adds this test ("Task N").']);
  });

  it('accepts "Existing" with the test named: a contract covered by a test already in the repository', async () => {
    expect(await lintRule('test-strategy-task', plan('| BC-1 | Existing | Unit | `TestOld_StillPasses` |'))).toEqual([]);
  });
});
