import type { Plan } from '../../../plan/types.js';
import type { Finding, Rule } from '../../../rules/types.js';
import { span } from '../../../plan/source.js';
import { clip, lineText, taskName, taskProse } from './parts.js';

/** Prose that places an edit by line number: "Add after line 8:", "Update lines 128-133", "immediately after line 13 of …". */
const BY_LINE = /\b(?:after|before|above|below|replace|update|change|edit|insert|delete|remove|modify)\b[^.:\n`]{0,30}?\blines?\s+(\d+)(?:\s*[-–]\s*(\d+))?/i;
/** Line numbers given roughly: "Affected lines approximately: 90, 310", "around line 40", "~line 95". */
const ROUGH = /\blines?\b[^.\n`]{0,12}?\b(?:approx(?:imately|\.)?|around|roughly|about)\s*:?\s*~?\d+|\b(?:approx(?:imately|\.)?|around|roughly)\s+(?:at\s+)?lines?\s+~?\d+|~\s*lines?\s+\d+|\blines?\s+~\d+/i;

/** Lines named in a Files entry's note, after the path: "(play() :176-200, install() :202-219)", "(lines 40-52)". */
const NOTED_LINES = /(?:^|[\s(,]):\d+(?:\s*[-–]\s*\d+)?\b|\blines?\s+\d+/i;

/** An Expected line: it describes a command's output, not where to edit ("Expected: `tTp := 0.0` around line 220"). */
const EXPECTED_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*)?Expected\b/i;

/**
 * A quoted anchor that places the edit by its text: the "Announce at start" line, "line 40 (`def country; ... end`)",
 * "lines 55–105 (from after `</flux:breadcrumbs>` …)", "after the closing `}` of `registerUpload` (after line 75, …)",
 * "After the `MetricCounter` class (after line 56)", "(after line 319 — the `</div>` closing `devs-card`)", "(lines 75–93 in
 * current file — `projectSingleVerse` useCallback)", "Change line 11 from `private let tmux: TmuxChannel` to `private let zmx: ZmxChannel`".
 */
