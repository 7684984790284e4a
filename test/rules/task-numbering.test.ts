import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { FULL, HEAD, task } from './task-fixtures.js';

describe('task-numbering', () => {
  it('accepts Task 1..3 in order', async () => {
    expect(await lintRule('task-numbering', HEAD + task({ n: 1 }) + task({ n: 2 }) + task({ n: 3 }), FULL)).toEqual([]);
  });

  it('flags a repeated task number at its "Task N" words', async () => {
    const text = HEAD + task({ n: 1 }) + task({ n: 2 }) + task({ n: 2 });
    const ds = await lintRule('task-numbering', text, FULL);
    expect(ds.map((d) => d.message)).toEqual(['Task 2 appears more than once: renumber the tasks 1..N so each number is used once.']);
    const line = text.split('\n').lastIndexOf('### Task 2: Widget cache') + 1;
    expect(ds[0]!.span).toEqual({ start: { line, column: 5 }, end: { line, column: 11 } });
  });

  it('flags a gap', async () => {
    const ds = await lintRule('task-numbering', HEAD + task({ n: 1 }) + task({ n: 3 }), FULL);
    expect(ds.map((d) => d.message)).toEqual(['Task 3 skips Task 2 (expected Task 2 here): renumber the tasks 1..N in order.']);
  });

  it('flags a task that goes back', async () => {
    const ds = await lintRule('task-numbering', HEAD + task({ n: 1 }) + task({ n: 3 }) + task({ n: 2 }), FULL);
    expect(ds.map((d) => d.message)).toContain('Task 2 is out of order (expected Task 4 here): renumber the tasks 1..N in order.');
  });
});
