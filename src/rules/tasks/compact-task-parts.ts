import type { Finding, Rule } from '../types.js';
import { isDocsOnly, taskHeadSpan } from './shared.js';

const TEST_WAIVER = /\bn\/?a\b|\bnone\b|\bno (?:new )?tests?\b|\bexisting tests?\b|\bnot applicable\b|\balready (?:in place|exists?|written)\b/i;
const IMPL_WAIVER = /\bn\/?a\b|\bnone\b|\bno implementation\b|\bnot applicable\b|\btest[- ]only\b|\balready (?:in place|exists?|done)\b/i;

export const compactTaskParts: Rule = {
  id: 'compact-task-parts',
  family: 'tasks',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'A compact task (the **Test:** / **Impl:** / **Verify:** / **Lint:** / **Commit:** form, also used inside some full plans) has every part of the compact template: **Test:** with the complete test code, **Impl:** with the complete implementation, **Verify:** and **Lint:** with a command, and **Commit:** with a message. A part may say it is not needed in words ("**Impl:** No implementation yet — test must fail first", "**Test (already in place — `TestX`):**", "**Test:** N/A — docs only"), which real compact plans do for split red/green tasks and docs-only tasks. The Files list is checked by task-files, the commit message\'s form and contract reference by task-commit-message, and the commands\' exactness by task-exact-commands.',
  instruction:
    'Write each compact task as: **Files:** …, **Test:** (complete test code), **Impl:** (complete code), **Verify:** `<test command>`, **Lint:** `<lint command>`, **Commit:** `type(scope): subject (BC-X)`.',
  check(plan) {
    const out: Finding[] = [];
    for (const task of plan.tasks) {
      const c = task.compact;
      if (!c || task.steps.length > 0) continue;
      const docs = isDocsOnly(task);
      const missing: string[] = [];
      const testWaived = c.testLabel !== undefined && TEST_WAIVER.test(c.testLabel.text);
      if (c.test.length === 0 && !testWaived && !docs) missing.push(c.testLabel ? '**Test:** code' : '**Test:**');
      const implWaived = c.implLabel !== undefined && IMPL_WAIVER.test(c.implLabel.text);
      if (c.impl.length === 0 && !implWaived) missing.push(c.implLabel ? '**Impl:** code' : '**Impl:**');
      if (!c.verify && !docs) missing.push('**Verify:**');
      if (!c.lint && !docs) missing.push('**Lint:**');
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
