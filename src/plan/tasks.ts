/**
 * Tasks: "Task N: Title" headings, their contracts, Files list, Steps (with code blocks, Run
 * commands and Expected outcomes) and commit message. Compact tasks carry **Test:** / **Impl:**
 * / **Verify:** / **Lint:** / **Commit:** labels instead of numbered steps.
 */
import type { Outline } from './blocks.js';
import { findContractRefs } from './contracts.js';
import { plainInline, span, textAt, trimmedLine } from './source.js';
import { contentLineCount } from './sections.js';
import { gitCommand } from './git-command.js';
import type {
  CodeBlock,
  Command,
  CommitMessage,
  ContractRef,
  FileAction,
  FileEntry,
  FilesBlock,
  InterfaceEntry,
  Section,
  Step,
  StepKind,
  Task,
  TaskInterfaces,
  Text,
} from './types.js';

/** A plan's title: "… Implementation Plan", "… Plan", "… 实施计划". */
const PLAN_TITLE = /(?:\bplan|计划|計画|計劃)\s*$/i;
/**
 * A task's number after "Task", and the separator before its title: "3"; "1.2" (numbered within a chunk or phase) keeps the
 * number after the dot apart; "A1", "B2-1", "F1.1", "A.1" (numbered within a lettered part) keep the letters too. Captures:
 * the letters, the dot after them, the number, the number after a dot, the number after a dash. The dashes are escaped
 * (\u2014 —, \u2013 –): a non-ASCII character outside a regular-expression literal slows the bundle's load.
 */
const TASK_NUMBER = String.raw`(?:([A-Z]{1,3})(\.?)(?=\d))?(\d+)(?:\.(\d+)(?=\s*[:.\u2014\u2013-]|\s*$)|(?<=[A-Z]\d+)-(\d+)(?=\s*[:.\u2014\u2013]|\s*$))?\b\s*(?:[:.\u2014\u2013-]\s*)?`;
/** "Task 3: Title", "Task A.1 — Title": a task heading's text, its title last. */
const TASK_HEADING = new RegExp(String.raw`^Task\s+${TASK_NUMBER}(.*)$`, 'i');
/** The same words at the start of a heading or bold line ("### Task 3: ", "**Task 3: "), up to the title. */
const TASK_HEAD = new RegExp(String.raw`^\s*(?:#{1,6}\s+)?(?:\*\*)?Task\s+${TASK_NUMBER}`, 'i');

/** The task's number as its heading writes it: "3", "1.2", "A1", "B2-1", "A.1". */
export function taskNumberText(task: Task): string {
  return task.id ?? `${task.number}${task.subnumber !== undefined ? `.${task.subnumber}` : ''}`;
}

