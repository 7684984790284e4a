import type { Finding, Rule } from '../types.js';
import { CONVENTIONAL_COMMIT, stepHeadSpan, stepLabel } from './shared.js';

export const taskCommitMessage: Rule = {
  id: 'task-commit-message',
  family: 'tasks',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'Each task\'s commit carries a message in conventional-commit form — "type(scope): subject" with type feat, fix, refactor, test, docs, chore, perf, build, ci or style — that references the contracts the task implements. The spec asks for "conventional commits format with contract references"; this rule requires at least one of the task\'s own contracts in the message (the template lists them all, which is better, but naming one already links the commit to the plan). The contract check is skipped for tasks that name no contract (task-contract-count reports those). A commit step without a message is reported too; a task with no commit at all is reported by task-steps.',
  instruction:
    'End each task with `git commit -m "type(scope): what changed (BC-X, BC-Y)"` — a conventional commit (feat/fix/refactor/test/docs/…) naming the contracts the task implements.',
  check(plan) {
    const out: Finding[] = [];
    for (const task of plan.tasks) {
      const commit = task.commit;
      if (!commit) {
        const step = task.steps.find((s) => s.kind === 'commit');
        if (step) {
          out.push({
            message: `${stepLabel(step)} of Task ${task.number} has no commit message: add \`git commit -m "type(scope): subject (BC-X)"\`.`,
            span: stepHeadSpan(plan, step),
          });
        }
        continue;
      }
      const subject = commit.subject.text.trim();
      // "**Commit:** None (test-only task, commit with implementation)": no commit, said in words.
      if (/^\W*(?:none|n\/?a|no commit)\b/i.test(subject)) {
        out.push({
          message: `Task ${task.number} makes no commit ("${subject.length > 60 ? `${subject.slice(0, 59)}…` : subject}"): each task ends with a commit of its own — fold a test-only task into the task that makes its test pass.`,
          span: commit.subject.span,
        });
        continue;
      }
      if (!CONVENTIONAL_COMMIT.test(subject)) {
        out.push({
          message: `Commit message "${subject}" of Task ${task.number} is not a conventional commit: write "type(scope): subject" with type feat, fix, refactor, test, docs, chore, perf, build, ci or style.`,
          span: commit.subject.span,
        });
      }
      const ids = [...new Set(task.contracts.map((c) => c.id))];
      if (ids.length > 0 && !ids.some((id) => new RegExp(`\\b${id}\\b`).test(commit.text))) {
        out.push({
          message: `Commit message of Task ${task.number} references none of its contracts: add "(${ids.join(', ')})" to the subject.`,
          span: commit.subject.span,
        });
      }
    }
    return out;
  },
};
