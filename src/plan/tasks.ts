/**
 * Tasks: "Task N: Title" headings, their contracts, Files list, Steps (with code blocks, Run
 * commands and Expected outcomes) and commit message. Compact tasks carry **Test:** / **Impl:**
 * / **Verify:** / **Lint:** / **Commit:** labels instead of numbered steps.
 */
import type { Outline } from './blocks.js';
import { findContractRefs } from './contracts.js';
import { plainInline, span, textAt, trimmedLine } from './source.js';
import type {
  CodeBlock,
  Command,
  CommitMessage,
  ContractRef,
  FileAction,
  FileEntry,
  Section,
  Step,
  StepKind,
  Task,
  Text,
} from './types.js';

const TASK_HEADING = /^Task\s+(\d+)\b\s*(?:[:.—–-]\s*)?(.*)$/i;
const STEP_LINE = /^Step\s+(\d+)\b\s*(?:[:.—–-]\s*)?(.*)$/i;
const LABEL = /^\s*(?:[-*+]\s+)?\*\*([A-Za-z][A-Za-z /,()-]{0,60}?)(?::\*\*|\*\*:)\s*(.*)$/;
const PLAIN_LABEL = /^\s*(Run|Verify|Expected|Lint|Commit|Files?|Contracts?(?: Implemented)?)\s*:\s*(.*)$/i;
const SHELL_LANGS = new Set(['bash', 'sh', 'shell', 'console', 'zsh', '']);

/** Task sections: headings whose text is "Task N …". */
export function parseTasks(lines: readonly string[], o: Outline, sections: readonly Section[]): Task[] {
  const tasks: Task[] = [];
  for (const section of sections) {
    const m = TASK_HEADING.exec(section.heading.text);
    if (!m) continue;
    tasks.push(parseTask(lines, o, section, Number(m[1]), m[2] ?? ''));
  }
  return tasks;
}

interface LabelLine {
  label: string;
  value: Text;
  line: number;
}