/** "Step 3", "Step 3a" (sub-steps), then an optional separator and the title. */
const STEP_LINE = /^Step\s+(\d+)([a-z]?)(?:\.(\d+)(?![\d.]))?(?:\s*[-–]\s*(\d+)(?=\s*[:.—–]))?\b\s*(?:[:.—–-]\s*)?(.*)$/i;
/** "**Task 3: Title**" written as a whole bold line instead of a heading (a few plans do this). */
const BOLD_TASK = /^\s*\*\*Task\s+(\d+)\b\s*[:.—–-]\s*(.+?)\*\*\s*$/;
/** Words a shell command in a step usually starts with (inline commands such as "— `go test ./...` → pass"). */
const COMMAND_START = /^(?:cd|go|golangci-lint|npm|npx|pnpm|yarn|make|bash|sh|python3?|pytest|ruff|mypy|cargo|git|node|tsc|eslint|vitest|mkdocs|gofmt|\.\/)(?:\s|$)/;
/** "**Label:**", "**Label**:", "**Test (already in place — `TestX`):**". */
const LABEL = /^\s*(?:[-*+]\s+)?\*\*([A-Za-z][A-Za-z0-9 /,()—–`._'-]{0,80}?)(?::\*\*|\*\*:)\s*(.*)$/;
/** "**文件:**", "**Archivos:**": the Files label in the plan's own language (its tasks still headed "Task N"). */
const FILES_LABEL_TRANSLATED = /^\s*(?:[-*+]\s+)?\*\*(?:文件|ファイル|파일|Archivos|Arquivos|Dateien|Fichiers)(?:[:：]\*\*|\*\*[:：])\s*(.*)$/i;
/**
 * "**Files to create:**", "**Files — 删除:**" (delete), "**测试文件:**" (test file): a Files label that names one
 * action for its whole list, as tasks that split their Files block by action write it.
 */
const FILES_LABEL_QUALIFIED =
  /^\s*(?:[-*+]\s+)?\*\*(?:Files?\s+to\s+(create|add|modify|change|edit|update|touch|delete|remove)|Files?\s*[—–-]\s*([^*:：]{1,20}?)|([\u4e00-\u9fff]{1,4})文件)\s*(?:[:：]\*\*|\*\*[:：])\s*(.*)$/i;
/** The action a qualified Files label gives its list, by the word that qualifies it. */
function qualifiedAction(word: string): FileAction {
  if (/^(?:create|add|new|新增|新建|创建|新)/i.test(word)) return 'create';
  if (/^(?:modify|change|edit|update|编辑|修改|更新|改动)/i.test(word)) return 'modify';
  if (/^(?:delete|remove|删除|移除)/i.test(word)) return 'delete';
  if (/^(?:tests?|测试)/i.test(word)) return 'test';
  return 'other';
}
/** "### Files" over a task's list. */
const FILES_HEADING = /^\s{0,3}#{2,6}\s+Files\s*:?\s*$/i;
const PLAIN_LABEL = /^\s*(Run|Verify|Expected|Lint|Commit|Files?|Contracts?(?: Implemented)?)\s*:\s*(.*)$/i;
/** A checkbox list item ("- [ ] Run the tests"). */
const CHECKBOX_ITEM = /^\s*[-*+]\s+\[[ xX]\]\s/;
/** Label names of compact tasks, as the corpus writes them, and the part each one fills. */
const COMPACT_LABELS: Record<string, 'test' | 'impl' | 'verify' | 'lint' | 'commit'> = {
  test: 'test',
  tests: 'test',
  'test first': 'test',
  impl: 'impl',
  implementation: 'impl',
  implement: 'impl',
  code: 'impl',
  verify: 'verify',
  verification: 'verify',
  'verify all': 'verify',
  'verify passes': 'verify',
  command: 'verify',
  run: 'verify',
  lint: 'lint',
  commit: 'commit',
};
/** Languages of fenced blocks that hold commands (an unlabelled fence too). */
export const SHELL_LANGS: ReadonlySet<string> = new Set(['bash', 'sh', 'shell', 'console', 'zsh', 'fish', 'powershell', 'pwsh', 'ps1', 'cmd', 'bat', '']);

/** "## Task 3-8: Six Hooks" over "### Task 3" … "### Task 8": the task heading names a range of tasks it groups. */
export function headsTaskRange(lines: readonly string[], task: Task): boolean {
  return /^\W*Tasks?\s+\d+\s*[-–]\s*\d+\b/i.test((lines[task.span.start.line - 1] ?? '').replace(/^#+\s*/, ''));
}

/** Task sections: headings whose text is "Task N …". */
/** `prefixes`: contract id prefixes the plan defines ("FIX", "BEH"), so task references to them are found too. */
export function parseTasks(lines: readonly string[], o: Outline, sections: readonly Section[], prefixes: ReadonlySet<string> = new Set()): Task[] {
  const tasks: Task[] = [];
  for (const section of sections) {
    const m = TASK_HEADING.exec(section.heading.text);
    if (!m) continue;
    // "# Task 6 Event Wiring Implementation Plan": a plan written for one task of a larger plan is
    // titled after it; its title is not one of its tasks.
    if (section.depth === 1 && PLAN_TITLE.test(section.heading.text)) continue;
    const own = beforeSubtasks(lines, section, sections);
    // A heading that only groups its subtasks ("## Task 3: Update views" right over "### Task 3.1") is not a task.
    if (own !== section && contentLineCount(own, lines) === 0) continue;
    const [, letters, dot, number, dotted, dashed] = m;
    const task = parseTask(lines, o, own, Number(number), prefixes);
    const sub = dotted ?? dashed;
    if (sub !== undefined) task.subnumber = Number(sub);
    if (letters !== undefined) task.id = `${letters}${dot}${number}${dotted !== undefined ? `.${dotted}` : dashed !== undefined ? `-${dashed}` : ''}`;
    tasks.push(task);
  }
  if (tasks.length > 0) return tasks;
  // No "Task N" headings: fall back to whole-line bold "**Task N: Title**" paragraphs.
  for (const section of boldTaskSections(lines, o, sections)) {
    tasks.push(parseTask(lines, o, section, Number(BOLD_TASK.exec(lines[section.heading.span.start.line - 1] ?? '')![1]), prefixes));
  }
  return tasks;
}

/**
 * "## Task 3: Update views" over "### Task 3.1: TasksView" … "### Task 3.4": the subtasks are tasks
 * of their own, and the parent is only what comes before the first of them (its steps would
 * otherwise be read twice, once for the parent).
 */
function beforeSubtasks(lines: readonly string[], section: Section, sections: readonly Section[]): Section {
  const sub = sections.find((s) => s.depth > section.depth && s.span.start.line > section.span.start.line && s.span.start.line <= section.span.end.line && TASK_HEADING.test(s.heading.text));
  if (!sub) return section;
  let end = sub.span.start.line - 1;
  while (end > section.span.start.line && (lines[end - 1] ?? '').trim() === '') end--;
  return { ...section, span: span(section.span.start.line, 1, end, (lines[end - 1] ?? '').length + 1), bodyEnd: Math.min(section.bodyEnd, end) };
}

/** Pseudo-sections for bold task lines, each running to the next one or the end of the enclosing section. */
function boldTaskSections(lines: readonly string[], o: Outline, sections: readonly Section[]): Section[] {
  const heads: number[] = [];
  for (let l = 1; l <= lines.length; l++) if (!o.codeMask[l] && BOLD_TASK.test(lines[l - 1] ?? '')) heads.push(l);
  return heads.map((l, i) => {
    const enclosing = sections.filter((s) => s.span.start.line < l && s.span.end.line >= l).pop();
    let end = enclosing ? enclosing.span.end.line : lines.length;
    const next = heads[i + 1];
    if (next !== undefined && next <= end) end = next - 1;
    while (end > l && (lines[end - 1] ?? '').trim() === '') end--;
    const lineText = lines[l - 1] ?? '';
    return {
      kind: { type: 'other' },
      heading: { text: plainInline(lineText), span: span(l, 1, l, lineText.length + 1) },
      depth: 7,
      span: span(l, 1, end, (lines[end - 1] ?? '').length + 1),
      bodyStart: l + 1,
      bodyEnd: end,
    };
  });
}

interface LabelLine {
  label: string;
  value: Text;
  line: number;
  /** A Files label that names the action of its list ("**Files to create:**"): the action. */
  action?: FileAction;
}

function labelAt(lines: readonly string[], l: number): LabelLine | undefined {
  const lineText = lines[l - 1] ?? '';
  // "### Files" over the task's list: a heading for a label.
  if (FILES_HEADING.test(lineText)) return { label: 'files', value: textAt(l, lineText, lineText.trimEnd().length, lineText.trimEnd().length), line: l };
  const qualified = FILES_LABEL_QUALIFIED.exec(lineText);
  if (qualified) {
    const value = textAt(l, lineText, lineText.length - qualified[4]!.length, lineText.trimEnd().length);
    return { label: 'files', value, line: l, action: qualifiedAction(qualified[1] ?? qualified[2] ?? qualified[3] ?? '') };
  }
  const translated = FILES_LABEL_TRANSLATED.exec(lineText);
  if (translated) return { label: 'files', value: textAt(l, lineText, lineText.length - translated[1]!.length, lineText.trimEnd().length), line: l };
  const m = LABEL.exec(lineText) ?? PLAIN_LABEL.exec(lineText);
  if (!m) return undefined;
  const valueStart = lineText.length - m[2]!.length;
  // "**Test (write first, must fail):**" is the Test label.
  const name = m[1]!.replace(/\s*\(.*$/, '').trim().toLowerCase();
  // "**Expect:**" over the outcome is the Expected label.
  return { label: name === 'expect' ? 'expected' : name, value: textAt(l, lineText, valueStart, lineText.trimEnd().length), line: l };
}

function parseTask(lines: readonly string[], o: Outline, section: Section, number: number, prefixes: ReadonlySet<string>): Task {
  const from = section.bodyStart;
  const to = section.bodyEnd;
  const headingLine = section.heading.span.start.line;
  const headingText = lines[headingLine - 1] ?? '';
  const title = findTitle(headingLine, headingText);
  const fences = o.fences.filter((f) => f.span.start.line >= from && f.span.end.line <= to);

  let contracts: ContractRef[] = [];
  let contractsSpan: Task['contractsSpan'];
  let files: FileEntry[] = [];
  let interfaces: TaskInterfaces | undefined;
  const compactParts: NonNullable<Task['compact']> = { test: [], impl: [], verify: undefined, lint: undefined, commit: undefined };
  let isCompact = false;
  let blockLabel: 'test' | 'impl' | undefined;

  // Step boundaries first: step heads are bold lines, headings, or plain "Step N:" lines.
  const stepHeads: StepHead[] = [];
  for (let l = from; l <= to; l++) {
    if (o.codeMask[l]) continue;
    const head = stepHeadAt(lines[l - 1] ?? '', l);
    if (head) stepHeads.push(head);
  }
  // "Step 1.1 … Step 1.6" in Task 1: the number after the dot is the step number.
  if (stepHeads.length > 0 && stepHeads.every((h) => h.minor !== undefined && h.number === number)) {
    for (const h of stepHeads) h.number = h.minor!;
  }
  // "Step 2a, Step 2b" in Task 2: the letters are the steps.
  if (stepHeads.length > 0 && stepHeads.every((h) => h.suffix !== '' && h.number === number)) {
    for (const h of stepHeads) {
      h.number = h.suffix.charCodeAt(0) - 96;
      h.suffix = '';
    }
  }

  let commitLabel: Text | undefined;
  let filesFromPlural = false;
  let filesBlock: FilesBlock | undefined;
  for (let l = from; l <= to; l++) {
    if (o.codeMask[l]) continue;
    const label = labelAt(lines, l);
    if (!label) continue;
    const key = label.label;
    const part = COMPACT_LABELS[key];
    if (/^contracts?(?: implemented)?$/.test(key)) {
      if (contracts.length === 0) {
        contracts = refsIn(label.value, lines, prefixes);
        contractsSpan = span(l, 1, l, (lines[l - 1] ?? '').length + 1);
      }
    } else if (key === 'files') {
      // The task's own Files list comes first; a later "Files:" inside a step does not replace it.
      if (!filesFromPlural) {
        const block = emptyFilesBlock(lines, l);
        files = parseFiles(lines, o, label, to, block.items, label.action);
        filesBlock = block;
      } else if (label.action !== undefined && filesBlock !== undefined && (stepHeads[0]?.line ?? to + 1) > l) {
        // "**Files — 删除:**" then "**Files — 编辑:**" before the first step: one Files block, split by action.
        files.push(...parseFiles(lines, o, label, to, filesBlock.items, label.action));
      }
      filesFromPlural = true;
    } else if (key === 'interfaces') {
      interfaces ??= parseInterfaces(lines, o, label, to);
    } else if (key === 'file') {
      // Plans without a Files list name each file where it is edited ("File: `a.go` — add …").
      if (!filesFromPlural) files.push(...parseFiles(lines, o, label, to, []));
    } else if (key === 'commit' && stepHeads.length > 0) {
      commitLabel ??= label.value;
    } else if (part && stepHeads.length === 0) {
      isCompact = true;
      if (part === 'test' || part === 'impl') {
        blockLabel = part;
        // The whole label line, so "**Test (already in place):**" keeps what it says.
        const whole = trimmedLine(l, lines[l - 1] ?? '');
        if (part === 'test') compactParts.testLabel ??= whole;
        else compactParts.implLabel ??= whole;
      } else {
        // A later Verify wins: compact tasks with a red and a green command list red first.
        compactParts[part] = label.value.text.trim() === '' ? blockCommand(lines, o, fences, l, to) ?? label.value : label.value;
        blockLabel = undefined;
      }
    }
    if (blockLabel) {
      // Code blocks until the next label belong to the current compact label.
      const next = nextLabelLine(lines, o, l + 1, to);
      const owned = fences.filter((f) => f.span.start.line > l && f.span.start.line < next);
      compactParts[blockLabel].push(...owned);
    }
  }

  if (contracts.length === 0) {
    // "### Task 3: Foo (BC-2, BC-3)" names its contracts in the title.
    contracts = refsIn(title, lines, prefixes);
  }

  const steps: Step[] = stepHeads.map((head, i) => {
    const end = i + 1 < stepHeads.length ? stepHeads[i + 1]!.line - 1 : to;
    return parseStep(lines, o, head, end, fences);
  });

  return {
    number,
    title,
    contracts,
    contractsSpan,
    files,
    interfaces,
    steps,
    compact: isCompact ? compactParts : undefined,
    commit: findCommit(lines, steps, fences, compactParts.commit ?? commitLabel),
    ...(filesBlock ? { filesBlock } : {}),
    span: section.span,
  };
}

function emptyFilesBlock(lines: readonly string[], l: number): FilesBlock {
  return { label: trimmedLine(l, lines[l - 1] ?? ''), items: [] };
}

/**
 * Steps written as list items instead of "Step N" heads, as some superpowers plans write them: the
 * task's top-level checkbox items ("- [ ] Run `pytest -q`; verify RED.") and numbered items ("1. Add
 * a failing test for …") that do not belong to a label's list (**Files:**, **Interfaces:**). Called
 * only for plans recognized as superpowers plans, after recognition, and only for tasks without
 * step heads: micro-plans keep the model they had.
 */
/** A list item's marker at the start of its line, and its checkbox: "- [ ] ", "2. ". */
const ITEM_MARKER = /^\s*(?:[-*+]|(\d+)[.)])\s+(?:\[[ xX]\]\s+)?/;

export function addListItemSteps(lines: readonly string[], o: Outline, tasks: readonly Task[]): void {
  for (const task of tasks) {
    if (task.steps.length > 0) continue;
    const from = task.span.start.line + 1;
    const to = task.span.end.line;
    const fences = o.fences.filter((f) => f.span.start.line >= from && f.span.end.line <= to);
    // An item must open its line: one quoted in a block quote ("> 1. Open a branch.") is text the task quotes.
    const items = o.listItems.filter((i) => i.depth === 1 && i.line >= from && i.line <= to && !o.codeMask[i.line] && ITEM_MARKER.test(lines[i.line - 1] ?? ''));
    // "**Changes:**" over "1. In Pass 2, replace:", a block, then "2. Add a section:": code between the items ends
    // the list in Markdown, but an item numbered on from a label's item is still in the label's list.
    const labelled = new Set<number>();
    let previous: { number: number; labelled: boolean } | undefined;
    for (const i of items.filter((it) => it.ordered)) {
      const n = Number(ITEM_MARKER.exec(lines[i.line - 1] ?? '')?.[1]);
      const own = underLabel(lines, o, i.line, from);
      const continues = previous !== undefined && n === previous.number + 1 && previous.labelled;
      if (own || continues) labelled.add(i.line);
      previous = { number: n, labelled: own || continues };
    }
    // "### 需要测试的逻辑和检查点" (what to test) over "1. **文本主路径…**", then "**执行顺序:**" over "- [ ] …": in a task
    // that writes its steps as checkboxes, a numbered list lists something else (cases, checks, fixes).
    const checkboxes = items.some((i) => CHECKBOX_ITEM.test(lines[i.line - 1] ?? ''));
    const heads = items.filter((i) => CHECKBOX_ITEM.test(lines[i.line - 1] ?? '') || (!checkboxes && i.ordered && !labelled.has(i.line)));
    let ordinal = 0;
    for (const [index, item] of heads.entries()) {
      ordinal++;
      const lineText = lines[item.line - 1] ?? '';
      const marker = ITEM_MARKER.exec(lineText)!;
      const title = textAt(item.line, lineText, marker[0].length, lineText.trimEnd().length);
      const head: StepHead = {
        line: item.line,
        number: marker[1] !== undefined ? Number(marker[1]) : ordinal,
        suffix: '',
        minor: undefined,
        through: undefined,
        title,
        trailing: undefined,
      };
      const end = withRunLines(lines, o, Math.min(item.endLine, to), (heads[index + 1]?.line ?? to + 1) - 1);
      const step = parseStep(lines, o, head, end, fences);
      if (step.commands.length === 0) {
        // "- [ ] Run `pytest tests/x.py -q`; verify RED.": the command is in the item's own text.
        const c = inlineCommand(title);
        if (c) {
          step.commands.push(c);
          step.kind = refineKind(step.kind, step.commands);
        }
      }
      task.steps.push(step);
    }
    if (task.steps.length > 0 && !task.commit) task.commit = findCommit(lines, task.steps, fences, undefined);
  }
}

/**
 * "- [ ] Run frontend build", a blank line, then "Run: `npm run build`" and "Expected: PASS" at the
 * margin: Markdown ends the list item before them, but they are the step's. The item's end moves
 * over such Run / Expected (or "Expect:") lines, and a block right after "Run:" or "Expect:", up to `limit`.
 */
function withRunLines(lines: readonly string[], o: Outline, end: number, limit: number): number {
  let at = end;
  for (let l = end + 1; l <= limit; l++) {
    const t = lines[l - 1] ?? '';
    if (t.trim() === '') continue;
    const fence = o.fences.find((f) => f.span.start.line === l);
    if (fence && /^\s*(?:\*\*)?(?:Run|Expect(?:ed)?)\s*:?(?:\*\*)?\s*:?\s*$/i.test(lines[at - 1] ?? '')) {
      at = l = fence.span.end.line;
      continue;
    }
    if (o.codeMask[l] || !/^(?:\*\*)?(?:Run|Expect(?:ed)?)\s*:/i.test(t)) break;
    at = l;
  }
  return at;
}

/** Whether the list holding the item at `line` stands right under a "**Label:**" line (other than "Steps:"). */
function underLabel(lines: readonly string[], o: Outline, line: number, from: number): boolean {
  for (let l = line - 1; l >= from; l--) {
    const t = lines[l - 1] ?? '';
    // A bulleted list at the margin between ("**Interfaces:**", "- Produces: …", then "1. Implement …"): the label's list is that one.
    if (/^[-*+]\s/.test(t) && !o.codeMask[l]) return false;
    if (o.codeMask[l] || t.trim() === '' || /^\s*(?:[-*+]|\d+[.)])\s/.test(t) || /^\s{2,}\S/.test(t)) continue;
    // "**Files:** `a.cs`, tests" then "1. Add a failing test": a label with its value inline owns no list.
    const label = labelAt(lines, l);
    return label !== undefined && label.value.text.trim() === '' && !/^steps?$/.test(label.label);
  }
  return false;
}

/** The title after "Task N:" on the heading line, as written (inline code kept, so the span is exact). */
interface StepHead {
  line: number;
  number: number;
  suffix: string;
  /** "Step 1.3" → 3 (task-qualified numbering; used when the major number is the task's). */
  minor: number | undefined;
  /** "Step 2-4" → 4. */
  through: number | undefined;
  title: Text;
  /** Text after the bold title on the head line ("**Step 7: Build** — `go build ./...` → ok"). */
  trailing: Text | undefined;
}

/**
 * "**Step 1: Title**", "**Step 1 — Title:**", "**Step 2:** Commit.", "- [ ] **Step 1: Title**",
 * "### Step 1: Title", "Step 1: Title". With a bold head, the title is the bold part when it has
 * one, and what follows the bold part is step text.
 */
function stepHeadAt(lineText: string, l: number): StepHead | undefined {
  const lead = /^\s*(?:#{1,6}\s+)?(?:[-*+]\s+(?:\[[ xX]\]\s+)?)?/.exec(lineText)![0].length;
  const body = lineText.slice(lead);
  const bold = body.startsWith('**') || body.startsWith('__');
  if (!bold && !/^\s*(?:#{1,6}\s+|Step\b)/i.test(lineText)) return undefined;
  if (!bold && lead > 0 && !/^\s*#/.test(lineText) && !/^Step\s+\d+[a-z]?\s*:/i.test(body)) return undefined;
  const inner = bold ? body.slice(2) : body;
  const sm = STEP_LINE.exec(inner);
  if (!sm) return undefined;
  const number = Number(sm[1]);
  const suffix = (sm[2] ?? '').toLowerCase();
  const innerAt = lead + (bold ? 2 : 0);
  const titleAt = innerAt + inner.length - (sm[5] ?? '').length;
  let titleEnd = lineText.trimEnd().length;
  let trailing: Text | undefined;
  if (bold) {
    const close = lineText.indexOf(body.slice(0, 2), titleAt);
    if (close >= 0) {
      titleEnd = close;
      const after = lineText.slice(close + 2);
      const afterAt = close + 2 + (after.length - after.trimStart().length);
      if (after.trim() !== '') trailing = textAt(l, lineText, afterAt, lineText.trimEnd().length);
    }
  }
  let title = lineText.slice(titleAt, titleEnd).replace(/[:.]\s*$/, '').trimEnd();
  let at = titleAt;
  if (title.trim() === '' && trailing) {
    // "**Step 2:** Commit." — the title is what follows the bold number.
    title = trailing.text;
    at = trailing.span.start.column - 1;
    trailing = undefined;
  }
  return {
    line: l,
    number,
    suffix,
    minor: sm[3] !== undefined ? Number(sm[3]) : undefined,
    through: sm[4] !== undefined ? Number(sm[4]) : undefined,
    title: title.trim() === '' ? trimmedLine(l, lineText) : textAt(l, lineText, at, at + title.length),
    trailing,
  };
}

function findTitle(line: number, lineText: string): Text {
  const m = TASK_HEAD.exec(lineText);
  if (!m) return trimmedLine(line, lineText);
  let end = lineText.replace(/\s+#+\s*$/, '').trimEnd().length;
  if (lineText.slice(0, end).endsWith('**') && m[0].includes('**')) end -= 2;
  const start = m[0].length;
  return end > start ? textAt(line, lineText, start, end) : trimmedLine(line, lineText);
}

function refsIn(t: Text, lines: readonly string[], prefixes: ReadonlySet<string>): ContractRef[] {
  const lineText = lines[t.span.start.line - 1] ?? '';
  const startCol = t.span.start.column;
  const endCol = t.span.end.line === t.span.start.line ? t.span.end.column : lineText.length + 1;
  return findContractRefs([lineText], prefixes).filter((r) => r.span.start.column >= startCol && r.span.end.column <= endCol).map((r) => ({
    id: r.id,
    span: span(t.span.start.line, r.span.start.column, t.span.start.line, r.span.end.column),
  }));
}

/** "**Verify:**" with the command in the shell block below it (before the next label). */
function blockCommand(lines: readonly string[], o: Outline, fences: readonly CodeBlock[], l: number, to: number): Text | undefined {
  const next = nextLabelLine(lines, o, l + 1, to);
  const block = fences.find((f) => f.span.start.line > l && f.span.start.line < next && SHELL_LANGS.has(f.lang));
  return block ? { text: commandLines(block.content).join('\n'), span: block.span } : undefined;
}

function nextLabelLine(lines: readonly string[], o: Outline, from: number, to: number): number {
  for (let l = from; l <= to; l++) if (!o.codeMask[l] && LABEL.test(lines[l - 1] ?? '')) return l;
  return to + 1;
}

const ACTIONS: Record<string, FileAction> = {
  create: 'create',
  new: 'create',
  add: 'create',
  modify: 'modify',
  update: 'modify',
  edit: 'modify',
  change: 'modify',
  test: 'test',
  tests: 'test',
  delete: 'delete',
  remove: 'delete',
  move: 'modify',
  rename: 'modify',
  rewrite: 'modify',
  replace: 'modify',
  extend: 'modify',
};
/** List items under Files that explicitly name files NOT touched ("NOT modified: `x`", "NOTE: `y` stays"). */
const NOT_AN_ENTRY = /^\s*(?:\*\*)?(?:NOT\b|NOTE\b|unchanged\b|no changes?\b)/i;

/**
 * The "**Files:**" block: inline value and/or the list items under it. Each entry as written,
 * whether or not it names a path, is added to `items`.
 */
function parseFiles(lines: readonly string[], o: Outline, label: LabelLine, to: number, items: Text[], fallback: FileAction = 'other'): FileEntry[] {
  const entries: FileEntry[] = [];
  if (label.value.text.trim() !== '') {
    // Compact: "modify `a.go`, test `a_test.go`" or "create/modify X, test Y".
    const lineText = lines[label.line - 1] ?? '';
    let action: FileAction = fallback;
    for (const part of splitTopLevel(label.value.text)) {
      const at = label.value.span.start.column - 1 + part.offset;
      items.push(textAt(label.line, lineText, at, at + part.text.length));
      const p = parseFileEntry(part.text, label.line, lineText, label.value.span.start.column - 1 + part.offset, action);
      if (p) {
        entries.push(p);
        action = p.action;
      }
    }
  }
  for (const item of o.listItems) {
    if (item.line <= label.line || item.line > to) continue;
    // Only the list directly under the label (stop at the first non-list, non-blank line).
    if (!onlyListBetween(lines, o, label.line + 1, item.line)) break;
    const lineText = lines[item.line - 1] ?? '';
    const body = lineText.replace(/^\s*[-*+]\s+|^\s*\d+[.)]\s+/, '');
    const offset = lineText.length - body.length;
    // The list ends at the first step: "- [ ] **Step 1: …**" after a blank line continues the same
    // Markdown list, and a step's words are no Files entry ("Add the `0.35.1` changelog entry").
    if (CHECKBOX_ITEM.test(lineText) || stepHeadAt(lineText, item.line)) break;
    // "- Modify:" with its path wrapped onto the next line ("  `apps/x/policy.ts:25-31`"): one entry.
    const wrapped = wrappedPath(lines, item.line, body);
    if (wrapped) {
      if (label.value.text.trim() === '') {
        items.push({ text: `${body.trim()} ${wrapped.text.trim()}`, span: span(item.line, offset + 1, item.line + 1, wrapped.lineText.trimEnd().length + 1) });
      }
      const entry = parseFileEntry(wrapped.text, item.line + 1, wrapped.lineText, wrapped.offset, wrapped.action);
      if (entry) entries.push(entry);
      continue;
    }
    if (body.trim() !== '' && label.value.text.trim() === '') items.push(textAt(item.line, lineText, offset, lineText.trimEnd().length));
    const parts = splitTopLevel(body);
    if (parts.length > 1 && parts.slice(1).every((p) => PATH_ONLY.test(p.text))) {
      // "- Test: `a_spec.rb`, `b_spec.rb`, `c_spec.rb`": one entry per path, under the first one's verb.
      let action: FileAction = fallback;
      for (const part of parts) {
        const p = parseFileEntry(part.text, item.line, lineText, offset + part.offset, action);
        if (p) {
          entries.push(p);
          action = p.action;
        }
      }
      continue;
    }
    const entry = parseFileEntry(body, item.line, lineText, offset, fallback);
    if (entry) entries.push(entry);
  }
  return entries;
}

/**
 * A Files item that is only its verb ("- Modify:") over a continuation line that opens with the path
 * ("  `apps/x/policy.ts:25-31`"): the path, its line and the verb's action.
 */
function wrappedPath(lines: readonly string[], line: number, body: string): { text: string; lineText: string; offset: number; action: FileAction } | undefined {
  const verb = /^\s*(?:\*\*)?([A-Za-z]+)(?:\*\*)?\s*:\s*(?:\*\*)?\s*$/.exec(body)?.[1]?.toLowerCase();
  const action = verb === undefined ? undefined : ACTIONS[verb];
  const next = lines[line] ?? '';
  if (action === undefined || !/^\s+`[^`\s]+`/.test(next) || /^\s*(?:[-*+]|\d+[.)])\s/.test(next)) return undefined;
  const offset = next.length - next.trimStart().length;
  return { text: next.slice(offset), lineText: next, offset, action };
}

