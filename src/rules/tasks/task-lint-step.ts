import type { Plan, Task } from '../../plan/types.js';
import type { Finding, Rule } from '../types.js';
import { configLintTool, runsTool } from './commands.js';
import { isDocsOnly, isVerificationOnly, stepHeadSpan, stepLabel, taskHeadSpan, taskShape } from './shared.js';

/** A compact-style "**Lint:** `command`" part written inside a stepped task. */
function lintLabel(plan: Plan, task: Task): boolean {
  for (let l = task.span.start.line; l <= task.span.end.line; l++) {
    if (/^\s*(?:[-*+]\s+)?(?:\*\*|__)Lint:?(?:\*\*|__):?\s*`[^`]+`/.test(plan.lines[l - 1] ?? '')) return true;
  }
  return false;
}

export const taskLintStep: Rule = {
  id: 'task-lint-step',
  family: 'tasks',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'A task that writes tests or code runs the linter before committing: a lint step with an exact command (or the project\'s lint command inside another step\'s command, e.g. "go test ./... && golangci-lint run ./...", or a compact-style "**Lint:** `command`" part inside the task). New code must pass lint with zero new issues, and the agent needs the command to check that. Docs-only and verification-only tasks are exempt. Whether the command runs the project\'s linter is checked by task-lint-command.',
  instruction: (config) =>
    `Before the commit step of every task, add "Step N: Run lint check" with ${config.commands.lint ? `"Run: ${config.commands.lint}"` : "a Run of the project's own lint command"} (scoped to the package where it allows) and "Expected: No new issues".`,
  check(plan, { config }) {
    const tool = configLintTool(config);
    const lintCommand = config.commands.lint ?? "the project's lint command";
    const out: Finding[] = [];
    for (const task of plan.tasks) {
      if (taskShape(task) !== 'steps' || isDocsOnly(task) || isVerificationOnly(task)) continue;
      if (!task.steps.some((s) => s.kind === 'test' || s.kind === 'implement')) continue;
      const lints = task.steps.filter((s) => s.kind === 'lint');
      const runsLint = (tool !== undefined && task.steps.some((s) => s.commands.some((c) => runsTool(c.run.text, tool)))) || lintLabel(plan, task);
      if (lints.length === 0) {
        if (runsLint) continue;
        out.push({
          message: `Task ${task.number} has no lint step: add "Step N: Run lint check" with "Run: ${lintCommand}" before the commit.`,
          span: taskHeadSpan(plan, task),
        });
        continue;
      }
      if (runsLint) continue;
      for (const lint of lints) {
        if (lint.commands.some((c) => c.run.text.trim() !== '')) continue;
        out.push({ message: `${stepLabel(lint)} of Task ${task.number} has no lint command: add "Run: ${lintCommand}".`, span: stepHeadSpan(plan, lint) });
      }
    }
    return out;
  },
};
