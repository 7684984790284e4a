import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../helpers.js';

const head = ['# X Implementation Plan', '', '**Goal:** Do it.', '', '### B) Behavioral Contracts', ''];
const c = (id: string): string[] => [`${id}: Thing`, '- GIVEN a', '- WHEN b', '- THEN c', ''];

describe('contract-group-coverage', () => {
  it('accepts positive, negative and error-handling groups', async () => {
    const text = md(...head, '**Positive Contracts:**', '', ...c('BC-1'), '**Negative Contracts:**', '', ...c('BC-2'), '**Error Handling Contracts:**', '', ...c('BC-3'));
    expect(await lintRule('contract-group-coverage', text, { format: 'full' })).toEqual([]);
  });

  it('accepts a group declared empty with a reason', async () => {
    const text = md(...head, '**Positive Contracts:**', '', ...c('BC-1'), '**Negative Contracts:**', '', ...c('BC-2'), '**Error Handling Contracts:** none — this PR only renames a flag and adds no failure path', '');
    expect(await lintRule('contract-group-coverage', text, { format: 'full' })).toEqual([]);
  });

  it('flags a plan without error-handling contracts at the contracts heading', async () => {
    const text = md(...head, '**Positive Contracts:**', '', ...c('BC-1'), '**Negative Contracts:**', '', ...c('BC-2'));
    const ds = await lintRule('contract-group-coverage', text, { format: 'full' });
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('no error handling contracts')]);
    expect(ds[0]!.span.start.line).toBe(5);
  });
});
