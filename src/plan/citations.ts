/**
 * Code citations in prose: `path/to/file.go:123`, `file.go:10-20`, `file.go:12,40` (a line list),
 * `file.go:~95` (approximate), "`file.go` (line 42)", "file.go lines 10–20". Read from Markdown
 * prose and inline code, never from fenced code.
 *
 * What a citation claims is read only from the inline code that belongs to it: the code span
 * directly before it ("`NewFoo` at `foo.go:12`", "`x := f()` (foo.go:12)"), directly after it
 * ("`foo.go:12`: `NewFoo(a, b)`", "`foo.go:12` (`NewFoo(...)`)"), or, in a table, the first cell
 * of its row when that cell is one code span. Text between two unrelated code spans is never a
 * quote.
 */
import type { Outline } from './blocks.js';
import { nearbyNames } from './citation-nearby.js';
import { span } from './source.js';
import type { Citation } from './types.js';

// A file name needs an extension that starts with a lowercase letter: `Type.Method` is no file.
// Ranges take a hyphen or an en dash, \u2013 (an escape the pattern reads, so that the CLI bundle
// stays ASCII: scripts/bundle-cli.mjs).
const PATH = String.raw`((?:~?/|\.\.?/)?(?:[\w.-]+/)*[\w-][\w.-]*\.[a-z]\w{0,9})`;
const LINES = String.raw`(~?)(\d+)(?:\s*[-\u2013]\s*(\d+))?((?:\s*,\s*~?\d+(?:\s*[-\u2013]\s*\d+)?)*)`;
const COLON_FORM = new RegExp(String.raw`(?<![\w/.-])` + PATH + ':' + LINES + String.raw`(?![\w])`, 'g');
const PAREN_FORM = new RegExp('`' + PATH + String.raw`\`\s*\((?:at\s+)?lines?\s+(~?)(\d+)(?:\s*[-\u2013]\s*(\d+))?\)`, 'g');
const COLON_DIGIT = /:~?\d/;

