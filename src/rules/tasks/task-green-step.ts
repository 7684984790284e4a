import type { Finding, Rule } from '../types.js';
import { isDocsOnly, isVerificationOnly, stepHeadSpan, stepLabel, taskHeadSpan, taskShape } from './shared.js';

export const PASS_EXPECTED = /\bpass|\bok\b|succe|\bgreen\b|no (?:test )?failures|\b0 fail|compiles|builds? (?:cleanly|clean)|\bclean\b/i;

export const taskGreenStep: Rule = {
  id: 'task-green-step',
  family: 'tasks',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'A task that writes tests or code has a green step after its last implementation step: a step that runs the tests with an exact "Run:" command and an "Expected:" that says they PASS. This is how the executing agent knows the task is done. Not required for docs-only and verification-only tasks.',
  instruction: 'After implementing, add "Step N: Run test to verify it passes" with "Run: <exact test command>" and "Expected: PASS".',
  check(plan) {
    const out: Finding[] = [];
    for (const task of plan.tasks) {
      if (taskShape(task) !== 'steps' || isDocsOnly(task) || isVerificationOnly(task)) continue;
      if (!task.steps.some((s) => s.kind === 'test' || s.kind === 'implement')) continue;
      const lastWork = [...task.steps].reverse().find((s) => s.kind === 'implement' || s.kind === 'test');
      const greens = task.steps.filter((s) => s.kind === 'run-pass');
      const after = greens.filter((s) => lastWork === undefined || s.span.start.line > lastWork.span.start.line);
      if (after.length === 0) {
        out.push({
          message: greens.length === 0
            ? `Task ${task.number} never runs the tests to see them pass: add "Step N: Run test to verify it passes" with "Run: <command>" and "Expected: PASS".`
            : `Task ${task.number} has no passing run after ${stepLabel(lastWork!)}: add a step that runs the tests after the last change, with "Expected: PASS".`,
          span: taskHeadSpan(plan, task),
        });
        continue;
      }
      for (const green of after) {
        const runs = green.commands.filter((c) => c.run.text.trim() !== '');
        if (runs.length === 0) {
          out.push({ message: `${stepLabel(green)} of Task ${task.number} has no Run command: add "Run: <exact test command>".`, span: stepHeadSpan(plan, green) });
          continue;
        }
        const expected = green.commands.map((c) => c.expected).filter((e) => e !== undefined);
        if (expected.length === 0) {
          out.push({ message: `${stepLabel(green)} of Task ${task.number} does not say what success looks like: add "Expected: PASS".`, span: stepHeadSpan(plan, green) });
        } else if (!expected.some((e) => PASS_EXPECTED.test(e.text))) {
          out.push({ message: `The Expected of ${stepLabel(green)} in Task ${task.number} ("${expected[0]!.text.trim()}") does not say PASS: the green step must expect the tests to pass.`, span: expected[0]!.span });
        }
      }
    }
    return out;
  },
};
