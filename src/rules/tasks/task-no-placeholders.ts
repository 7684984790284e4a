import { span } from '../../plan/source.js';
import type { Text } from '../../plan/types.js';
import { removesCode, taskCodePlaceholders } from '../placeholders.js';
import type { Finding, Rule } from '../types.js';
import { SHELL_LANGS } from './shared.js';

/** Prose that stands in for code ("add validation", "implement logic", "similar to above"). */
const PROSE_PLACEHOLDER =
  /\b(?:add (?:appropriate |necessary |proper |the )?(?:validation|error handling)|implement (?:the )?(?:logic|rest|remaining \w+)|similar to (?:above|before|the (?:previous|above) \w+)|same as (?:above|before)|fill in (?:the )?\w+|TBD)\b|^TODO\b/i;

function prosePlaceholder(t: Text): Finding | undefined {
  const m = PROSE_PLACEHOLDER.exec(t.text);
  if (!m) return undefined;
  const col = t.span.start.column + m.index;
  return { message: '', span: span(t.span.start.line, col, t.span.start.line, col + m[0].length) };
}

export const taskNoPlaceholders: Rule = {
  id: 'task-no-placeholders',
  family: 'tasks',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'Where a task must show code — its test and implementation steps, and compact **Test:**/**Impl:** parts — it shows the code, not a placeholder for it: no "add validation" or "implement logic" in place of code, no "similar to above", no TBD or leading "TODO" (a mention of an existing TODO is fine), and inside code blocks no `// TODO`, no bare `...` line or `{ ... }` body, no `// implementation`, no "// rest unchanged" / "// existing code unchanged" elisions. Each finding points at the placeholder. Code shown in a "Delete …"/"Remove …" step only names what goes, so it is not checked. A prose phrase is only reported when the step has no code block of its own (a sentence that introduces the code is fine). Comments such as `// ... existing fields` that show where new lines go inside an existing struct are accepted: they locate an edit rather than omit code to write. So are a `// TODO(#652)` that names its tracking issue and a TODO that a comment calls deferred or a follow-up (recorded deferrals), `{...}` inside a comment that shows a call\'s shape, and the "// Before:" half of a before/after snippet, which quotes the code being replaced; a `// TODO` in a file the task creates and a later task modifies, in a step that says it writes a skeleton or stub, or one that names the later task that does the work (`// TODO: implement in Task 3`, written in Task 2), is staged work; and in a step that edits existing code ("Update `init()`", "replace lines 121-123") a bare `...` or "// ... rest unchanged" marks where the edit goes, and an attribute whose value is elided (`onClick={...}` on an element the step wraps) keeps the value already there.',
  instruction:
    'Show complete code in every test and implementation step: never write "add validation", "implement logic", "similar to above", "// TODO", "// ..." or "// existing code unchanged" where the code belongs.',
  check(plan) {
    const out: Finding[] = [];
    for (const task of plan.tasks) {
      for (const step of task.steps) {
        if (step.kind !== 'test' && step.kind !== 'implement') continue;
        if (removesCode(step)) continue;
        const hasCode = step.codeBlocks.some((b) => !SHELL_LANGS.has(b.lang));
        if (hasCode) continue;
        for (const t of [step.title, ...step.prose]) {
          const f = prosePlaceholder(t);
          if (f) {
            const phrase = plan.lines[f.span.start.line - 1]!.slice(f.span.start.column - 1, f.span.end.column - 1);
            out.push({ message: `Task ${task.number} says "${phrase}" where code is required: show the complete code instead.`, span: f.span });
            break;
          }
        }
      }
      for (const hit of taskCodePlaceholders(plan, task)) {
        out.push({
          message: `Code in Task ${task.number} has a placeholder ("${hit.text}"): write the complete code it stands for.`,
          span: span(hit.line, hit.column, hit.line, hit.column + hit.text.length),
        });
      }
    }
    return out;
  },
};
