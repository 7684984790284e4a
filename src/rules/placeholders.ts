/**
 * Placeholders in the code a plan's steps write: what both plan formats forbid in a test or
 * implementation step ("// TODO", a bare `...` line, `{ ... }`, "// implementation", "// rest
 * unchanged"), with the exceptions real plans need (a deferral the plan records, the quoted
 * "before" half of a snippet, a stub a later task fills in, an elision that marks where an edit
 * goes). The micro-plan rule (task-no-placeholders) and the superpowers rule (sp-no-placeholders)
 * read code through this one module; each words its own findings.
 */
import type { CodeBlock, Plan, Step, Task } from '../plan/types.js';
import { SHELL_LANGS } from './tasks/shared.js';

// "// TODO(#652): …" names the issue that tracks the deferral: a decision, not missing code.
const TODO = /^\s*(?:\/\/|#|\/\*|--)\s*(?:TODO|FIXME|XXX|TBD)\b(?!\s*\(\s*#?\d+\s*\)|\s*\(?[\w.-]*#\d+).*$/;
const DEFERRED = /\bdeferred\b|\bfollow-?up\b|\bout of scope\b|\bfuture (?:PR|work)\b|\blater PR\b/i;

/** `{...}` in code; in a comment ("//   q.Enqueue(&sim.Request{...}, N)") it shows a call's shape. */
const BRACES = /\{\s*(?:\.\.\.|…)\s*\}/;
const COMMENT_LINE = /^\s*(?:\/\/|#|\/\*|\*)/;

/** Lines inside code that stand in for code the agent must then invent. */
/** Comments whose words stand in for code: "// implementation", "# rest of init unchanged", "// existing code here". */
const PHRASE_COMMENTS: ReadonlySet<RegExp> = new Set([
  /^\s*(?:\/\/|#|\/\*)\s*(?:\.\.\.\s*)?(?:implementation|implement (?:this|here|the logic|logic)|your code here|(?:add|insert) (?:code|logic|validation|implementation) here|similar to|same as)\b.*$/i,
  /^\s*(?:\/\/|#|\/\*)\s*(?:\.\.\.\s*)?(?:rest of|remaining|other) [\w\s]*(?:unchanged|as before|omitted|elided|same)\b.*$/i,
  /^\s*(?:\/\/|#|\/\*)\s*(?:\.\.\.\s*)?existing (?:code|logic|implementation|body|tests?) (?:unchanged|as before|omitted|here|stays?)\b.*$/i,
]);
const CODE_PLACEHOLDERS: readonly RegExp[] = [TODO, /^\s*(?:\.\.\.|…)\s*$/, ...PHRASE_COMMENTS, BRACES];

/**
 * A comment whose sentence runs on from the line above into a label with its value: "# … Playbook: …; reference"
 * then "# implementation: services/pooler/nix/default.nix postFixup." (not "// Parse the input" then "// implementation here").
 */
function continuesComment(above: string, line: string): boolean {
  const m = /^\s*(?:\/\/|#)\s*(.*\S)\s*$/.exec(above);
  return m !== null && /[\w,;(]$/.test(m[1]!) && /^\s*(?:\/\/|#)\s*\w+:\s*\S/.test(line);
}

/** "// Before:" … "// After:": the lines between quote the code being replaced, elisions and all. */
const BEFORE = /^\s*(?:\/\/|#|\/\*|--)\s*(?:before|old|current(?:ly)?|existing|was)\b[^:]*:/i;
const AFTER = /^\s*(?:\/\/|#|\/\*|--)\s*(?:after|new|becomes|replace (?:with|by))\b[^:]*:/i;

/** Every placeholder above needs a comment marker or an ellipsis: lines without one are skipped. */
const MAY_HOLD_PLACEHOLDER = /\/[/*]|#|--|\.\.\.|…/;

export interface CodePlaceholder {
  line: number;
  column: number;
  text: string;
}

/**
 * Placeholder lines in one block. `extra` patterns (a format's own) are tried on lines the common
 * ones do not match; each returns the placeholder as its match.
 */
export function codePlaceholders(block: CodeBlock, extra: readonly RegExp[] = []): CodePlaceholder[] {
  if (SHELL_LANGS.has(block.lang) && block.lang !== '') return [];
  const hits: CodePlaceholder[] = [];
  let quoting = false;
  const lines = block.content.split('\n');
  lines.forEach((lineText, i) => {
    if (BEFORE.test(lineText)) quoting = true;
    else if (AFTER.test(lineText)) quoting = false;
    if (quoting) return;
    const patterns = MAY_HOLD_PLACEHOLDER.test(lineText) ? [...CODE_PLACEHOLDERS, ...extra] : extra;
    for (const re of patterns) {
      if (re === BRACES && COMMENT_LINE.test(lineText)) continue;
      // "// … deferred, see TODO" / "// TODO: … (follow-up)": a deferral the plan records, not missing code.
      if (re === TODO && DEFERRED.test(`${lines[i - 1] ?? ''} ${lineText}`)) continue;
      // "# host (no /nix/store). Playbook: …; reference" then "# implementation: services/pooler/nix/default.nix":
      // a phrase that continues the comment above it is that comment's wording, not a stand-in.
      if (PHRASE_COMMENTS.has(re) && continuesComment(lines[i - 1] ?? '', lineText)) continue;
      const m = re.exec(lineText);
      if (!m) continue;
      const text = m[0].trim();
      hits.push({ line: block.contentLine + i, column: lineText.indexOf(text) + 1, text });
      break;
    }
  });
  return hits;
}

/** A step that changes existing code ("Update `init()`", "Add the flag to root.go"), not one that writes a new file. */
const EDIT_STEP = /^(?:step\s+\d+\w*\s*[:.—-]\s*)?(?:update|modify|change|extend|replace|insert|edit|wire|register|add\b[^:]*\b(?:to|in|into)\b)/i;
export const REPLACES_LINES = /\breplace (?:lines?|the lines?)\s+\d+/i;
/** "Implement the fix in cmd/root.go": a change inside a named file (not "Create …", "Write …"). */
const IN_FILE = /^(?!(?:step\s+\d+\w*\s*[:.—-]\s*)?(?:create|write|new)\b).*\bin `?[\w./-]+\.[a-z]{1,4}`?\s*$/i;
/** The elisions that stand for existing lines kept as they are: `...`, "// ... rest of init unchanged". */
const ELISION = /^(?:\.\.\.|…)$|^(?:\/\/|#|\/\*)\s*(?:\.\.\.\s*)?(?:rest of|remaining|other|existing)\b/i;
/** `onClick={...}`: an attribute whose value is elided; in an edit, the element's own value, kept as it is. */
const ATTRIBUTE_ELISION = /[\w-]+=\{\s*(?:\.\.\.|…)\s*\}/;

/** A block the prose before it introduces as the code being replaced ("Currently:", "Change from:"). */
export function quotesExisting(plan: Plan, block: CodeBlock): boolean {
  for (let l = block.span.start.line - 1; l >= Math.max(1, block.span.start.line - 3); l--) {
    const line = (plan.lines[l - 1] ?? '').trim();
    if (line === '') continue;
    // "Delete these blocks from `page.tsx`:": the block is the code that goes.
    if (/^(?:\*\*)?(?:delete|remove)\b[^:]{0,120}:(?:\*\*)?$/i.test(line)) return true;
    return /(?:^|\*\*|\s)(?:currently|before|existing code|current code|old code|was|(?:change|replace)[^:]{0,60}\bfrom)\s*:?(?:\*\*)?:?\s*$/i.test(line);
  }
  return false;
}

/**
 * A block the prose before it introduces as an edit of existing code ("Change to:", "Replace with:",
 * "find the group gate block:"): its `...` stands for the lines kept as they are.
 */
export function introducesEdit(plan: Plan, block: CodeBlock): boolean {
  for (let l = block.span.start.line - 1; l >= Math.max(1, block.span.start.line - 3); l--) {
    const line = (plan.lines[l - 1] ?? '').trim();
    if (line === '') continue;
    return /(?:^|\*\*|\s)(?:change (?:it |this |that )?to|to|replace (?:it |this |that )?with|becomes|after|find (?:the|this)\b[^:]{0,60})\s*:(?:\*\*)?\s*$/i.test(line);
  }
  return false;
}

/** The hit is the first line of a body: the line before it opens one (`def f():`, `function f() {`). */
function wholeBody(block: CodeBlock, line: number): boolean {
  const before = block.content.split('\n').slice(0, line - block.contentLine).filter((l) => l.trim() !== '');
  return /[:{]\s*$/.test(before[before.length - 1] ?? '');
}

/** Whether a file this task creates is modified by a later task. */
function stagedFiles(tasks: readonly Task[], task: Task): boolean {
  const created = new Set(task.files.filter((f) => f.action === 'create').map((f) => f.path));
  if (created.size === 0) return false;
  // Later by place in the plan: "Task B1" comes after "Task A2" though its number is smaller.
  const at = tasks.indexOf(task);
  return tasks.some((t, i) => i > at && t.files.some((f) => f.action === 'modify' && created.has(f.path)));
}

/** "// TODO: implement in Task 3" written in Task 2: the work is deferred to a task of the plan, not left open. */
function namesLaterTask(text: string, task: Task): boolean {
  const named = /\bTask\s+(\d+)\b/i.exec(text);
  return named !== null && Number(named[1]) > task.number;
}

/** Code shown in a "Delete …"/"Remove …" step names what goes, not what to write. */
export function removesCode(step: Step): boolean {
  return /^(delete|remove)\b/i.test(step.title.text.trim());
}

/**
 * The placeholders in the code a task writes: its test and implementation steps' blocks and its
 * compact Test/Impl parts, less the exceptions (see task-no-placeholders' description).
 */
export function taskCodePlaceholders(plan: Plan, task: Task, extra: readonly RegExp[] = []): CodePlaceholder[] {
  const blocks: CodeBlock[] = [];
  // Blocks of a step that says it writes a skeleton or a stub, which a later task fills in.
  const stubs = new Set<CodeBlock>();
  // Blocks of a step that edits existing code: an elision there marks where the edit goes.
  const edits = new Set<CodeBlock>();
  // A task that only modifies files writes no file whole: a bare `...` after the lines it changes
  // stands for the existing ones ("if not path.exists(): raise …" then `...`), unless it is the whole
  // body of a function (`def validate_pack(path):` then `...`), which is code left to write.
  // ("Test:" entries may be new files, where a `...` is left to write.)
  const modifiesOnly = task.files.some((f) => f.action === 'modify') && task.files.every((f) => f.action === 'modify' || f.action === 'delete');
  for (const step of task.steps) {
    if (step.kind !== 'test' && step.kind !== 'implement') continue;
    if (removesCode(step)) continue;
    blocks.push(...step.codeBlocks);
    if (/\b(?:skeleton|stub|scaffold(?:ing)?)\b/i.test(step.title.text)) for (const b of step.codeBlocks) stubs.add(b);
    const editsFile = EDIT_STEP.test(step.title.text.trim()) || IN_FILE.test(step.title.text.trim()) || step.prose.some((p) => REPLACES_LINES.test(p.text));
    for (const b of step.codeBlocks) if (editsFile || REPLACES_LINES.test(b.content) || introducesEdit(plan, b)) edits.add(b);
  }
  if (task.compact) blocks.push(...task.compact.test, ...task.compact.impl);
  // A stub a later task fills in ("Run: // TODO: implement" in a file Task 4 modifies) is staged work.
  const staged = stagedFiles(plan.tasks, task);
  const out: CodePlaceholder[] = [];
  for (const block of new Set(blocks)) {
    if (quotesExisting(plan, block)) continue;
    for (const hit of codePlaceholders(block, extra)) {
      if ((staged || stubs.has(block) || namesLaterTask(hit.text, task)) && /^\W*(?:TODO|FIXME)\b/.test(hit.text)) continue;
      if (edits.has(block) && ELISION.test(hit.text)) continue;
      if (modifiesOnly && ELISION.test(hit.text) && !wholeBody(block, hit.line)) continue;
      // "Remove `title=` and wrap with `<Tooltip>`:" over `<DropdownMenu.Trigger className={...} onToggle={...}>` in a task
      // that only modifies files: the element is there already, and so are the values its attributes keep.
      if ((modifiesOnly || edits.has(block)) && ATTRIBUTE_ELISION.test(block.content.split('\n')[hit.line - block.contentLine] ?? '')) continue;
      out.push(hit);
    }
  }
  return out;
}
