import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { FULL, HEAD, STEP_COMMIT, STEP_GREEN, STEP_IMPL, STEP_LINT, STEP_RED, task } from './task-fixtures.js';

describe('task-code-blocks', () => {
  it('accepts test and implementation steps with code blocks', async () => {
    expect(await lintRule('task-code-blocks', HEAD + task(), FULL)).toEqual([]);
  });

  it('flags a "Write failing test" step with no code block, at "Step N"', async () => {
    const noCode = ['**Step 1: Write failing test for BC-1**', '', 'Test that a second load returns the cached widget.'];
    const text = HEAD + task({ steps: [noCode, STEP_RED, STEP_IMPL, STEP_GREEN, STEP_LINT, STEP_COMMIT] });
    const ds = await lintRule('task-code-blocks', text, FULL);
    expect(ds.map((d) => d.message)).toEqual([
      'Step 1 of Task 1 ("Write failing test for BC-1") has no test code: add the complete test in a code block.',
    ]);
    const line = text.split('\n').indexOf(noCode[0]!) + 1;
    expect(ds[0]!.span.start).toEqual({ line, column: 3 });
  });

  it('flags an implementation step described in prose only', async () => {
    const prose = ['**Step 3: Implement the cache**', '', 'Add a map keyed by widget id.'];
    const ds = await lintRule('task-code-blocks', HEAD + task({ steps: [prose] }), FULL);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('("Implement the cache") has no code')]);
  });

  it('accepts an exact inline one-line edit', async () => {
    const inline = ['**Step 3: Change `cache/cache.go`** — Line 36: `ttl int` → `ttl int64`'];
    expect(await lintRule('task-code-blocks', HEAD + task({ steps: [inline] }), FULL)).toEqual([]);
  });
});
