import type { Text } from '../../plan/types.js';
import type { Finding, Rule } from '../types.js';
import { configLintTool, isDocsOnly } from './shared.js';

export const taskLintCommand: Rule = {
  id: 'task-lint-command',
  family: 'tasks',
  severity: 'warning',
  formats: ['full', 'compact'],
  description:
    'The lint command of each task runs the project\'s linter — the tool of `commands.lint` in the configuration (golangci-lint by default), compared by tool name so that package scoping ("golangci-lint run ./sim/...") is fine. A different tool (go vet, a formatter) is not what CI runs. A warning, because a task may lint with a complementary tool as well.',
  instruction: (config) => `Lint with the project's linter: "${config.commands.lint}" (scope it to the package you changed).`,
  check(plan, { config }) {
    const tool = configLintTool(config);
    if (tool === '') return [];
    const out: Finding[] = [];
    const flag = (taskNumber: number, run: Text): void => {
      const cmd = (/`([^`]+)`/.exec(run.text)?.[1] ?? run.text).trim();
      if (cmd === '' || cmd.includes(tool)) return;
      out.push({ message: `The lint command of Task ${taskNumber} ("${cmd.split('\n')[0]}") does not run ${tool}: use "${config.commands.lint}".`, span: run.span });
    };
    for (const task of plan.tasks) {
      if (isDocsOnly(task)) continue;
      for (const step of task.steps) {
        if (step.kind !== 'lint') continue;
        // A lint step may also run the tests; only its commands that do no linting are off.
        if (step.commands.some((c) => c.run.text.includes(tool))) continue;
        for (const c of step.commands) flag(task.number, c.run);
      }
      if (task.compact?.lint && !/^\s*n\/?a\b/i.test(task.compact.lint.text)) flag(task.number, task.compact.lint);
    }
    return out;
  },
};
