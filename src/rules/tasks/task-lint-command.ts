import type { Text } from '../../plan/types.js';
import type { Finding, Rule } from '../types.js';
import { configLintTool, runsTool } from './commands.js';
import { isDocsOnly } from './shared.js';

export const taskLintCommand: Rule = {
  id: 'task-lint-command',
  family: 'tasks',
  severity: 'warning',
  formats: ['full', 'compact'],
  description:
    'The lint command of each task runs the project\'s linter — what `commands.lint` in the configuration runs, compared by tool so that package scoping ("golangci-lint run ./sim/...") and launchers (`npx eslint`, `uv run ruff`) are fine; a script runner is compared with its script, so "npm run lint" runs a project whose lint command is "npm run lint" (or "pnpm lint", "make lint"). A different tool (go vet, a formatter) is not what CI runs. A warning, because a task may lint with a complementary tool as well; without a configured lint command there is nothing to compare with.',
  instruction: (config) =>
    config.commands.lint
      ? `Lint with the project's linter: "${config.commands.lint}" (scoped to the files you changed where it allows).`
      : "Lint with the project's own linter, as its CI runs it (find it in the Makefile, package scripts or CI workflow).",
  check(plan, { config }) {
    const tool = configLintTool(config);
    if (!tool) return [];
    const out: Finding[] = [];
    const flag = (taskNumber: number, run: Text): void => {
      const cmd = (/`([^`]+)`/.exec(run.text)?.[1] ?? run.text).trim();
      if (cmd === '' || runsTool(cmd, tool)) return;
      out.push({ message: `The lint command of Task ${taskNumber} ("${cmd.split('\n')[0]}") does not run ${tool.label}: use "${config.commands.lint}".`, span: run.span });
    };
    for (const task of plan.tasks) {
      if (isDocsOnly(task)) continue;
      for (const step of task.steps) {
        if (step.kind !== 'lint') continue;
        // A lint step may also run the tests; only its commands that do no linting are off.
        if (step.commands.some((c) => runsTool(c.run.text, tool))) continue;
        for (const c of step.commands) flag(task.number, c.run);
      }
      if (task.compact?.lint && !/^\s*n\/?a\b/i.test(task.compact.lint.text)) flag(task.number, task.compact.lint);
    }
    return out;
  },
};
