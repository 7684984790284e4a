import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { FULL, HEAD, task } from './task-fixtures.js';

describe('task-contracts', () => {
  it('accepts tasks that reference defined contracts', async () => {
    expect(await lintRule('task-contracts', HEAD + task({ contracts: 'BC-1, BC-2' }), FULL)).toEqual([]);
  });

  it('flags a reference to an undefined contract, at the id', async () => {
    const text = HEAD + task({ contracts: 'BC-1, BC-7' });
    const ds = await lintRule('task-contracts', text, FULL);
    expect(ds.map((d) => d.message)).toEqual([
      'Task 1 references BC-7, which the plan does not define: define it in the Behavioral Contracts or reference an existing contract.',
    ]);
    const line = text.split('\n').findIndex((l) => l.startsWith('**Contracts Implemented:**')) + 1;
    expect(ds[0]!.span).toEqual({ start: { line, column: 34 }, end: { line, column: 38 } });
  });

  it('reads contracts named in the title', async () => {
    const ds = await lintRule('task-contracts', HEAD + task({ contracts: '', title: 'Widget cache (BC-9)' }), FULL);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('references BC-9')]);
  });
});
