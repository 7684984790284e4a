import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../helpers.js';

function plan(...ids: string[]): string {
  return md('# X Implementation Plan', '', '**Goal:** Do it.', '', '## Behavioral Contracts', '', ...ids.flatMap((id) => [`${id}: Thing`, '- GIVEN a', '- WHEN b', '- THEN c', '']));
}

describe('contract-id-prefix', () => {
  it('accepts contracts named BC-N', async () => {
    expect(await lintRule('contract-id-prefix', plan('BC-1', 'BC-2', 'BC-3'))).toEqual([]);
  });

  it('flags another prefix once, at its first contract, with the BC numbers to use', async () => {
    const ds = await lintRule('contract-id-prefix', plan('BC-1', 'BC-2', 'NC-1', 'NC-2'));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe('Contracts NC-1…NC-2 use the prefix "NC": the spec names every contract BC-N — renumber as BC-3…BC-4 and update every reference.');
    expect(ds[0]!.span).toEqual({ start: { line: 17, column: 1 }, end: { line: 17, column: 5 } });
  });

  it('flags FIX-N contracts', async () => {
    const ds = await lintRule('contract-id-prefix', plan('FIX-1', 'FIX-2', 'FIX-3'));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('renumber as BC-1…BC-3')]);
  });
});