/** A part of a list item that is a path and nothing else: "`b_spec.rb`", "and `c.go`". */
const PATH_ONLY = /^(?:(?:and|&)\s+)?`[^`\s]+`\.?$/;

const CONSUMES = /^(?:\*\*)?(?:consumes?|uses|requires|depends on)\b/i;
const PRODUCES = /^(?:\*\*)?(?:produces?|provides?|exports?)\b/i;

/**
 * The "**Interfaces:**" block of a superpowers task: the inline value and the list under the label,
 * one entry per top-level item (its nested items and continuation lines belong to it).
 */
function parseInterfaces(lines: readonly string[], o: Outline, label: LabelLine, to: number): TaskInterfaces {
  const entries: InterfaceEntry[] = [];
  const entry = (from: number, fromCol: number, last: number): InterfaceEntry => {
    const names: Text[] = [];
    const parts: string[] = [];
    for (let l = from; l <= last; l++) {
      const lineText = lines[l - 1] ?? '';
      const start = l === from ? fromCol : 0;
      parts.push(lineText.slice(start).trim());
      const re = /`([^`]+)`/g;
      for (let m = re.exec(lineText); m; m = re.exec(lineText)) if (m.index >= start) names.push(textAt(l, lineText, m.index + 1, m.index + 1 + m[1]!.length));
    }
    const text = parts.filter((p) => p !== '').join('\n');
    const lastText = lines[last - 1] ?? '';
    const kind = CONSUMES.test(text) ? 'consumes' : PRODUCES.test(text) ? 'produces' : 'other';
    return { kind, text: { text, span: span(from, fromCol + 1, last, lastText.trimEnd().length + 1) }, names };
  };
  if (label.value.text.trim() !== '') entries.push(entry(label.line, label.value.span.start.column - 1, label.line));
  let end = label.line;
  const items = o.listItems.filter((i) => i.line > label.line && i.line <= to);
  const top = items[0]?.depth;
  for (const item of items) {
    if (!onlyListBetween(lines, o, label.line + 1, item.line)) break;
    if (item.depth !== top) continue;
    const lineText = lines[item.line - 1] ?? '';
    const marker = /^\s*(?:[-*+]|\d+[.)])\s+/.exec(lineText)?.[0].length ?? 0;
    // The steps' checkbox list often continues the same Markdown list after a blank line.
    if (/^(?:\[[ xX]\]\s|\*\*Step\b)/i.test(lineText.slice(marker))) break;
    let last = Math.min(item.endLine, to);
    while (last > item.line && (lines[last - 1] ?? '').trim() === '') last--;
    entries.push(entry(item.line, marker, last));
    end = last;
  }
  return { entries, span: span(label.line, 1, end, (lines[end - 1] ?? '').length + 1) };
}

