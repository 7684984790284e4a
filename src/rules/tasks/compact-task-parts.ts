import type { Finding, Rule } from '../types.js';
import type { CodeBlock, Plan, Task } from '../../plan/types.js';
import { configLintTool, runsTool, type CommandTool } from './commands.js';
import { isDocsOnly, isRedOnly, SHELL_LANGS, taskHeadSpan } from './shared.js';

const TEST_WAIVER = /\bn\/?a\b|\bnone\b|\bno (?:new )?tests?\b|\bexisting tests?\b|\bnot applicable\b|\balready (?:in place|exists?|written)\b/i;
const IMPL_WAIVER = /\bn\/?a\b|\bnone\b|\bno implementation\b|\bnot applicable\b|\btest[- ]only\b|\balready (?:in place|exists?|done)\b/i;

const TEST_CODE = /\bfunc Test\w*\(|\bdef test_\w*\(|\b(?:it|test|describe)\(\s*['"`]/;
const TEST_RUN = /\b(?:go test|pytest|vitest|jest|cargo test|npm (?:run )?test|pnpm (?:run )?test|yarn test|make test)\b/;

/** What a compact task shows without the part labels: code blocks, test runs, the lint command. */
function unlabelled(plan: Plan, task: Task, testBlocks: readonly CodeBlock[]) {
  const blocks = plan.codeBlocks.filter((b) => b.span.start.line >= task.span.start.line && b.span.end.line <= task.span.end.line);
  const code = blocks.filter((b) => !SHELL_LANGS.has(b.lang) && !['markdown', 'md', 'text', 'txt'].includes(b.lang));
  const text = plan.lines.slice(task.span.start.line - 1, task.span.end.line).join('\n');
  return {
    testCode: code.some((b) => TEST_CODE.test(b.content)),
    implCode: code.some((b) => !testBlocks.includes(b) && !TEST_CODE.test(b.content)),
    testRun: TEST_RUN.test(text),
    // The lint command written anywhere in the task: inline code or a shell block.
    lintRun: (tool: CommandTool | undefined): boolean =>
      tool !== undefined &&
      [...[...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!), ...blocks.filter((b) => SHELL_LANGS.has(b.lang)).flatMap((b) => b.content.split('\n'))].some((c) => runsTool(c, tool)),
  };
}

export const compactTaskParts: Rule = {
  id: 'compact-task-parts',
  family: 'tasks',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'A compact task (the **Test:** / **Impl:** / **Verify:** / **Lint:** / **Commit:** form, also used inside some full plans) has every part of the compact template: **Test:** with the complete test code, **Impl:** with the complete implementation, **Verify:** and **Lint:** with a command, and **Commit:** with a message. A part may say it is not needed in words ("**Impl:** No implementation yet — test must fail first", "**Test (already in place — `TestX`):**", "**Test:** N/A — docs only"), which real compact plans do for split red/green tasks and docs-only tasks. A part written without its label counts (complete code in the task, a test command run, the project\'s lint command), and a task that makes an earlier task\'s failing test pass and runs the tests needs no test code of its own. The Files list is checked by task-files, the commit message\'s form and contract reference by task-commit-message, and the commands\' exactness by task-exact-commands.',
  instruction:
    'Write each compact task as: **Files:** …, **Test:** (complete test code), **Impl:** (complete code), **Verify:** `<test command>`, **Lint:** `<lint command>`, **Commit:** `type(scope): subject (BC-X)`.',
  check(plan, { config }) {
    const out: Finding[] = [];
    let earlierTests = false;
    for (const task of plan.tasks) {
      const c = task.compact;
      if (!c || task.steps.length > 0) continue;
      const docs = isDocsOnly(task);
      const missing: string[] = [];
      // A part written without its label still counts: code in the task, a test run, the lint command.
      const body = unlabelled(plan, task, c.test);
      const hasTestCode = c.test.length > 0 || body.testCode;
      // Split red/green: the failing test came in an earlier task, this one makes it pass.
      const splitGreen = earlierTests && body.testRun;
      const testWaived = (c.testLabel !== undefined && TEST_WAIVER.test(c.testLabel.text)) || splitGreen;
      if (!hasTestCode && !testWaived && !docs) missing.push(c.testLabel ? '**Test:** code' : '**Test:**');
      // The red half of a split red/green pair writes no implementation by design.
      const redOnly = isRedOnly(plan, task);
      const implWaived = (c.implLabel !== undefined && IMPL_WAIVER.test(c.implLabel.text)) || redOnly;
      if (c.impl.length === 0 && !body.implCode && !implWaived) missing.push(c.implLabel ? '**Impl:** code' : '**Impl:**');
      if (!c.verify && !body.testRun && !docs) missing.push('**Verify:**');
      if (!c.lint && !body.lintRun(configLintTool(config)) && !docs) missing.push('**Lint:**');
      if (hasTestCode) earlierTests = true;
      if (!c.commit) missing.push('**Commit:**');
      if (missing.length === 0) continue;
      out.push({
        message: `Compact Task ${task.number} is missing ${missing.join(', ')}: add ${missing.length === 1 ? 'it' : 'them'} (complete code in code blocks, exact commands in backticks).`,
        span: taskHeadSpan(plan, task),
      });
    }
    return out;
  },
};