function labelAt(lines: readonly string[], l: number): LabelLine | undefined {
  const lineText = lines[l - 1] ?? '';
  const m = LABEL.exec(lineText) ?? PLAIN_LABEL.exec(lineText);
  if (!m) return undefined;
  const valueStart = lineText.length - m[2]!.length;
  // "**Test (write first, must fail):**" is the Test label.
  const name = m[1]!.replace(/\s*\(.*$/, '').trim().toLowerCase();
  return { label: name, value: textAt(l, lineText, valueStart, lineText.trimEnd().length), line: l };
}

function parseTask(lines: readonly string[], o: Outline, section: Section, number: number, titleRest: string): Task {
  const from = section.bodyStart;
  const to = section.bodyEnd;
  const headingLine = section.heading.span.start.line;
  const headingText = lines[headingLine - 1] ?? '';
  const title = findTitle(headingLine, headingText, titleRest);
  const fences = o.fences.filter((f) => f.span.start.line >= from && f.span.end.line <= to);

  let contracts: ContractRef[] = [];
  let contractsSpan: Task['contractsSpan'];
  let files: FileEntry[] = [];
  const compactParts: NonNullable<Task['compact']> = { test: [], impl: [], verify: undefined, lint: undefined, commit: undefined };
  let isCompact = false;
  let blockLabel: 'test' | 'impl' | undefined;

  // Step boundaries first: step heads are bold lines, headings, or plain "Step N:" lines.
  const stepHeads: Array<{ line: number; number: number; title: Text }> = [];
  for (let l = from; l <= to; l++) {
    if (o.codeMask[l]) continue;
    const lineText = lines[l - 1] ?? '';
    const plain = plainInline(lineText.replace(/^\s*#{1,6}\s+/, '').replace(/^\s*[-*+]\s+(?:\[[ xX]\]\s+)?/, ''));
    const sm = STEP_LINE.exec(plain);
    if (sm && /^\s*(?:#{1,6}\s+|\*\*|__|Step\b|[-*+]\s+(?:\[[ xX]\]\s+)?\*\*)/i.test(lineText)) {
      const rest = (sm[2] ?? '').replace(/:$/, '').trim();
      const at = lineText.indexOf(rest.slice(0, 12));
      stepHeads.push({
        line: l,
        number: Number(sm[1]),
        title: rest !== '' && at >= 0 ? textAt(l, lineText, at, at + rest.length) : trimmedLine(l, lineText),
      });
    }
  }

  for (let l = from; l <= to; l++) {
    if (o.codeMask[l]) continue;
    const label = labelAt(lines, l);
    if (!label) continue;
    const key = label.label;
    if (/^contracts?(?: implemented)?$/.test(key)) {
      contracts = refsIn(label.value, lines);
      contractsSpan = span(l, 1, l, (lines[l - 1] ?? '').length + 1);
    } else if (key === 'files' || key === 'file') {
      files = parseFiles(lines, o, label, to);
    } else if (key === 'test' && stepHeads.length === 0) {
      isCompact = true;
      blockLabel = 'test';
    } else if ((key === 'impl' || key === 'implementation') && stepHeads.length === 0) {
      isCompact = true;
      blockLabel = 'impl';
    } else if (key === 'verify' && stepHeads.length === 0) {
      isCompact = true;
      compactParts.verify = label.value;
      blockLabel = undefined;
    } else if (key === 'lint' && stepHeads.length === 0) {
      isCompact = true;
      compactParts.lint = label.value;
      blockLabel = undefined;
    } else if (key === 'commit' && stepHeads.length === 0) {
      isCompact = true;
      compactParts.commit = label.value;
      blockLabel = undefined;
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
    contracts = refsIn(title, lines);
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
    steps,
    compact: isCompact ? compactParts : undefined,
    commit: findCommit(lines, steps, fences, compactParts.commit),
    span: section.span,
  };
}

function findTitle(line: number, lineText: string, rest: string): Text {
  const clean = rest.trim();
  const at = clean === '' ? -1 : lineText.indexOf(clean.slice(0, Math.min(clean.length, 12)));
  return at >= 0 ? textAt(line, lineText, at, Math.min(lineText.length, at + clean.length)) : trimmedLine(line, lineText);
}

function refsIn(t: Text, lines: readonly string[]): ContractRef[] {
  const lineText = lines[t.span.start.line - 1] ?? '';
  const startCol = t.span.start.column;
  const endCol = t.span.end.line === t.span.start.line ? t.span.end.column : lineText.length + 1;
  return findContractRefs([lineText]).filter((r) => r.span.start.column >= startCol && r.span.end.column <= endCol).map((r) => ({
    id: r.id,
    span: span(t.span.start.line, r.span.start.column, t.span.start.line, r.span.end.column),
  }));
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
};

/** The "**Files:**" block: inline value and/or the list items under it. */
function parseFiles(lines: readonly string[], o: Outline, label: LabelLine, to: number): FileEntry[] {
  const entries: FileEntry[] = [];
  if (label.value.text.trim() !== '') {
    // Compact: "modify `a.go`, test `a_test.go`" or "create/modify X, test Y".
    const lineText = lines[label.line - 1] ?? '';
    let action: FileAction = 'other';
    for (const part of splitTopLevel(label.value.text)) {
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
    const entry = parseFileEntry(body, item.line, lineText, offset, 'other');
    if (entry) entries.push(entry);
  }
  return entries;
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
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    const ch = s[i];
    if (ch === '`') inCode = !inCode;
    if (i === s.length || (!inCode && (ch === ',' || ch === ';'))) {
      const raw = s.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      if (raw.trim() !== '') parts.push({ text: raw.trim(), offset: start + lead });
      start = i + 1;
    }
  }
  return parts;
}

/** "Create: `a/b.go`", "Modify: `a.go:12-40` (note)", "modify `x`", "`x` — note". */
function parseFileEntry(body: string, line: number, lineText: string, offset: number, fallback: FileAction): FileEntry | undefined {
  const m = /^\s*(?:\*\*)?([A-Za-z]+)(?:\/[A-Za-z]+)?(?:\*\*)?\s*:?\s*(?:\*\*)?\s*(.*)$/.exec(body);
  let action = fallback;
  let rest = body;
  if (m && ACTIONS[m[1]!.toLowerCase()] !== undefined) {
    action = ACTIONS[m[1]!.toLowerCase()]!;
    rest = m[2]!;
  }
  const code = /`([^`]+)`/.exec(rest);
  let rawPath = code ? code[1]! : (rest.trim().split(/\s+/)[0] ?? '');
  rawPath = rawPath.replace(/[,;]$/, '');
  if (rawPath === '' || !/[./]/.test(rawPath) || /\s/.test(rawPath)) return undefined;
  const range = /^(.*?):(\d+)(?:-(\d+))?$/.exec(rawPath);
  const path = range ? range[1]! : rawPath;
  const lineRange = range ? { start: Number(range[2]), end: Number(range[3] ?? range[2]) } : parenRange(rest);
  const pathAt = lineText.indexOf(rawPath, offset);
  const noteStart = code ? rest.indexOf(code[0]) + code[0].length : rest.indexOf(rawPath) + rawPath.length;
  return {
    action,
    path,
    lines: lineRange,
    note: rest.slice(noteStart).replace(/^\s*[—–-]\s*/, '').trim(),
    span: pathAt >= 0 ? span(line, pathAt + 1, line, pathAt + rawPath.length + 1) : span(line, 1, line, lineText.length + 1),
  };
}

function parenRange(rest: string): FileEntry['lines'] {
  const m = /\(lines?\s+(\d+)(?:\s*[-–]\s*(\d+))?/i.exec(rest);
  return m ? { start: Number(m[1]), end: Number(m[2] ?? m[1]) } : undefined;
}

function parseStep(
  lines: readonly string[],
  o: Outline,
  head: { line: number; number: number; title: Text },
  end: number,
  fences: readonly CodeBlock[],
): Step {
  const codeBlocks = fences.filter((f) => f.span.start.line > head.line && f.span.start.line <= end);
  const commands: Command[] = [];
  const prose: Text[] = [];
  // Inline text on the step head line after the title ("**Step 1:** Commit.") counts as prose.
  for (let l = head.line; l <= end; l++) {
    if (o.codeMask[l]) continue;
    const lineText = lines[l - 1] ?? '';
    if (lineText.trim() === '') continue;
    const label = l === head.line ? undefined : labelAt(lines, l);
    if (label && (label.label === 'run' || label.label === 'verify' || label.label === 'command')) {
      commands.push({ run: commandText(label.value, lines, o, l, end, fences), expected: undefined });
      continue;
    }
    if (label && label.label === 'expected') {
      const last = commands[commands.length - 1];
      if (last && !last.expected) last.expected = label.value;
      else commands.push({ run: { text: '', span: label.value.span }, expected: label.value });
      continue;
    }
    if (l !== head.line) prose.push(trimmedLine(l, lineText));
  }
  const kind = stepKind(head.title.text, commands);
  if (commands.length === 0 && (kind === 'run-fail' || kind === 'run-pass' || kind === 'lint')) {
    // Commands given only as a shell block ("```bash\ngo test ./...\n# Expected: PASS\n```").
    for (const block of codeBlocks) {
      if (!SHELL_LANGS.has(block.lang)) continue;
      commands.push(commandFromBlock(block));
    }
  }
  return {
    number: head.number,
    title: head.title,
    kind: commands.length > 0 ? refineKind(kind, commands) : kind,
    codeBlocks,
    commands,
    prose,
    span: span(head.line, 1, end, (lines[end - 1] ?? '').length + 1),
  };
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

export function stepKind(title: string, commands: readonly Command[] = []): StepKind {
  const t = title.toLowerCase();
  if (/\bcommit\b/.test(t)) return 'commit';
  if (/\blint|golangci|eslint|ruff|\bvet\b/.test(t)) return 'lint';
  if (/\b(write|add|create|extend|update)\b.*\btests?\b|\bfailing tests?\b|^tests?\b/.test(t) && !/\b(run|verify|confirm)\b/.test(t)) return 'test';
  if (/\b(run|verify|confirm|execute|check)\b/.test(t)) {
    if (/\bfail/.test(t)) return 'run-fail';
    if (/\bpass|succeed|green\b/.test(t)) return 'run-pass';
    return refineKind('other', commands);
  }
  if (/\b(implement|fix|add|update|create|refactor|change|modify|wire|extend|remove|delete|replace|rename|move|introduce|write)\b/.test(t)) return 'implement';
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
function findCommit(lines: readonly string[], steps: readonly Step[], fences: readonly CodeBlock[], compact: Text | undefined): CommitMessage | undefined {
  const commitStep = steps.find((s) => s.kind === 'commit');
  const candidates = commitStep ? commitStep.codeBlocks : fences;
  for (const block of [...candidates].reverse()) {
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
  if (commitStep) {
    // "**Step 6:** Commit: `feat(x): y (BC-1)`" or a Run line holding the commit.
    for (const t of [commitStep.title, ...commitStep.prose]) {
      const code = /`([^`]*\b(?:feat|fix|refactor|test|docs|chore|perf|build|ci|style)\b[^`]*)`/.exec(t.text);
      if (code) {
        const inner = commitMessageIn(code[1]!)?.text ?? code[1]!;
        return { subject: { text: inner.split('\n')[0]!, span: t.span }, text: inner, span: t.span };
      }
    }
  }
  if (compact) {
    const code = /`([^`]+)`/.exec(compact.text);
    const text = code ? code[1]! : compact.text;
    const inner = commitMessageIn(text)?.text ?? text;
    return { subject: { text: inner.split('\n')[0]!, span: compact.span }, text: inner, span: compact.span };
  }
  return undefined;
}

/** Reads the message of a `git commit -m` in shell text: quoted (possibly multi-line) or heredoc. */
export function commitMessageIn(shell: string): { text: string; offset: number } | undefined {
  const at = shell.indexOf('git commit');
  if (at < 0) return undefined;
  const heredoc = /<<-?\s*['"]?(\w+)['"]?\n([\s\S]*?)\n\s*\1\b/.exec(shell.slice(at));
  const m = /\s-[a-zA-Z]*m\s*(["'])/.exec(shell.slice(at));
  if (heredoc && (!m || heredoc.index < m.index + 8)) {
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