function onlyListBetween(lines: readonly string[], o: Outline, from: number, to: number): boolean {
  for (let l = from; l < to; l++) {
    const t = lines[l - 1] ?? '';
    if (t.trim() === '' || /^\s*(?:[-*+]|\d+[.)])\s/.test(t) || /^\s{2,}\S/.test(t) || o.codeMask[l]) continue;
    return false;
  }
  return true;
}

function splitTopLevel(s: string): Array<{ text: string; offset: number }> {
  const parts: Array<{ text: string; offset: number }> = [];
  let inCode = false;
  // Commas inside a note are the note's: "Modify `a.cr` (`max_age`, which must be positive)".
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    const ch = s[i];
    if (ch === '`') inCode = !inCode;
    if (!inCode && (ch === '(' || ch === '（')) depth++;
    if (!inCode && (ch === ')' || ch === '）') && depth > 0) depth--;
    // "、" and "；" are the comma and semicolon of Chinese and Japanese lists; "。" ends the last entry.
    if (i === s.length || (!inCode && depth === 0 && (ch === ',' || ch === ';' || ch === '、' || ch === '；'))) {
      const raw = s.slice(start, i).replace(/。\s*$/, '');
      const lead = raw.length - raw.trimStart().length;
      if (raw.trim() !== '') parts.push({ text: raw.trim(), offset: start + lead });
      start = i + 1;
    }
  }
  return parts;
}

