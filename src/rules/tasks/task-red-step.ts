import type { Finding, Rule } from '../types.js';
import { isTestOnly, isVerificationOnly, needsNewTest, stepHeadSpan, stepLabel, taskHeadSpan, taskShape } from './shared.js';

export const FAIL_EXPECTED = /\bfail|\berror\b|\bundefined\b|not defined|does not compile|compil|\bpanic/i;

export const taskRedStep: Rule = {
  id: 'task-red-step',
  family: 'tasks',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'A task that writes a test and then implements has a red step between the two: a step that runs the new test with an exact "Run:" command and an "Expected:" that says it FAILs (a compile error such as "undefined: X" counts as failing). Seeing the test fail proves it tests the new behavior. Required where task-steps owes a new test (so not for docs-only, refactor/perf/chore/test-type or explicitly waived tasks) and the task writes one; not for test-only tasks either (tests for behavior that already exists pass at once).',
  instruction:
    'After writing the test, add "Step 2: Run test to verify it fails" with "Run: <exact test command>" and "Expected: FAIL with \\"<message>\\"".',
  check(plan) {
    const out: Finding[] = [];
    for (const task of plan.tasks) {
      if (taskShape(task) !== 'steps' || isVerificationOnly(task) || isTestOnly(task)) continue;
      // Only where a new test is owed and written: task-steps reports a missing test step.
      if (!needsNewTest(plan, task) || !task.steps.some((s) => s.kind === 'test')) continue;
      const reds = task.steps.filter((s) => s.kind === 'run-fail');
      if (reds.length === 0) {
        out.push({
          message: `Task ${task.number} never runs the new test to see it fail: add "Step N: Run test to verify it fails" with "Run: <command>" and "Expected: FAIL …" before the implementation.`,
          span: taskHeadSpan(plan, task),
        });
        continue;
      }
      for (const red of reds) {
        const runs = red.commands.filter((c) => c.run.text.trim() !== '');
        if (runs.length === 0) {
          out.push({ message: `${stepLabel(red)} of Task ${task.number} has no Run command: add "Run: <exact test command>".`, span: stepHeadSpan(plan, red) });
          continue;
        }
        const expected = red.commands.map((c) => c.expected).find((e) => e !== undefined);
        if (!expected) {
          out.push({ message: `${stepLabel(red)} of Task ${task.number} does not say what failure to expect: add "Expected: FAIL with \\"<message>\\"".`, span: stepHeadSpan(plan, red) });
        } else if (!FAIL_EXPECTED.test(expected.text)) {
          out.push({ message: `The Expected of ${stepLabel(red)} in Task ${task.number} ("${expected.text.trim()}") does not say FAIL: the red step must expect the new test to fail.`, span: expected.span });
        }
      }
    }
    return out;
  },
};
