import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { at, fullHead, section, task } from './fixtures-trace.js';

/** A plan whose Task 1 regenerates the golden dataset: the case where the spec owes the pairing. */
const plan = (...rows: string[]): string =>
  fullHead +
  section('### G) Task Breakdown') +
  task(1, 'BC-1').replace('- Modify: `sim/f1.go`', '- Modify: `sim/f1.go`\n- Modify: `testdata/goldendataset.json`') +
  task(2, 'BC-2') +
  section('### H) Test Strategy', '| Contract | Task | Test Type | Test Name |', '|---|---|---|---|', ...rows);

describe('golden-paired-with-invariant', () => {
  it('accepts a Golden row paired with an Invariant row for the same contract', async () => {
    expect(await lintRule('golden-paired-with-invariant', plan('| BC-1 | Task 1 | Golden | G |', '| BC-1 | Task 2 | Invariant | I |'))).toEqual([]);
  });

  it('accepts "Golden + Invariant" in one row', async () => {
    expect(await lintRule('golden-paired-with-invariant', plan('| BC-1 | Task 1 | Golden + Invariant | G |'))).toEqual([]);
  });

  it('accepts an Invariant row for another contract: the spec pairs golden tests with invariant tests, not row by row', async () => {
    expect(await lintRule('golden-paired-with-invariant', plan('| BC-1 | Task 1 | Golden | G |', '| BC-2 | Task 2 | Invariant | I |'))).toEqual([]);
  });

  it('accepts rerunning existing golden tests unchanged: the pairing is owed when adding one', async () => {
    expect(await lintRule('golden-paired-with-invariant', plan('| BC-1 | Task 1 | Golden | existing `TestGolden` must still pass |', '| BC-2 | Task 2 | Unit | U |'))).toEqual([]);
  });

  it('accepts invariant tests named under the table', async () => {
    const text = plan('| BC-1 | Task 1 | Golden | G |') + '\nInvariant tests: the conservation tests already exist and keep passing.\n';
    expect(await lintRule('golden-paired-with-invariant', text)).toEqual([]);
  });

  it('flags a Golden row in a plan with no invariant testing at all, at the type cell', async () => {
    const text = plan('| BC-1 | Task 1 | Golden | G |', '| BC-2 | Task 2 | Unit | U |');
    const ds = await lintRule('golden-paired-with-invariant', text);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('Golden test for BC-1 has no paired Invariant test');
    expect(ds[0]!.span.start).toEqual(at(text, 'Golden |'));
  });

  it('is silent when the plan changes no golden data: rerunning golden tests adds none', async () => {
    const text = plan('| BC-1 | Task 1 | Golden | G |', '| BC-2 | Task 2 | Unit | U |').replace('- Modify: `testdata/goldendataset.json`\n', '');
    expect(await lintRule('golden-paired-with-invariant', text)).toEqual([]);
  });
});