/** "Create: `a/b.go`", "Modify: `a.go:12-40` (note)", "modify `x`", "`x` — note". */
function parseFileEntry(body: string, line: number, lineText: string, offset: number, fallback: FileAction): FileEntry | undefined {
  if (NOT_AN_ENTRY.test(body)) return undefined;
  // "Possibly update: `x`", "Move+Adapt: `x` → `y`": the action word is the first one we know.
  body = body.replace(/^(\s*(?:\*\*)?)(?:possibly|optionally|maybe|also)\s+/i, '$1');
  const m = /^\s*(?:\*\*)?([A-Za-z]+)(?:[/+][A-Za-z]+)?(?:\*\*)?\s*:?\s*(?:\*\*)?\s*(.*)$/.exec(body);
  let action = fallback;
  let rest = body;
  if (m && ACTIONS[m[1]!.toLowerCase()] !== undefined) {
    action = ACTIONS[m[1]!.toLowerCase()]!;
    rest = m[2]!;
  }
  const code = /`([^`]+)`/.exec(rest);
  // "temporary files on branch `ci/p3.5a-ci-gate`": a branch, not a file.
  if (code && /\b(?:branch|tag|ref)\s*$/i.test(rest.slice(0, code.index))) return undefined;
  // "[smart-grouping.ts:1-20](src/history/smart-grouping.ts#L1-L20)": a link to the file, its lines in the text or the fragment.
  const link = code ? null : /^\s*\[([^\]]+)\]\(([^)\s#:]+)(?:#L(\d+)(?:-L?(\d+))?)?\)/.exec(rest);
  let rawPath = code ? code[1]! : link ? link[2]! : (rest.trim().split(/\s+/)[0] ?? '');
  rawPath = rawPath.replace(/[,;]$/, '');
  rawPath = withoutLocation(rawPath);
  // `a.go:53-65, 180-193`: spaces may sit in the list of lines, never in the path.
  const written = pathAndLines(rawPath);
  if (rawPath === '' || !/[./]/.test(written.path) || /\s/.test(written.path)) return undefined;
  const path = written.path;
  const linked = link?.[3] ? { start: Number(link[3]), end: Number(link[4] ?? link[3]) } : link ? pathAndLines(link[1]!).lines : undefined;
  const lineRange = written.lines ?? linked ?? parenRange(rest);
  const pathAt = lineText.indexOf(rawPath, offset);
  const noteStart = code ? rest.indexOf(code[0]) + code[0].length : link ? rest.indexOf(link[0]) + link[0].length : rest.indexOf(rawPath) + rawPath.length;
  const note = rest.slice(noteStart).replace(/^\s*[—–-]\s*/, '').trim();
  if (action === 'other') {
    // "File: `a.go` — create with full implementation", "`a_test.go` — add to existing tests".
    const verb = /^(create|new|add|update|modify|change|extend|edit|delete|remove)\b/i.exec(note)?.[1]?.toLowerCase();
    if (verb) action = verb === 'create' || verb === 'new' ? 'create' : verb === 'delete' || verb === 'remove' ? 'delete' : 'modify';
  }
  return {
    action,
    path,
    lines: lineRange,
    note,
    span: pathAt >= 0 ? span(line, pathAt + 1, line, pathAt + rawPath.length + 1) : span(line, 1, line, lineText.length + 1),
  };
}

/** `README.md:现状（给决策者）`, `a.md:1-10, 460-484, 附录 D`: the file, without the location written after it. */
export function withoutLocation(written: string): string {
  return /^([^\s:]+\.\w+):(?!\d+(?:\s*[-–,]\s*\d+)*$)(.+)$/.exec(written)?.[1] ?? written;
}

/** `a.go:12`, `a.go:12-40`, and lists of lines, `a.go:53-65,180-193` (the span from the first to the last). */
export function pathAndLines(written: string): { path: string; lines?: FileEntry['lines'] } {
  const range = /^(.*?):(\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*)$/.exec(written);
  if (!range) return { path: written };
  const numbers = range[2]!.split(/[^\d]+/).map(Number);
  const lines = range[2]!.includes(',') ? { start: Math.min(...numbers), end: Math.max(...numbers) } : { start: numbers[0]!, end: numbers[1] ?? numbers[0]! };
  return { path: range[1]!, lines };
}

/** "(lines 40-74)", "(remove `x` line 21; replace the block lines 22-25)": from the first line named to the last. */
function parenRange(rest: string): FileEntry['lines'] {
  const paren = /\(([^)]*)\)/.exec(rest)?.[1] ?? '';
  const numbers = [...paren.matchAll(/\blines?\s+(\d+)(?:\s*[-–]\s*(\d+))?/gi)].flatMap((m) => [Number(m[1]), Number(m[2] ?? m[1])]);
  return numbers.length > 0 ? { start: Math.min(...numbers), end: Math.max(...numbers) } : undefined;
}

function parseStep(lines: readonly string[], o: Outline, head: StepHead, end: number, fences: readonly CodeBlock[]): Step {
  const codeBlocks = fences.filter((f) => f.span.start.line > head.line && f.span.start.line <= end);
  const commands: Command[] = [];
  const prose: Text[] = [];
  const used = new Set<CodeBlock>();
  // Text on the head line after a bold title ("**Step 7: Build** — `go build ./...`") is step text.
  if (head.trailing) prose.push(head.trailing);
  for (let l = head.line + 1; l <= end; l++) {
    if (o.codeMask[l]) continue;
    const lineText = lines[l - 1] ?? '';
    if (lineText.trim() === '') continue;
    const label = labelAt(lines, l);
    if (label && (label.label === 'run' || label.label === 'verify' || label.label === 'command')) {
      const run = commandText(label.value, lines, o, l, end, fences);
      const block = fences.find((f) => f.span.start.line === run.span.start.line && f.span.start.column === run.span.start.column);
      if (block) used.add(block);
      commands.push({ run, expected: inlineExpected(label.value, run) });
      continue;
    }
    if (label && label.label === 'expected') {
      const last = commands[commands.length - 1];
      if (last && !last.expected) {
        last.expected = label.value;
      } else {
        // "```bash\ngo test ./...\n```" then "Expected: PASS": the block before is the command.
        const block = [...codeBlocks].reverse().find((f) => f.span.end.line < l && !used.has(f) && SHELL_LANGS.has(f.lang));
        if (block) {
          used.add(block);
          commands.push({ run: commandFromBlock(block).run, expected: label.value });
        } else {
          commands.push({ run: { text: '', span: label.value.span }, expected: label.value });
        }
      }
      continue;
    }
    prose.push(trimmedLine(l, lineText));
  }
  const kind = stepKind(head.title.text, commands);
  const runLike = kind === 'run-fail' || kind === 'run-pass' || kind === 'lint' || (kind === 'other' && /\b(run|build|verify|check|confirm|execute|tests?)\b/i.test(head.title.text));
  if (commands.length === 0 && runLike) {
    // Commands given only as a shell block ("```bash\ngo test ./...\n# Expected: PASS\n```"); a block that
    // opens with a shebang is a script the step writes to a file, not commands it runs.
    for (const block of codeBlocks) {
      if (!SHELL_LANGS.has(block.lang) || block.content.trimStart().startsWith('#!')) continue;
      commands.push(commandFromBlock(block));
    }
  }
  if (commands.length === 0 && runLike) {
    // Inline: "**Step 7: Build & test** — `go build ./... && go test ./...` → all pass."
    for (const t of prose) {
      const c = inlineCommand(t);
      if (c) {
        commands.push(c);
        break;
      }
    }
  }
  let finalKind = commands.length > 0 ? refineKind(kind, commands) : kind;
  if (finalKind === 'test' && commands.length > 0 && !codeBlocks.some((b) => !SHELL_LANGS.has(b.lang))) {
    // "**Step 2: Test** Run: `go test ./...`" runs tests rather than writing one.
    finalKind = refineKind('other', commands);
  }
  if (finalKind === 'other' && commands.length === 0 && codeBlocks.some((b) => !SHELL_LANGS.has(b.lang))) {
    // A step that shows code and runs nothing makes a change, whatever its title ("Impl (cluster.go)").
    finalKind = /\btests?\b/i.test(head.title.text) ? 'test' : 'implement';
  }
  return {
    number: head.number,
    suffix: head.suffix,
    ...(head.through !== undefined ? { through: head.through } : {}),
    title: head.title,
    kind: finalKind,
    codeBlocks,
    commands,
    prose,
    span: span(head.line, 1, end, (lines[end - 1] ?? '').length + 1),
  };
}