/** Words that may join a code span to the citation it belongs to: "`X` declared at `a.go:1`". */
// A dash only before a verb ("`X` — constructed in `a.go:9`"): in "`A.f()` returns `T` — `a.go:9`" the span
// before the dash says something about the subject.
const JOIN_BEFORE =
  /^\s*(?:[(:]\s*)?(?:(?:struct|interface|type|function|func|method|field|constant|variable|var)\s+)?(?:[(:]\s*|[—–-]\s*(?=[a-z]+ (?:at|in|on|from)\b))?(?:(?:is|are|was)\s+)?(?:(?:declared|defined|constructed|built|called|created|registered|implemented|set|used|stamped|located|computed|populated)\s+)?(?:(?:at|in|on|from)\s+)?(?:\(\s*)?(?:lines?\s+)?$/;
/** After a citation only punctuation may join it to its code: "`a.go:1`: `X`", "`a.go:1` (`X`)". */
const JOIN_AFTER = /^\s*[:(—–-]?\s*$/;
/** "(approx)", "(approx.)", "(approximately)" right after a citation. */
const APPROX_AFTER = /^\s*\((?:approx\.?|approximately|roughly)\)/i;
/** `Name`, `pkg.Name`, `T.Method()`: a symbol. */
const IDENTIFIER = /^&?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*(?:\(\))?$/;
/** `Name(args)`, `pkg.Name(...)`: a call, which names its callee. */
const CALL = /^(?:[\w.]+\s*:?=\s*)?&?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\(.*\)$/;
/** `T{}`, `&pkg.T{...}`: a composite literal, which names its type. */
const LITERAL = /^&?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\{.*\}$/;
const FILE_LIKE = /\/|\.[a-z]{1,4}$/;

interface CodeSpan {
  /** 0-based offsets of the opening backtick and just past the closing one. */
  from: number;
  to: number;
  content: string;
}

/** Inline code spans of one line (CommonMark: a run of n backticks closes at the next run of exactly n). */
export function codeSpans(line: string): CodeSpan[] {
  const out: CodeSpan[] = [];
  let i = 0;
  while (i < line.length) {
    const open = line.indexOf('`', i);
    if (open < 0) break;
    let n = 1;
    while (line[open + n] === '`') n++;
    let close = -1;
    for (let j = line.indexOf('`', open + n); j >= 0; j = line.indexOf('`', j + 1)) {
      let m = 1;
      while (line[j + m] === '`') m++;
      if (m === n) {
        close = j;
        break;
      }
      j += m - 1;
    }
    if (close < 0) {
      i = open + n;
      continue;
    }
    out.push({ from: open, to: close + n, content: line.slice(open + n, close).trim() });
    i = close + n;
  }
  return out;
}

/** The contents of a line's inline code spans: "Run `npm test`, then `git commit`" → ["npm test", "git commit"]. */
export function codeSpanTexts(line: string): string[] {
  return codeSpans(line).map((c) => c.content);
}

/** What one code span says a citation points at: a symbol (with its qualifier) or a quote. */
function claimOf(code: string): Pick<Citation, 'symbol' | 'qualifier' | 'quote'> | undefined {
  if (code === '' || COLON_DIGIT.test(code) || (FILE_LIKE.test(code) && !/[({\s]/.test(code))) return undefined;
  const name = IDENTIFIER.test(code) ? code.replace(/^&/, '').replace(/\(\)$/, '') : (CALL.exec(code)?.[1] ?? LITERAL.exec(code)?.[1]);
  if (name !== undefined) {
    const parts = name.split('.');
    // `pkg.Func` / `Type.Method` → the last segment is what is declared; the one before may be its type.
    return { symbol: parts[parts.length - 1], qualifier: parts.length > 1 ? parts[parts.length - 2] : undefined, quote: undefined };
  }
  return { symbol: undefined, qualifier: undefined, quote: code };
}

function rowFirstCell(o: Outline, line: number): string | undefined {
  for (const t of o.tables) {
    if (line < t.span.start.line || line > t.span.end.line) continue;
    const row = t.rows.find((r) => r.span.start.line === line);
    const first = row?.cells[0]?.text.trim();
    if (!first) return undefined;
    const spans = codeSpans(first);
    return spans.length === 1 && spans[0]!.from === 0 && spans[0]!.to === first.length ? spans[0]!.content : undefined;
  }
  return undefined;
}

function malformedReason(path: string, start: number, end: number | undefined): string | undefined {
  if (path.startsWith('/') || path.startsWith('~/')) return `${path} is an absolute path: cite it from the repository root`;
  if (path.split('/').includes('..')) return `${path} climbs out with "..": cite it from the repository root`;
  if (start === 0) return 'line 0 does not exist: lines count from 1';
  if (end !== undefined && end < start) return `the range ${start}-${end} runs backwards: write it as ${end}-${start}`;
  return undefined;
}

/** The bounds (0-based, end exclusive) of the table cell holding offset `at` of line `line`. */
function cellAround(o: Outline, line: number, at: number): [number, number] | undefined {
  for (const t of o.tables) {
    if (line < t.span.start.line || line > t.span.end.line) continue;
    const row = t.rows.find((r) => r.span.start.line === line);
    const cell = row?.cells.find((c) => c.span.start.column - 1 <= at && at < c.span.end.column - 1);
    return cell ? [cell.span.start.column - 1, cell.span.end.column - 1] : undefined;
  }
  return undefined;
}

export function parseCitations(lines: readonly string[], o: Outline): Citation[] {
  const out: Citation[] = [];
  for (let l = 1; l <= lines.length; l++) {
    if (o.codeMask[l]) continue;
    const lineText = lines[l - 1]!;
    if (!/\d/.test(lineText)) continue;
    let spans: CodeSpan[] | undefined;
    const found: Array<{ m: RegExpExecArray; own: CodeSpan | undefined; from: number; to: number }> = [];
    for (const re of [COLON_FORM, PAREN_FORM]) {
      // Cheap necessary conditions: ":<digit>" for the colon form, "line" for the parenthesised one.
      if (re === COLON_FORM ? !COLON_DIGIT.test(lineText) : !lineText.includes('line')) continue;
      re.lastIndex = 0;
      for (let m = re.exec(lineText); m; m = re.exec(lineText)) {
        const path = m[1]!;
        if (/^\d+(\.\d+)*$/.test(path) || /^v\d/.test(path)) continue; // versions, not files
        spans ??= codeSpans(lineText);
        const at = m.index + (re === PAREN_FORM ? 1 : 0);
        // The citation's own extent: the code span it is written in, or the bare text.
        const own = spans.find((s) => s.from <= at && at < s.to);
        const from = own ? own.from : m.index;
        const to = own ? Math.max(own.to, m.index + m[0].length) : m.index + m[0].length;
        found.push({ m, own, from, to });
      }
    }
    for (const { m, own, from, to } of found) {
      const path = m[1]!;
      const startLine = Number(m[3]);
      const end = m[4] !== undefined ? Number(m[4]) : undefined;
      const lineSpans = spans!;
      // "(approx)" after a citation says, as "~" before its line does, that the line is rough.
      const approx = APPROX_AFTER.exec(lineText.slice(to));
      const before = lineSpans.filter((s) => s.to <= from).pop();
      const after = lineSpans.find((s) => s.from >= to);
      let claim: ReturnType<typeof claimOf>;
      if (before && JOIN_BEFORE.test(lineText.slice(before.to, from))) claim = claimOf(before.content);
      if (!claim && after && JOIN_AFTER.test(lineText.slice(to + (approx?.[0].length ?? 0), after.from))) claim = claimOf(after.content);
      if (!claim) {
        const cell = rowFirstCell(o, l);
        if (cell !== undefined && !(own && lineText.slice(own.from, own.to).includes(cell))) claim = claimOf(cell);
      }
      const nearby = claim
        ? undefined
        : nearbyNames(
            lineText,
            lineSpans,
            [from, to],
            found.filter((f) => f.m !== m).map((f) => [f.from, f.to] as const),
            cellAround(o, l, from),
          );
      const malformed = malformedReason(path, startLine, end);
      out.push({
        path,
        startLine,
        endLine: end !== undefined && end >= startLine ? end : startLine,
        symbol: claim?.symbol,
        qualifier: claim?.qualifier,
        quote: claim?.quote,
        approximate: m[2] === '~' || lineText[m.index - 1] === '~' || approx !== null || undefined,
        lineList: (m[5] ?? '').trim() !== '' || undefined,
        malformed,
        ...(nearby ? { nearby } : {}),
        span: span(l, m.index + 1, l, m.index + m[0].length + 1),
      });
    }
  }
  return out;
}
