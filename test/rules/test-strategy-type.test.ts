import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { at, fullHead, section, task } from './fixtures-trace.js';

const plan = (...rows: string[]): string =>
  fullHead + section('### G) Task Breakdown') + task(1, 'BC-1, BC-2') + section('### H) Test Strategy', '| Contract | Task | Test Type | Test Name |', '|---|---|---|---|', ...rows);

describe('test-strategy-type', () => {
  it('accepts the spec types, combined or qualified', async () => {
    expect(await lintRule('test-strategy-type', plan('| BC-1 | Task 1 | Golden + Invariant | T |', '| BC-2 | Task 1 | Unit (table-driven) | T |'))).toEqual([]);
  });

  it('flags each non-spec type once, at its first cell, counting the rows', async () => {
    const text = plan('| BC-1 | Task 1 | Manual | T |', '| BC-2 | Task 1 | Manual | T |');
    const ds = await lintRule('test-strategy-type', text);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe('Test type "Manual" (2 rows) is not one of Unit, Integration, Golden, Invariant, Failure, Benchmark: name the kind of test that proves the contract.');
    expect(ds[0]!.span.start).toEqual(at(text, 'Manual'));
    expect(ds[0]!.severity).toBe('warning');
  });
});