const ANCHOR =
  /["“][^"”\n]{3,}["”]|\blines?\s+\d+(?:\s*[-–]\s*\d+)?\s*(?:\(|(?:\s[\w ]{0,20}?)?\s[—–]\s)[^)`\n]{0,30}`[^`]{3,}`|`[^`]{3,}`(?:\s+\w+){0,2}\s*\((?:after|before|at|near|around)?\s*lines?\s+\d+|\blines?\s+\d+(?:\s*[-–]\s*\d+)?\s+from\s+`[^`]{3,}`\s+to\s+`/;

/** The next non-blank line after `line`. */
function nextText(plan: Plan, line: number): string {
  let l = line + 1;
  while (l <= plan.lines.length && lineText(plan, l).trim() === '') l++;
  return lineText(plan, l);
}

/** The next non-blank line after `line` opens a code block: the text a "Replace line 6-7:" quotes. */
const quotesNext = (plan: Plan, line: number): boolean => /^\s*(?:`{3,}|~{3,})/.test(nextText(plan, line));

/** The next non-blank line quotes the old line: "change line 21:" over "From: `font-size: 13px;` To: `font-size: 11px;`". */
const quotesOldNext = (plan: Plan, line: number): boolean => /^\s*(?:[-*+]\s+)?(?:\*\*)?(?:from|before|old|current(?:ly)?)(?:\*\*)?\s*:\s*(?:\*\*)?\s*`/i.test(nextText(plan, line));

export const spFilesLineRange: Rule = {
  id: 'sp-files-line-range',
  family: 'superpowers',
  severity: 'warning',
  strict: true,
  formats: ['superpowers'],
  description:
    'A Modify entry of the Files block names the lines it changes: "Modify: `exact/path/to/existing.py:123-145`". The range belongs in the Files entry, where the executor and the reviewer look for it (and where microplan can check it against the repository), and it is exact. Plans write the range in several forms, all accepted (`path:123-145`, `path:94,100`, `path:6`, `path` (lines 40-74), `path: after cmd_task_new`); a Modify entry without a range is not reported by itself, since appends, whole-file rewrites and edits placed by a named anchor need none. Reported, once per task: a step that places its edit by exact line number in prose ("Add after line 8:") while the task\'s Modify entries give no range; and a reversed range (`path:145-123`). A step whose heading gives its lines ("Update constructor (lines 109-121)") places its edit where the executor reads it, and is not reported. Line numbers given roughly ("lines approximately: 90") are hints for a search and are not reported, nor is a line number given beside a quoted anchor or over the lines it quotes ("Replace line 6-7:" over a block of them, then "With:"; "change line 21:" over "From: `font-size: 13px;` To: `font-size: 11px;`", "Change line 11 from `private let tmux: TmuxChannel` to …"; "after line 13 (the "Announce at start" line)", "After line 40 (`def country; ... end`)", "replace lines 55–105 (from after `</flux:breadcrumbs>` through …)", "after the closing `}` of `registerUpload` (after line 75)", "After the `MetricCounter` class (after line 56)", "after line 319 — the `</div>` closing `devs-card`"), nor a task that places three or more edits by line ("- Line 10: change …", "In `mod.rs` (line 14):"), or two each named with its lines in parentheses ("Update the doc comment above it (lines 46-56)", "the impl block (line 68)"): one range in the Files entry cannot place them, and the steps name where each goes. Off by default (strict): on real plans nobody tuned it on, reviewers agreed with few of its findings (docs/precision.md); a project that wants it turns it on under `rules:`.',
  instruction: 'Give each Modify entry the lines it changes, exactly: "- Modify: `src/path/file.py:123-145`", not "after line 8" in a step.',
  examples: {
    valid: [
      {
        plan: '# Feedback Loop Implementation Plan\n\n**Goal:** Record skill outcomes.\n\n**Tech Stack:** Node.js\n\n---\n\n### Task 1: Import the learning module\n\n**Files:**\n- Modify: `superpowers-augment.js:8-9`\n\n- [ ] **Step 1: Import learning-state module at top**\n\nAdd after line 8:\n\n```javascript\nconst learningState = require("./lib/learning-state");\n```\n',
      },
    ],
    invalid: [
      {
        plan: '# Feedback Loop Implementation Plan\n\n**Goal:** Record skill outcomes.\n\n**Tech Stack:** Node.js\n\n---\n\n### Task 1: Import the learning module\n\n**Files:**\n- Modify: `superpowers-augment.js`\n\n- [ ] **Step 1: Import learning-state module at top**\n\nAdd after line 8:\n\n```javascript\nconst learningState = require("./lib/learning-state");\n```\n',
        message: 'gives no range',
      },
    ],
  },
  check(plan) {
    const out: Finding[] = [];
    for (const task of plan.tasks) {
      for (const f of task.files) {
        if (f.lines && f.lines.start > f.lines.end) {
          out.push({ message: `The range of \`${f.path}\` in ${taskName(task)} is reversed (${f.lines.start}-${f.lines.end}): write it start-end.`, span: f.span });
        }
      }
      const modify = task.files.filter((f) => f.action === 'modify');
      // A range in the entry's note counts too: "`EmulatorManager.cpp` (play() :176-200, install() :202-219)".
      const ranged = modify.some((f) => f.lines !== undefined || NOTED_LINES.test(lineText(plan, f.span.start.line)));
      // A step headed by its lines ("**Step 2: Update constructor (lines 109-121)**") places its edit
      // where the executor reads it.
      const heads = new Set(task.steps.map((s) => s.title.span.start.line));
      // Many edits placed by line ("- Line 10: change …", "In `mod.rs` (line 14):", "Change (lines
      // 102-105):"), or several each named and given its lines in parentheses ("Update the doc comment
      // above it (lines 46-56)", "the impl block (line 68)"): one range in the Files entry cannot place
      // them, and the steps say where each goes. Rough hints ("around line 152") and lines left alone
      // ("(lines 157, 160) stays as-is") place nothing.
      const prose = taskProse(plan, task);
      const placed = prose.filter(
        ({ line, text }) => !heads.has(line) && !EXPECTED_LINE.test(text) && /\blines?\s+\d+/i.test(text) && !ROUGH.test(text) && !/\b(?:stays?|remains?|unchanged|as-is|untouched)\b/i.test(text),
      );
      if (placed.length >= 3 || (placed.length === 2 && placed.every(({ text }) => /\(lines?\s+\d+(?:\s*[-–]\s*\d+)?\)/i.test(text)))) continue;
      for (const { line, text } of prose) {
        if (heads.has(line)) continue;
        // "Expected: `tTp := 0.0` around line 220" describes a command's output, not where to edit.
        if (EXPECTED_LINE.test(text)) continue;
        // Rough line numbers ("lines approximately: 90") are a reader's hint where the edit is placed by
        // search ("all calls"): reviewers could not call them a fault, so they are not reported.
        if (ROUGH.test(text)) {
          continue;
        }
        if (modify.length === 0 || ranged) continue;
        const m = BY_LINE.exec(text);
        if (!m || /^\s*(?:[-*+]\s+)?(?:\*\*)?Modify\b/i.test(text)) continue;
        // "after line 13 (the \"Announce at start\" line)": the edit is also placed by a named anchor.
        if (ANCHOR.test(text)) continue;
        // "Replace line 6-7:" over a block that quotes them, then "With:": the quoted text places the edit.
        if (/^\W*replace\s+lines?\s+\d+(?:\s*[-–]\s*\d+)?\s*:\s*$/i.test(text) && quotesNext(plan, line)) continue;
        // "In `Tooltip.scss`, change line 21:" over "From: `font-size: 13px;` To: …": the old line quoted places it.
        if (/\b(?:replace|change|edit|update)\s+lines?\s+\d+(?:\s*[-–]\s*\d+)?\s*:\s*$/i.test(text) && quotesOldNext(plan, line)) continue;
        const range = m[2] ? `${m[1]}-${m[2]}` : m[1];
        const entry = modify.length === 1 ? `\`Modify: ${modify[0]!.path}\`` : 'the Modify entries';
        out.push({
          message: `${taskName(task)} places an edit by line number ("${clip(m[0], 60)}") but ${entry} ${modify.length === 1 ? 'gives' : 'give'} no range: write the lines in the Files entry${modify.length === 1 ? ` (\`${modify[0]!.path}:${range}\`)` : ''}, where the executor and the reviewer look for them.`,
          span: span(line, m.index + 1, line, m.index + m[0].length + 1),
        });
        // One finding per task: each further line number is the same missing range.
        break;
      }
    }
    return out;
  },
};
