import { span } from '../../plan/source.js';
import type { CodeBlock, Plan, Task, Text } from '../../plan/types.js';
import type { Finding, Rule } from '../types.js';
import { SHELL_LANGS } from './shared.js';

/** Prose that stands in for code ("add validation", "implement logic", "similar to above"). */
const PROSE_PLACEHOLDER =
  /\b(?:add (?:appropriate |necessary |proper |the )?(?:validation|error handling)|implement (?:the )?(?:logic|rest|remaining \w+)|similar to (?:above|before|the (?:previous|above) \w+)|same as (?:above|before)|fill in (?:the )?\w+|TBD)\b|^TODO\b/i;

// "// TODO(#652): …" names the issue that tracks the deferral: a decision, not missing code.
const TODO = /^\s*(?:\/\/|#|\/\*|--)\s*(?:TODO|FIXME|XXX|TBD)\b(?!\s*\(\s*#?\d+\s*\)|\s*\(?[\w.-]*#\d+).*$/;
const DEFERRED = /\bdeferred\b|\bfollow-?up\b|\bout of scope\b|\bfuture (?:PR|work)\b|\blater PR\b/i;

/** `{...}` in code; in a comment ("//   q.Enqueue(&sim.Request{...}, N)") it shows a call's shape. */
const BRACES = /\{\s*(?:\.\.\.|…)\s*\}/;
const COMMENT_LINE = /^\s*(?:\/\/|#|\/\*|\*)/;

/** Lines inside code that stand in for code the agent must then invent. */
const CODE_PLACEHOLDERS: readonly RegExp[] = [
  TODO,
  /^\s*(?:\.\.\.|…)\s*$/,
  /^\s*(?:\/\/|#|\/\*)\s*(?:\.\.\.\s*)?(?:implementation|implement (?:this|here|the logic|logic)|your code here|(?:add|insert) (?:code|logic|validation|implementation) here|similar to|same as)\b.*$/i,
  /^\s*(?:\/\/|#|\/\*)\s*(?:\.\.\.\s*)?(?:rest of|remaining|other) [\w\s]*(?:unchanged|as before|omitted|elided|same)\b.*$/i,
  /^\s*(?:\/\/|#|\/\*)\s*(?:\.\.\.\s*)?existing (?:code|logic|implementation|body|tests?) (?:unchanged|as before|omitted|here|stays?)\b.*$/i,
  BRACES,
];

/** "// Before:" … "// After:": the lines between quote the code being replaced, elisions and all. */
const BEFORE = /^\s*(?:\/\/|#|\/\*|--)\s*(?:before|old|current(?:ly)?|existing|was)\b[^:]*:/i;
const AFTER = /^\s*(?:\/\/|#|\/\*|--)\s*(?:after|new|becomes|replace (?:with|by))\b[^:]*:/i;

/** Every placeholder above needs a comment marker or an ellipsis: lines without one are skipped. */
const MAY_HOLD_PLACEHOLDER = /\/[/*]|#|--|\.\.\.|…/;

function codePlaceholders(block: CodeBlock): Array<{ line: number; column: number; text: string }> {
  if (SHELL_LANGS.has(block.lang) && block.lang !== '') return [];
  const hits: Array<{ line: number; column: number; text: string }> = [];
  let quoting = false;
  const lines = block.content.split('\n');
  lines.forEach((lineText, i) => {
    if (BEFORE.test(lineText)) quoting = true;
    else if (AFTER.test(lineText)) quoting = false;
    if (quoting || !MAY_HOLD_PLACEHOLDER.test(lineText)) return;
    for (const re of CODE_PLACEHOLDERS) {
      if (re === BRACES && COMMENT_LINE.test(lineText)) continue;
      // "// … deferred, see TODO" / "// TODO: … (follow-up)": a deferral the plan records, not missing code.
      if (re === TODO && DEFERRED.test(`${lines[i - 1] ?? ''} ${lineText}`)) continue;
      const m = re.exec(lineText);
      if (!m) continue;
      const text = m[0].trim();
      hits.push({ line: block.contentLine + i, column: lineText.indexOf(text) + 1, text });
      break;
    }
  });
  return hits;
}

function prosePlaceholder(t: Text): Finding | undefined {
  const m = PROSE_PLACEHOLDER.exec(t.text);
  if (!m) return undefined;
  const col = t.span.start.column + m.index;
  return { message: '', span: span(t.span.start.line, col, t.span.start.line, col + m[0].length) };
}

/** A step that changes existing code ("Update `init()`", "Add the flag to root.go"), not one that writes a new file. */
const EDIT_STEP = /^(?:step\s+\d+\w*\s*[:.—-]\s*)?(?:update|modify|change|extend|replace|insert|edit|wire|register|add\b[^:]*\b(?:to|in|into)\b)/i;
const REPLACES_LINES = /\breplace (?:lines?|the lines?)\s+\d+/i;
/** "Implement the fix in cmd/root.go": a change inside a named file (not "Create …", "Write …"). */
const IN_FILE = /^(?!(?:step\s+\d+\w*\s*[:.—-]\s*)?(?:create|write|new)\b).*\bin `?[\w./-]+\.[a-z]{1,4}`?\s*$/i;
/** The elisions that stand for existing lines kept as they are: `...`, "// ... rest of init unchanged". */
const ELISION = /^(?:\.\.\.|…)$|^(?:\/\/|#|\/\*)\s*(?:\.\.\.\s*)?(?:rest of|remaining|other|existing)\b/i;

/** A block the prose before it introduces as the code being replaced ("Currently:", "Change from:"). */
function quotesExisting(plan: Plan, block: CodeBlock): boolean {
  for (let l = block.span.start.line - 1; l >= Math.max(1, block.span.start.line - 3); l--) {
    const line = (plan.lines[l - 1] ?? '').trim();
    if (line === '') continue;
    return /(?:^|\*\*|\s)(?:currently|before|existing code|current code|old code|was|(?:change|replace)[^:]{0,60}\bfrom)\s*:?(?:\*\*)?:?\s*$/i.test(line);
  }
  return false;
}

/** Whether a file this task creates is modified by a later task. */
function stagedFiles(tasks: readonly Task[], task: Task): boolean {
  const created = new Set(task.files.filter((f) => f.action === 'create').map((f) => f.path));
  if (created.size === 0) return false;
  return tasks.some((t) => t.number > task.number && t.files.some((f) => f.action === 'modify' && created.has(f.path)));
}

export const taskNoPlaceholders: Rule = {
  id: 'task-no-placeholders',
  family: 'tasks',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'Where a task must show code — its test and implementation steps, and compact **Test:**/**Impl:** parts — it shows the code, not a placeholder for it: no "add validation" or "implement logic" in place of code, no "similar to above", no TBD or leading "TODO" (a mention of an existing TODO is fine), and inside code blocks no `// TODO`, no bare `...` line or `{ ... }` body, no `// implementation`, no "// rest unchanged" / "// existing code unchanged" elisions. Each finding points at the placeholder. Code shown in a "Delete …"/"Remove …" step only names what goes, so it is not checked. A prose phrase is only reported when the step has no code block of its own (a sentence that introduces the code is fine). Comments such as `// ... existing fields` that show where new lines go inside an existing struct are accepted: they locate an edit rather than omit code to write. So are a `// TODO(#652)` that names its tracking issue and a TODO that a comment calls deferred or a follow-up (recorded deferrals), `{...}` inside a comment that shows a call\'s shape, and the "// Before:" half of a before/after snippet, which quotes the code being replaced; a `// TODO` in a file the task creates and a later task modifies, or in a step that says it writes a skeleton or stub, is staged work; and in a step that edits existing code ("Update `init()`", "replace lines 121-123") a bare `...` or "// ... rest unchanged" marks where the edit goes.',
  instruction:
    'Show complete code in every test and implementation step: never write "add validation", "implement logic", "similar to above", "// TODO", "// ..." or "// existing code unchanged" where the code belongs.',
  check(plan) {
    const out: Finding[] = [];
    for (const task of plan.tasks) {
      const blocks: CodeBlock[] = [];
      // Blocks of a step that says it writes a skeleton or a stub, which a later task fills in.
      const stubs = new Set<CodeBlock>();
      // Blocks of a step that edits existing code: an elision there marks where the edit goes.
      const edits = new Set<CodeBlock>();
      for (const step of task.steps) {
        if (step.kind !== 'test' && step.kind !== 'implement') continue;
        // Code shown for deletion ("func TestOld(t *testing.T) { ... }") names what goes, not what to write.
        if (/^(delete|remove)\b/i.test(step.title.text.trim())) continue;
        blocks.push(...step.codeBlocks);
        if (/\b(?:skeleton|stub|scaffold(?:ing)?)\b/i.test(step.title.text)) for (const b of step.codeBlocks) stubs.add(b);
        const editsFile = EDIT_STEP.test(step.title.text.trim()) || IN_FILE.test(step.title.text.trim()) || step.prose.some((p) => REPLACES_LINES.test(p.text));
        for (const b of step.codeBlocks) if (editsFile || REPLACES_LINES.test(b.content)) edits.add(b);
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
      if (task.compact) blocks.push(...task.compact.test, ...task.compact.impl);
      // A stub a later task fills in ("Run: // TODO: implement" in a file Task 4 modifies) is staged work.
      const staged = stagedFiles(plan.tasks, task);
      for (const block of new Set(blocks)) {
        if (quotesExisting(plan, block)) continue;
        for (const hit of codePlaceholders(block)) {
          if ((staged || stubs.has(block)) && /^\W*(?:TODO|FIXME)\b/.test(hit.text)) continue;
          if (edits.has(block) && ELISION.test(hit.text)) continue;
          out.push({
            message: `Code in Task ${task.number} has a placeholder ("${hit.text}"): write the complete code it stands for.`,
            span: span(hit.line, hit.column, hit.line, hit.column + hit.text.length),
          });
        }
      }
    }
    return out;
  },
};
