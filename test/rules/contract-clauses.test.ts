import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../helpers.js';

const head = ['# X Implementation Plan', '', '**Goal:** Do it.', '', '## Behavioral Contracts', ''];

describe('contract-clauses', () => {
  it('accepts GIVEN, WHEN, THEN and an optional MECHANISM in order', async () => {
    const text = md(...head, 'BC-1: Thing', '- GIVEN a', '- WHEN b', '- THEN c', '- MECHANISM d', '', 'BC-2: Other', '- GIVEN a', '- WHEN b', '- THEN c');
    expect(await lintRule('contract-clauses', text)).toEqual([]);
  });

  it('flags a contract without a WHEN clause at its id', async () => {
    const ds = await lintRule('contract-clauses', md(...head, 'BC-1: Flag registration', '- GIVEN the observe command', '- THEN it has a --workload flag'));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe('Contract BC-1 has no WHEN clause: add "- WHEN <action>".');
    expect(ds[0]!.span).toEqual({ start: { line: 7, column: 1 }, end: { line: 7, column: 5 } });
  });

  it('flags a contract written as prose', async () => {
    const ds = await lintRule('contract-clauses', md(...head, '**BC-1:** `Foo()` returns the same value as `Bar()`.'), { format: 'full' });
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('Contract BC-1 has no GIVEN/WHEN/THEN clauses')]);
  });

  it('flags THEN written before WHEN, at the THEN clause', async () => {
    const ds = await lintRule('contract-clauses', md(...head, 'BC-1: Thing', '- GIVEN a', '- THEN c', '- WHEN b'));
    expect(ds.map((d) => d.message)).toEqual(['In contract BC-1 the THEN clause comes before WHEN: write GIVEN, then WHEN, then THEN.']);
    expect(ds[0]!.span.start).toEqual({ line: 9, column: 3 });
  });
});
