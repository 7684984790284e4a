import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { at, fullHead, section, task } from './fixtures-trace.js';

const plan = (h: string): string =>
  fullHead + section('### C) Component Interaction', 'x') + section('### G) Task Breakdown') + task(1, 'BC-1, BC-2') + h;

describe('contract-in-test-strategy', () => {
  it('accepts a table that covers every contract, ranges included', async () => {
    const h = section('### H) Test Strategy', '| Contract | Task | Test Type | Test Name |', '|---|---|---|---|', '| BC-1–BC-2 | Task 1 | Unit | TestA_B_C |');
    expect(await lintRule('contract-in-test-strategy', plan(h))).toEqual([]);
  });

  it('flags a contract missing from the table, at the contract id', async () => {
    const h = section('### H) Test Strategy', '| Contract | Task | Test Type | Test Name |', '|---|---|---|---|', '| BC-1 | Task 1 | Unit | TestA_B_C |');
    const ds = await lintRule('contract-in-test-strategy', plan(h));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('Contract BC-2 is missing from the test-strategy table')]);
    expect(ds[0]!.span.start).toEqual(at(fullHead, 'BC-2:'));
  });

  it('flags section H without a table, at its heading', async () => {
    const ds = await lintRule('contract-in-test-strategy', plan(section('### H) Test Strategy', 'All tested.')));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('Section H has no test-strategy table');
    expect(ds[0]!.span.start.column).toBe(1);
  });
});
