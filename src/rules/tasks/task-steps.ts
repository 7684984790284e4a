import type { Plan, Step, StepKind, Task } from '../../plan/types.js';
import type { Finding, Rule } from '../types.js';
import { isVerificationOnly, needsNewTest, stepHeadSpan, stepLabel, taskHeadSpan, taskShape } from './shared.js';

const PHASE_NAME: Record<Exclude<StepKind, 'other'>, string> = {
  test: 'write the failing test',
  'run-fail': 'run it to see it fail',
  implement: 'implement',
  'run-pass': 'run it to see it pass',
  lint: 'lint',
  commit: 'commit',
};

function numbering(plan: Plan, task: Task): Finding[] {
  let expected = 1;
  let prev: Step | undefined;
  for (const step of task.steps) {
    const sub = (step.suffix ?? '') !== '';
    // "Step 3a" may follow "Step 3" or start a run of sub-steps in place of "Step 3".
    const ok = step.number === expected || (prev !== undefined && step.number === prev.number && (sub || (prev.suffix ?? '') !== '') && step.suffix !== prev.suffix);
    if (!ok) {
      const what = prev && step.number === prev.number ? 'repeats a step number' : step.number > expected ? `skips Step ${expected}` : 'is out of order';
      return [{
        message: `${stepLabel(step)} of Task ${task.number} ${what}: number the steps 1..N in order without gaps.`,
        span: stepHeadSpan(plan, step),
      }];
    }
    if (step.number === expected) expected = (step.through ?? step.number) + 1;
    prev = step;
  }
  return [];
}

function first(task: Task, kind: StepKind): Step | undefined {
  return task.steps.find((s) => s.kind === kind);
}

function last(task: Task, kind: StepKind): Step | undefined {
  return [...task.steps].reverse().find((s) => s.kind === kind);
}

function order(plan: Plan, task: Task): Finding[] {
  const out: Finding[] = [];
  const before = (a: Step | undefined, b: Step | undefined): boolean => a === undefined || b === undefined || a.span.start.line < b.span.start.line;
  const test = first(task, 'test');
  const impl = first(task, 'implement');
  const red = first(task, 'run-fail');
  if (!before(test, impl) && needsNewTest(plan, task)) {
    out.push({
      message: `${stepLabel(impl!)} of Task ${task.number} implements before the test is written (${stepLabel(test!)}): write the failing test first.`,
      span: stepHeadSpan(plan, impl!),
    });
  }
  if (red && !before(red, impl) && needsNewTest(plan, task)) {
    out.push({
      message: `${stepLabel(red)} of Task ${task.number} runs the failing test after implementing: run it to see it fail before the implementation step.`,
      span: stepHeadSpan(plan, red),
    });
  }
  const commit = last(task, 'commit');
  const lastWork = [...task.steps].reverse().find((s) => s.kind !== 'commit' && s.kind !== 'other' && s.commands.length + s.codeBlocks.length > 0);
  if (commit && lastWork && !before(lastWork, commit)) {
    out.push({
      message: `${stepLabel(commit)} of Task ${task.number} commits before ${stepLabel(lastWork)} (${PHASE_NAME[lastWork.kind as Exclude<StepKind, 'other'>]}): make the commit the last step.`,
      span: stepHeadSpan(plan, commit),
    });
  }
  return out;
}

function missing(plan: Plan, task: Task): Finding[] {
  const at = taskHeadSpan(plan, task);
  const has = (k: StepKind): boolean => task.steps.some((s) => s.kind === k);
  const out: Finding[] = [];
  if (isVerificationOnly(task)) return out;
  // A red step without a test step runs a test written by an earlier task ("The test from Task 1 …").
  if (!has('test') && !has('run-fail') && needsNewTest(plan, task)) {
    out.push({
      message: `Task ${task.number} has no step that writes a test: add "Step 1: Write failing test for <contract>" with the test code (or say why no new test is needed, e.g. "Step 1: No new test — <reason>").`,
      span: at,
    });
  }
  // A task-level "**Commit:** `…`" line (outside the numbered steps) is a commit too.
  if (!has('commit') && !task.commit) {
    out.push({ message: `Task ${task.number} has no commit step: end it with "Step N: Commit with contract reference" and the git commit command.`, span: at });
  }
  return out;
}

export const taskSteps: Rule = {
  id: 'task-steps',
  family: 'tasks',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'A task written with numbered steps follows the TDD cycle of the template — write the failing test → run it to see it fail → implement → run it to see it pass → lint → commit — with steps numbered 1..N in order and no gaps (sub-steps such as "Step 3a", "Step 3b", task-qualified numbers "Step 2.1" in Task 2, and ranges "Step 2-4: Run, lint, commit" are accepted). Extra steps (update CLAUDE.md, regenerate the golden dataset, register a factory) may sit anywhere before the commit, which is the last step. When a new test is owed, it is written before the implementation and run to fail before it. A new test is owed by every task that changes behavior; it is not owed (choices made from the spec and the corpus) by docs-only tasks (every file is documentation, or commit type "docs"), by tasks whose conventional-commit type says they keep behavior or are tests themselves (refactor, perf, chore, build, ci, style, test) — existing tests guard those — and by tasks that say so in a step or note ("Step 1: No new test — mechanical refactor", "TDD deviation note: …"), as the corpus does. A verification-only task (no test or implementation step, e.g. "Final verification", "Regenerate golden dataset") is exempt from the cycle. A task with neither numbered steps nor compact **Test:**/**Impl:**/**Verify:** parts is reported as having no executable steps. The red, green, lint and commit steps\' contents are checked by task-red-step, task-green-step, task-lint-step and task-commit-message.',
  instruction:
    'Write every task as numbered steps 1..N in TDD order: Step 1 write the failing test (complete code), Step 2 run it and expect FAIL, Step 3 implement (complete code), Step 4 run it and expect PASS, Step 5 lint, Step 6 commit with contract reference. If a task truly needs no new test (docs-only, mechanical refactor), say so in its first step.',
  check(plan) {
    const out: Finding[] = [];
    for (const task of plan.tasks) {
      const shape = taskShape(task);
      if (shape === 'stub') {
        out.push({
          message: `Task ${task.number} has no executable steps: write numbered steps (test → fail → implement → pass → lint → commit) with complete code and exact commands.`,
          span: taskHeadSpan(plan, task),
        });
        continue;
      }
      if (shape !== 'steps') continue;
      out.push(...numbering(plan, task), ...order(plan, task), ...missing(plan, task));
    }
    return out;
  },
};
