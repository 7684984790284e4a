import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { FULL, HEAD, STEP_COMMIT, STEP_GREEN, STEP_IMPL, STEP_RED, STEP_TEST, renumber, task } from './task-fixtures.js';

describe('task-lint-step', () => {
  it('accepts a lint step with a command', async () => {
    expect(await lintRule('task-lint-step', HEAD + task(), FULL)).toEqual([]);
  });

  it('accepts the project lint command inside another step', async () => {
    const both = ['**Step 4: Run tests and lint**', '', 'Run: `go test ./... && golangci-lint run ./...`', 'Expected: PASS'];
    expect(await lintRule('task-lint-step', HEAD + task({ steps: renumber([STEP_TEST, STEP_RED, STEP_IMPL, both, STEP_COMMIT]) }), FULL)).toEqual([]);
  });

  it('flags a code task with no lint step, naming the configured command', async () => {
    const ds = await lintRule('task-lint-step', HEAD + task({ steps: renumber([STEP_TEST, STEP_RED, STEP_IMPL, STEP_GREEN, STEP_COMMIT]) }), FULL);
    expect(ds.map((d) => d.message)).toEqual([
      'Task 1 has no lint step: add "Step N: Run lint check" with "Run: golangci-lint run ./..." before the commit.',
    ]);
    expect(ds[0]!.span.start).toEqual({ line: 19, column: 5 });
  });

  it('flags a lint step without a command', async () => {
    const lint = ['**Step 5: Run lint check**', '', 'Make sure lint is clean.'];
    const ds = await lintRule('task-lint-step', HEAD + task({ steps: [STEP_TEST, STEP_RED, STEP_IMPL, STEP_GREEN, lint, STEP_COMMIT] }), FULL);
    expect(ds.map((d) => d.message)).toEqual(['Step 5 of Task 1 has no lint command: add "Run: golangci-lint run ./...".']);
  });
});
