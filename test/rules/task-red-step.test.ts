import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { FULL, HEAD, STEP_COMMIT, STEP_GREEN, STEP_IMPL, STEP_LINT, STEP_TEST, renumber, task } from './task-fixtures.js';

describe('task-red-step', () => {
  it('accepts a red step with a Run command and Expected: FAIL', async () => {
    expect(await lintRule('task-red-step', HEAD + task(), FULL)).toEqual([]);
  });

  it('flags a TDD task that never runs the test to see it fail', async () => {
    const ds = await lintRule('task-red-step', HEAD + task({ steps: renumber([STEP_TEST, STEP_IMPL, STEP_GREEN, STEP_LINT, STEP_COMMIT]) }), FULL);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('Task 1 never runs the new test to see it fail')]);
    expect(ds[0]!.span.start).toEqual({ line: 19, column: 5 });
  });

  it('flags a red step whose Expected does not say FAIL, at the Expected', async () => {
    const red = ['**Step 2: Run test to verify it fails**', '', 'Run: `go test ./cache/... -run TestCache_Load -v`', 'Expected: PASS'];
    const text = HEAD + task({ steps: [STEP_TEST, red, STEP_IMPL, STEP_GREEN, STEP_LINT, STEP_COMMIT] });
    const ds = await lintRule('task-red-step', text, FULL);
    expect(ds.map((d) => d.message)).toEqual([
      'The Expected of Step 2 in Task 1 ("PASS") does not say FAIL: the red step must expect the new test to fail.',
    ]);
    const line = text.split('\n').indexOf('Expected: PASS') + 1;
    expect(ds[0]!.span).toEqual({ start: { line, column: 11 }, end: { line, column: 15 } });
  });

  it('flags a red step with no Run command', async () => {
    const red = ['**Step 2: Run test to verify it fails**', '', 'It should fail.'];
    const ds = await lintRule('task-red-step', HEAD + task({ steps: [STEP_TEST, red, STEP_IMPL, STEP_GREEN, STEP_LINT, STEP_COMMIT] }), FULL);
    expect(ds.map((d) => d.message)).toEqual(['Step 2 of Task 1 has no Run command: add "Run: <exact test command>".']);
  });
});
