import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../helpers.js';

function plan(...ids: string[]): string {
  return md('# X Implementation Plan', '', '**Goal:** Do it.', '', '## Behavioral Contracts', '', ...ids.flatMap((id) => [`${id}: Thing`, '- GIVEN a', '- WHEN b', '- THEN c', '']));
}

describe('contract-ids', () => {
  it('accepts BC-1..BC-N in order', async () => {
    expect(await lintRule('contract-ids', plan('BC-1', 'BC-2', 'BC-3'))).toEqual([]);
  });

  it('flags a duplicate id at its second use', async () => {
    const ds = await lintRule('contract-ids', plan('BC-1', 'BC-2', 'BC-2'));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('BC-2 is used twice (first on line 12)');
    expect(ds[0]!.span).toEqual({ start: { line: 17, column: 1 }, end: { line: 17, column: 5 } });
  });

  it('flags a gap in the numbering at the contract after it', async () => {
    const ds = await lintRule('contract-ids', plan('BC-1', 'BC-2', 'BC-4'));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('jump from BC-2 to BC-4 (BC-3 is missing)')]);
    expect(ds[0]!.span.start.line).toBe(17);
  });

  it('accepts contracts written out of id order (a contract added to an earlier group)', async () => {
    expect(await lintRule('contract-ids', plan('BC-1', 'BC-3', 'BC-2'))).toEqual([]);
  });

  it('checks other prefixes as their own sequence', async () => {
    expect(await lintRule('contract-ids', plan('BC-1', 'BC-2', 'NC-1', 'NC-2'))).toEqual([]);
  });
});
