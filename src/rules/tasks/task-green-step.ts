import type { Finding, Rule } from '../types.js';
import { isDocsOnly, isRedOnly, isVerificationOnly, stepHeadSpan, stepLabel, taskHeadSpan, taskShape } from './shared.js';

export const PASS_EXPECTED = /\bpass|\bok\b|succe|\bgreen\b|no (?:test )?failures|\b0 fail|compiles|builds? (?:cleanly|clean)|\bclean\b/i;

/** A command that runs a test suite. */
const TEST_RUN = /\b(?:go test|pytest|vitest|jest|mocha|cargo (?:test|nextest)|npm (?:run )?test|pnpm (?:run )?test|yarn test|make test|tox|phpunit|rspec)\b/;

/** A command that only compiles: it shows nothing about behavior. */
const BUILD_ONLY = /^\s*(?:go build|go vet|tsc|npx tsc|cargo (?:build|check)|make build|npm run build|mvn compile)\b[^&|;]*$/;

export const taskGreenStep: Rule = {
  id: 'task-green-step',
  family: 'tasks',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'A task that writes tests or code has a green step after its last implementation step: a step that runs the tests with an exact "Run:" command and an "Expected:" that says they PASS (or a step heading that says so: "Run test, verify pass"). This is how the executing agent knows the task is done. Not required for docs-only and verification-only tasks, nor for a task that writes no test (task-steps reports that) but checks its change with exact commands and their expected outcomes.',
  instruction: 'After implementing, add "Step N: Run test to verify it passes" with "Run: <exact test command>" and "Expected: PASS".',
  check(plan) {
    const out: Finding[] = [];
    for (const task of plan.tasks) {
      if (taskShape(task) !== 'steps' || isDocsOnly(task) || isVerificationOnly(task)) continue;
      if (!task.steps.some((s) => s.kind === 'test' || s.kind === 'implement')) continue;
      const lastWork = [...task.steps].reverse().find((s) => s.kind === 'implement' || s.kind === 'test');
      const greens = task.steps.filter((s) => s.kind === 'run-pass');
      const after = greens.filter((s) => lastWork === undefined || s.span.start.line > lastWork.span.start.line);
      if (after.length === 0 && isRedOnly(plan, task)) {
        out.push({
          message: `Task ${task.number} stops at a failing test: each task goes test → fail → implement → pass → lint → commit, so merge it with the task that makes the test pass.`,
          span: taskHeadSpan(plan, task),
        });
        continue;
      }
      if (after.length === 0) {
        const later = task.steps.filter((s) => lastWork === undefined || s.span.start.line > lastWork.span.start.line);
        // A task that writes no test (task-steps reports that) but checks its change with exact
        // commands and outcomes ("Run: ./blis run … Expected: …") has verified it.
        if (!task.steps.some((s) => s.kind === 'test') && later.some((s) => s.commands.some((c) => c.run.text.trim() !== '' && !BUILD_ONLY.test(c.run.text) && c.expected))) continue;
        // The tests are run (in a lint or build step), only the expected outcome is not written.
        const unstated = later.find((s) => s.commands.some((c) => TEST_RUN.test(c.run.text) && !c.expected));
        if (unstated && greens.length === 0) {
          out.push({ message: `${stepLabel(unstated)} of Task ${task.number} runs the tests but does not say what success looks like: add "Expected: PASS".`, span: stepHeadSpan(plan, unstated) });
          continue;
        }
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
        // "Step 4: Run test, verify pass": the heading states the expected outcome.
        if (expected.length === 0 && PASS_EXPECTED.test(green.title.text)) continue;
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
