import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { at, fullHead, section, task } from './fixtures-trace.js';

const g = (...tasks: string[]): string => fullHead + section('### G) Task Breakdown') + tasks.join('');

describe('contract-implemented', () => {
  it('accepts a plan whose tasks claim every contract', async () => {
    expect(await lintRule('contract-implemented', g(task(1, 'BC-1'), task(2, 'BC-2')))).toEqual([]);
  });

  it('accepts a contract claimed through a range in a task title', async () => {
    const plan = fullHead + section('### G) Task Breakdown') + section('### Task 1: Everything (BC-1..2)', 'Body.');
    expect(await lintRule('contract-implemented', plan)).toEqual([]);
  });

  it('flags a contract no task claims, at the contract id', async () => {
    const ds = await lintRule('contract-implemented', g(task(1, 'BC-1'), task(2, 'BC-1')));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe('Contract BC-2 is not implemented by any task: add BC-2 to the "Contracts Implemented:" line of the task that makes it true.');
    expect(ds[0]!.span.start).toEqual(at(fullHead, 'BC-2:'));
  });
});
