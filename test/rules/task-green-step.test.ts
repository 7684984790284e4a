import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { FULL, HEAD, STEP_COMMIT, STEP_IMPL, STEP_LINT, STEP_RED, STEP_TEST, renumber, task } from './task-fixtures.js';

describe('task-green-step', () => {
  it('accepts a green step with a Run command and Expected: PASS', async () => {
    expect(await lintRule('task-green-step', HEAD + task(), FULL)).toEqual([]);
  });

  it('flags a task that never runs the tests to see them pass', async () => {
    const ds = await lintRule('task-green-step', HEAD + task({ steps: renumber([STEP_TEST, STEP_RED, STEP_IMPL, STEP_LINT, STEP_COMMIT]) }), FULL);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('Task 1 never runs the tests to see them pass')]);
  });

  it('flags a green step whose Expected does not say PASS, at the Expected', async () => {
    const green = ['**Step 4: Run test to verify it passes**', '', 'Run: `go test ./cache/... -run TestCache_Load -v`', 'Expected: FAIL'];
    const text = HEAD + task({ steps: [STEP_TEST, STEP_RED, STEP_IMPL, green, STEP_LINT, STEP_COMMIT] });
    const ds = await lintRule('task-green-step', text, FULL);
    expect(ds.map((d) => d.message)).toEqual([
      'The Expected of Step 4 in Task 1 ("FAIL") does not say PASS: the green step must expect the tests to pass.',
    ]);
    expect(ds[0]!.span.start.column).toBe(11);
  });
});
