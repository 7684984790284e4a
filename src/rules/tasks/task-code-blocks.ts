import type { Step } from '../../plan/types.js';
import type { Finding, Rule } from '../types.js';
import { SHELL_LANGS, stepHeadSpan, stepLabel } from './shared.js';

/** "Line 36: `MaxModelLen int` → `MaxModelLen int64`": an exact one-line edit written inline. */
const INLINE_EDIT = /`[^`]+`\s*(?:→|->|=>|\bto\b|\bwith\b)\s*`[^`]+`/;

/** Exact text to insert, quoted inline: `file.go` — "inference-perf format loading and validation". */
const QUOTED_TEXT = /["“][^"”]*\S+\s+\S+\s+\S+[^"”]*["”]/;
/** A file operation given as an exact inline command: `git mv A B`, `rm x`, `sed -i …`. */
const INLINE_COMMAND = /`(?:git (?:mv|rm)|mv|rm|cp|mkdir|sed|touch|ln) [^`]+`/;

function hasCode(step: Step, allowShell: boolean): boolean {
  if (step.codeBlocks.some((b) => allowShell || !SHELL_LANGS.has(b.lang))) return true;
  // "The authoritative implementation is in the Appendix": the complete code is in the plan, once.
  const texts = [step.title, ...step.prose];
  if (texts.some((t) => INLINE_EDIT.test(t.text) || /\bappendix\b/i.test(t.text))) return true;
  // A one-line change given exactly, inline: a command, or the text to insert in quotes.
  return allowShell && texts.some((t) => INLINE_COMMAND.test(t.text) || QUOTED_TEXT.test(t.text));
}

/** "Step 7: Update any remaining references" that only runs a grep with "Expected: no matches" is a check. */
function isCheck(step: Step): boolean {
  return step.codeBlocks.every((b) => SHELL_LANGS.has(b.lang)) && step.commands.length > 0 && step.commands.every((c) => c.expected !== undefined);
}

const NO_TEST = /\bno (?:new )?tests? (?:needed|required|necessary)\b|\bexisting tests (?:cover|validate|verify)/i;

export const taskCodeBlocks: Rule = {
  id: 'task-code-blocks',
  family: 'tasks',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'The template demands complete code: a step that writes a test carries the test code in a code block, and a step that implements carries the implementation in a code block (for docs, the exact text; a shell block is accepted for an implementation that is a command, such as a file move or a golden-file regeneration; an exact inline edit "`old` → `new`", an exact inline command (`git mv A B`) or the exact text to insert in quotes is accepted for one-line changes, and so is a pointer to the complete code in the plan\'s Appendix). A "Write failing test" step with only a description leaves the agent to invent the test. A step that only runs commands with their expected output is a check, whatever its title. Compact tasks are checked by compact-task-parts.',
  instruction: 'Give every test step the complete test code, and every implementation step the complete code, in fenced code blocks.',
  check(plan) {
    const out: Finding[] = [];
    for (const task of plan.tasks) {
      for (const step of task.steps) {
        // "**Step 1: Write test** — No new test needed; existing tests validate behavior."
        const waived = [step.title, ...step.prose.slice(0, 1)].some((t) => NO_TEST.test(t.text));
        if (step.kind === 'test' && !hasCode(step, false) && !waived) {
          out.push({
            message: `${stepLabel(step)} of Task ${task.number} ("${step.title.text}") has no test code: add the complete test in a code block.`,
            span: stepHeadSpan(plan, step),
          });
        } else if (step.kind === 'implement' && !hasCode(step, true) && !isCheck(step)) {
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
