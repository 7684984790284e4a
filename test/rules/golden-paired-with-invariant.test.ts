import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { at, fullHead, section, task } from './fixtures-trace.js';

const plan = (...rows: string[]): string =>
  fullHead + section('### G) Task Breakdown') + task(1, 'BC-1') + task(2, 'BC-2') + section('### H) Test Strategy', '| Contract | Task | Test Type | Test Name |', '|---|---|---|---|', ...rows);

describe('golden-paired-with-invariant', () => {
  it('accepts a Golden row paired with an Invariant row for the same contract', async () => {
    expect(await lintRule('golden-paired-with-invariant', plan('| BC-1 | Task 1 | Golden | G |', '| BC-1 | Task 2 | Invariant | I |'))).toEqual([]);
  });

  it('accepts "Golden + Invariant" in one row', async () => {
    expect(await lintRule('golden-paired-with-invariant', plan('| BC-1 | Task 1 | Golden + Invariant | G |'))).toEqual([]);
  });

  it('flags a Golden row with no Invariant for its contract or task, at the type cell', async () => {
    const text = plan('| BC-1 | Task 1 | Golden | G |', '| BC-2 | Task 2 | Invariant | I |');
    const ds = await lintRule('golden-paired-with-invariant', text);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('Golden test for BC-1 has no paired Invariant test');
    expect(ds[0]!.span.start).toEqual(at(text, 'Golden |'));
  });
});
