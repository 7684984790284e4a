import type { Step } from '../../plan/types.js';
import type { Finding, Rule } from '../types.js';
import { SHELL_LANGS, stepHeadSpan, stepLabel } from './shared.js';

/** "Line 36: `MaxModelLen int` → `MaxModelLen int64`": an exact one-line edit written inline. */
const INLINE_EDIT = /`[^`]+`\s*(?:→|->|=>|\bto\b|\bwith\b)\s*`[^`]+`/;

function hasCode(step: Step, allowShell: boolean): boolean {
  if (step.codeBlocks.some((b) => allowShell || !SHELL_LANGS.has(b.lang))) return true;
  // "The authoritative implementation is in the Appendix": the complete code is in the plan, once.
  return [step.title, ...step.prose].some((t) => INLINE_EDIT.test(t.text) || /\bappendix\b/i.test(t.text));
}

export const taskCodeBlocks: Rule = {
  id: 'task-code-blocks',
  family: 'tasks',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'The template demands complete code: a step that writes a test carries the test code in a code block, and a step that implements carries the implementation in a code block (for docs, the exact text; a shell block is accepted for an implementation that is a command, such as a file move or a golden-file regeneration; an exact inline edit "`old` → `new`" is accepted for one-line changes, and so is a pointer to the complete code in the plan\'s Appendix). A "Write failing test" step with only a description leaves the agent to invent the test. Compact tasks are checked by compact-task-parts.',
  instruction: 'Give every test step the complete test code, and every implementation step the complete code, in fenced code blocks.',
  check(plan) {
    const out: Finding[] = [];
    for (const task of plan.tasks) {
      for (const step of task.steps) {
        if (step.kind === 'test' && !hasCode(step, false)) {
          out.push({
            message: `${stepLabel(step)} of Task ${task.number} ("${step.title.text}") has no test code: add the complete test in a code block.`,
            span: stepHeadSpan(plan, step),
          });
        } else if (step.kind === 'implement' && !hasCode(step, true)) {
          out.push({
            message: `${stepLabel(step)} of Task ${task.number} ("${step.title.text}") has no code: add the complete implementation (or exact text) in a code block.`,
            span: stepHeadSpan(plan, step),
          });
        }
      }
    }
    return out;
  },
};
