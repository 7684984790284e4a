import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../helpers.js';

const head = ['# X Implementation Plan', '', '**Goal:** Do it.', '', '### B) Behavioral Contracts', ''];
const c = (id: string): string[] => [`${id}: Thing`, '- GIVEN a', '- WHEN b', '- THEN c', ''];

describe('contract-groups', () => {
  it('accepts contracts under group labels', async () => {
    const text = md(...head, '**Positive Contracts:**', '', ...c('BC-1'), '**Negative Contracts:**', '', ...c('BC-2'), '**Error Handling Contracts:**', '', ...c('BC-3'));
    expect(await lintRule('contract-groups', text, { format: 'full' })).toEqual([]);
  });

  it('flags a section with no group labels once, at its heading', async () => {
    const ds = await lintRule('contract-groups', md(...head, ...c('BC-1'), ...c('BC-2'), ...c('BC-3')), { format: 'full' });
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('The contracts are not grouped');
    expect(ds[0]!.span.start.line).toBe(5);
  });

  it('flags a contract written before the first group label', async () => {
    const ds = await lintRule('contract-groups', md(...head, ...c('BC-1'), '**Negative Contracts:**', '', ...c('BC-2')), { format: 'full' });
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('Contract BC-1 is not under a group label')]);
    expect(ds[0]!.span.start).toEqual({ line: 7, column: 1 });
  });
});