/** An inline-code shell command in a line of step text, with what follows an arrow as its Expected. */
function inlineCommand(t: Text): Command | undefined {
  const re = /`([^`]+)`/g;
  for (let m = re.exec(t.text); m; m = re.exec(t.text)) {
    if (!COMMAND_START.test(m[1]!.trim())) continue;
    const col = t.span.start.column + m.index + 1;
    const run: Text = { text: m[1]!, span: span(t.span.start.line, col, t.span.start.line, col + m[1]!.length) };
    return { run, expected: inlineExpected(t, run) };
  }
  return undefined;
}

/** "`go test ./x` → PASS", "`…` (expect FAIL)", "`…` — Expected: FAIL": the outcome written after the command. */
function inlineExpected(t: Text, run: Text): Text | undefined {
  if (run.span.start.line !== t.span.start.line) return undefined;
  const afterCol = run.span.end.column + 1 - t.span.start.column;
  const after = t.text.slice(Math.max(0, afterCol));
  const m = /(?:→|->|=>|\bexpected:?|\bexpect\b:?)\s*(.+?)\)?\s*$/i.exec(after);
  if (!m || m[1]!.trim() === '') return undefined;
  const from = t.span.start.column - 1 + Math.max(0, afterCol) + m.index + m[0].indexOf(m[1]!);
  return { text: m[1]!, span: span(t.span.start.line, from + 1, t.span.start.line, from + 1 + m[1]!.length) };
}

/** A `Run:` value: inline code, or (when empty) the shell block that follows. */
function commandText(value: Text, lines: readonly string[], o: Outline, l: number, end: number, fences: readonly CodeBlock[]): Text {
  const code = /`([^`]+)`/.exec(value.text);
  if (code) {
    const at = value.text.indexOf(code[0]);
    const col = value.span.start.column + at + 1;
    return { text: code[1]!, span: span(l, col, l, col + code[1]!.length) };
  }
  if (value.text.trim() !== '') return value;
  const block = fences.find((f) => f.span.start.line > l && f.span.start.line <= end);
  if (block && nextLabelLine(lines, o, l + 1, end) > block.span.start.line) {
    return { text: commandLines(block.content).join('\n'), span: block.span };
  }
  return value;
}

function commandLines(content: string): string[] {
  return content
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'));
}

function commandFromBlock(block: CodeBlock): Command {
  const expectedLine = block.content.split('\n').findIndex((s) => /^\s*#\s*Expected\s*:/i.test(s));
  const expected: Text | undefined =
    expectedLine >= 0
      ? {
          text: block.content.split('\n')[expectedLine]!.replace(/^\s*#\s*Expected\s*:\s*/i, ''),
          span: span(block.contentLine + expectedLine, 1, block.contentLine + expectedLine, 200),
        }
      : undefined;
  return { run: { text: commandLines(block.content).join('\n'), span: block.span }, expected };
}

const IMPLEMENT_VERBS =
  /\b(implement|impl|fix|add|update|create|refactor|change|modify|wire|extend|remove|delete|replace|rename|move|introduce|write|optimi[sz]e|extract|define|register|migrate|simplify|inline|port|adapt|convert|split|merge|restructure|document|populate|thread|edit|insert|append|drop)\b/;

/** A step title that puts the commit off: "Do not commit yet", "暂时不 commit（等所有 task 完成一并 commit）". */
export const PUTS_OFF_COMMIT = /^\W*(?:step\s*[\d.]+\W*)?(?:(?:do not|don't|never|no)\s+(?:\w+\s+)?commit\b|(?:暂时|暫時|暂|暫|先)?\s*(?:不要?|別|别)\s*commit\b|commit\s*しない)/i;

export function stepKind(title: string, commands: readonly Command[] = []): StepKind {
  const t = title.toLowerCase();
  // "Add the official pre-commit hook" is not a commit, nor is a step that puts it off.
  if (/(?<!-)\bcommit\b/.test(t) && !PUTS_OFF_COMMIT.test(t)) return 'commit';
  // "提交本任务文件。" (commit this task's files), "更新状态并提交" (update the status and commit); not "提交 PR" (open the
  // pull request), nor the noun: "Cherry-pick 第 1-15 个提交" (the first 15 commits), "确认现有提交" (the commits so far).
  if (/(?:^|[并和及与、，,→]\s*|然后)提交(?!\s*(?:pr|pull request|mr|合并请求|审查|review))/.test(t)) return 'commit';
  if (/\bpush\b|\b(open|create) (a )?(pr|pull request)\b/.test(t)) return 'other';
  if (/\blint|golangci|eslint|ruff|\bvet\b/.test(t)) return 'lint';
  // "Update test assertion", "Update all cluster test files": keeping existing tests compiling
  // after a change is part of the change, not a new test.
  if (/^(update|modify|adjust|fix)\b.*\b(test (?:files?|assertions?|fixtures?|helpers?|call ?sites?)|existing tests?|all (?:\w+ )?tests?)\b/.test(t)) return 'implement';
  if (/\b(write|add|create|extend|update|rewrite|replace|modify|adjust)\b.*\b(tests?|benchmarks?)\b|\bfailing tests?\b|^tests?\b/.test(t) && !/^(run|verify|confirm)\b/.test(t)) return 'test';
  // "Create experiment run scripts": a title that starts with a change verb makes a change.
  if (IMPLEMENT_VERBS.test(t.split(/\s+/)[0] ?? '') && !/^(run|verify|check)\b/.test(t)) return 'implement';
  if (/\b(run|verify|confirm|execute|check)\b/.test(t)) {
    if (/\bfail/.test(t)) return 'run-fail';
    if (/\bpass|succeed|green\b/.test(t)) return 'run-pass';
    return refineKind('other', commands);
  }
  if (IMPLEMENT_VERBS.test(t)) return 'implement';
  // "运行测试并确认失败" (run the tests and confirm they fail), "再次运行测试" (run them again): a run, in Chinese.
  if (/^(?:重新|再次|再)?(?:运行|执行|跑|构建并运行)/.test(t)) {
    if (/失败|报错/.test(t) && !/通过/.test(t)) return 'run-fail';
    if (/通过|成功|全绿|变绿/.test(t)) return 'run-pass';
    return refineKind('other', commands);
  }
  // "写成功注册和重名注册" (write …), "新增 `x.py`" (add …): a title that opens with a change verb in Chinese.
  if (/^(?:写|编写|新增|添加|增加|补充?|实现|修改|更新|创建|新建|重构|删除|移除)/.test(t)) return /测试|\btests?\b/.test(t) ? 'test' : 'implement';
  return 'other';
}

/** A "Run tests" step is a red or a green step depending on what it expects. */
function refineKind(kind: StepKind, commands: readonly Command[]): StepKind {
  if (kind !== 'other') return kind;
  const expected = commands.map((c) => c.expected?.text ?? '').join(' ');
  if (/\bFAIL/i.test(expected) && !/\bPASS/i.test(expected)) return 'run-fail';
  if (/\bPASS|\bok\b|succeed/i.test(expected)) return 'run-pass';
  return kind;
}

/** The commit message from `git commit -m "…"` (or a heredoc) in the task, or a compact **Commit:** value. */
function findCommit(lines: readonly string[], steps: readonly Step[], fences: readonly CodeBlock[], label: Text | undefined): CommitMessage | undefined {
  // The last commit step that carries a message wins ("Step 4: Verify and commit" may precede "Step 6: Commit").
  const commitSteps = steps.filter((s) => s.kind === 'commit').reverse();
  for (const step of commitSteps) {
    const fromBlock = commitInBlocks(lines, step.codeBlocks) ?? bareMessageIn(lines, step.codeBlocks);
    if (fromBlock) return fromBlock;
    // "**Step 6:** Commit: `feat(x): y (BC-1)`" or a Run line holding the commit.
    for (const t of [step.title, ...step.prose]) {
      const code = /`([^`]*\b(?:feat|fix|refactor|test|docs|chore|perf|build|ci|style)\b[^`]*)`/.exec(t.text);
      if (code) return inlineCommit(t, code.index + 1, code[1]!);
    }
  }
  if (label) {
    const code = /`([^`]+)`/.exec(label.text);
    return code ? inlineCommit(label, code.index + 1, code[1]!) : inlineCommit(label, 0, label.text);
  }
  return commitSteps.length === 0 ? commitInBlocks(lines, fences) : undefined;
}

function commitInBlocks(lines: readonly string[], blocks: readonly CodeBlock[]): CommitMessage | undefined {
  for (const block of [...blocks].reverse()) {
    const msg = commitMessageIn(block.content);
    if (!msg) continue;
    const firstLine = msg.text.split('\n')[0]!;
    const offsetLines = block.content.slice(0, msg.offset).split('\n').length - 1;
    const line = block.contentLine + offsetLines;
    const lineText = lines[line - 1] ?? '';
    const at = lineText.indexOf(firstLine);
    return {
      subject: at >= 0 ? textAt(line, lineText, at, at + firstLine.length) : { text: firstLine, span: block.span },
      text: msg.text,
      span: block.span,
    };
  }
  return undefined;
}

/**
 * A commit step that shows the message itself in a plain block ("```\nfeat(x): y (BC-1)\n\n- body\n```"),
 * without the `git commit -m` around it.
 */
function bareMessageIn(lines: readonly string[], blocks: readonly CodeBlock[]): CommitMessage | undefined {
  for (const block of blocks) {
    const text = block.content.trim();
    const first = text.split('\n')[0]!;
    if (!BARE_SUBJECT.test(first)) continue;
    const line = block.contentLine + block.content.slice(0, block.content.indexOf(first)).split('\n').length - 1;
    const lineText = lines[line - 1] ?? '';
    const at = lineText.indexOf(first);
    return { subject: at >= 0 ? textAt(line, lineText, at, at + first.length) : { text: first, span: block.span }, text, span: block.span };
  }
  return undefined;
}

const BARE_SUBJECT = /^(?:feat|fix|refactor|test|docs|chore|perf|build|ci|style)(?:\([^)\s]*\))?!?: \S/;

/** A commit written inline: `feat(x): y (BC-1)` or `git commit -m "…"`, at `offset` in `t`. */
function inlineCommit(t: Text, offset: number, raw: string): CommitMessage {
  const inGit = commitMessageIn(raw);
  const text = inGit?.text ?? raw.trim();
  const subject = text.split('\n')[0]!;
  const at = raw.indexOf(subject);
  const col = t.span.start.column + offset + Math.max(0, at);
  const subjectSpan = t.span.start.line === t.span.end.line && at >= 0 ? span(t.span.start.line, col, t.span.start.line, col + subject.length) : t.span;
  return { subject: { text: subject, span: subjectSpan }, text, span: t.span };
}

const GIT_COMMIT = gitCommand('commit');

/** Reads the message of a `git commit -m` in shell text: quoted (possibly multi-line) or heredoc. */
export function commitMessageIn(shell: string): { text: string; offset: number } | undefined {
  const git = GIT_COMMIT.exec(shell);
  if (!git) return undefined;
  // From the subcommand on: options before it (`git -C "my-dir" commit`) hold no message.
  const at = git.index + git[0].length - 'commit'.length;
  const heredoc = /<<-?\s*['"]?(\w+)['"]?\n([\s\S]*?)\n\s*\1\b/.exec(shell.slice(at));
  const m = /\s-[a-zA-Z]*m\s*(["'])/.exec(shell.slice(at));
  // `-m "$(cat <<'EOF' … EOF)"`: the quoted value is a command substitution of the heredoc.
  const substituted = m !== null && /^\s*\$\(\s*cat\s+<</.test(shell.slice(at + m.index + m[0].length));
  if (heredoc && (!m || substituted || heredoc.index < m.index + 8)) {
    return { text: heredoc[2]!.trim(), offset: at + heredoc.index + heredoc[0].indexOf(heredoc[2]!) };
  }
  if (!m) return undefined;
  const quote = m[1]!;
  const start = at + m.index + m[0].length;
  let i = start;
  let out = '';
  for (; i < shell.length; i++) {
    const ch = shell[i]!;
    if (ch === '\\' && quote === '"' && i + 1 < shell.length) {
      out += shell[++i];
      continue;
    }
    if (ch === quote) break;
    out += ch;
  }
  return { text: out.trim(), offset: start };
}
