import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { FULL, HEAD, STEP_COMMIT, STEP_IMPL, STEP_LINT, STEP_RED, STEP_TEST, compactTask, task } from './task-fixtures.js';

const green = (...lines: string[]) => ['**Step 4: Run test to verify it passes**', '', ...lines];
const steps = (g: string[]) => [STEP_TEST, STEP_RED, STEP_IMPL, g, STEP_LINT, STEP_COMMIT];

describe('task-exact-commands', () => {
  it('accepts exact commands with Expected outcomes (Go ./... patterns included)', async () => {
    expect(await lintRule('task-exact-commands', HEAD + task(), FULL)).toEqual([]);
    expect(await lintRule('task-exact-commands', HEAD + compactTask(), FULL)).toEqual([]);
  });

  it('flags a placeholder argument, at the command', async () => {
    const text = HEAD + task({ steps: steps(green('Run: `go test ./<package>/... -v`', 'Expected: PASS')) });
    const ds = await lintRule('task-exact-commands', text, FULL);
    expect(ds.map((d) => d.message)).toEqual([
      'The command of Step 4 in Task 1 has a placeholder ("<package>") in place of an argument: write the exact command to run.',
    ]);
    const line = text.split('\n').indexOf('Run: `go test ./<package>/... -v`') + 1;
    expect(ds[0]!.span).toEqual({ start: { line, column: 7 }, end: { line, column: 33 } });
  });

  it('flags a description in place of a command', async () => {
    const ds = await lintRule('task-exact-commands', HEAD + task({ steps: steps(green('Run: run the tests', 'Expected: PASS')) }), FULL);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('is a description, not a command')]);
  });

  it('flags a Run with no Expected (red and green steps are left to their own rules)', async () => {
    const lint = ['**Step 5: Run lint check**', '', 'Run: `golangci-lint run ./cache/...`'];
    const ds = await lintRule('task-exact-commands', HEAD + task({ steps: [STEP_TEST, STEP_RED, STEP_IMPL, green('Run: `go test ./cache/...`'), lint, STEP_COMMIT] }), FULL);
    expect(ds.map((d) => d.message)).toEqual([
      'The command of Step 5 in Task 1 has no Expected: add "Expected: PASS" (or the failure or output to expect) after it.',
    ]);
  });

  it('flags a description in place of a command even when it starts with a capital', async () => {
    const ds = await lintRule('task-exact-commands', HEAD + task({ steps: steps(green('Run: Read back the file and confirm the rows', 'Expected: PASS')) }), FULL);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('is a description, not a command')]);
  });

  it('flags a compact Verify with a lone "..." argument', async () => {
    const body = ['**Files:** create `a.go`', '**Verify:** `go test ...`', '**Lint:** `golangci-lint run ./...`', '**Commit:** `feat(a): b (BC-1)`'];
    const ds = await lintRule('task-exact-commands', HEAD + compactTask({ body }), FULL);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('The **Verify:** command of Task 1 has a placeholder ("...")')]);
  });
});
