/**
 * Citation drift. Each `path:line` citation in a plan is classified:
 * - ok: the file exists and what the citation points at (its quoted code or named symbol) is there;
 * - moved: that code is now at other lines (with where, so `lint --fix` can rewrite it);
 * - changed: the symbol is still there but its text differs from the recorded base;
 * - gone: the file, the symbol or the quoted code is no longer there;
 * plus the path problems: missing file, ambiguous bare name, line past the end.
 */
import type { Citation } from '../plan/types.js';
import type { CodeState, Grounding } from './types.js';
import { resolvePlanPath } from './resolve-path.js';

export type CitationStatus =
  | { kind: 'ok'; path: string }
  | { kind: 'moved'; path: string; to: { start: number; end: number }; what: string }
  | { kind: 'changed'; path: string; symbol: string; line: number }
  | { kind: 'gone'; path: string; what: string }
  | { kind: 'missing-file' }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'past-end'; path: string; lineCount: number }
  | { kind: 'unreadable'; path: string };

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Lines of a file (1-based access helper). */
function fileLines(text: string): string[] {
  const lines = text.split('\n');
  // A final newline ends the last line; it does not start another.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Whole-word occurrence of an identifier on a line (plain text search on one line, not structure). */
function hasWord(line: string, word: string): boolean {
  let at = line.indexOf(word);
  while (at >= 0) {
    const before = at === 0 ? '' : line[at - 1]!;
    const after = line[at + word.length] ?? '';
    if (!/[\w$]/.test(before) && !/[\w$]/.test(after)) return true;
    at = line.indexOf(word, at + 1);
  }
  return false;
}

/** The line nearest to `near` on which `pred` holds. */
function nearest(lines: readonly string[], near: number, pred: (line: string) => boolean): number | undefined {
  for (let d = 0; d < lines.length; d++) {
    for (const l of d === 0 ? [near] : [near - d, near + d]) {
      if (l >= 1 && l <= lines.length && pred(lines[l - 1]!)) return l;
    }
  }
  return undefined;
}

/** Where a run of lines (compared without indentation) occurs, nearest to `near`. */
function findRun(lines: readonly string[], run: readonly string[], near: number): number | undefined {
  const want = run.map(collapse);
  if (want.every((w) => w === '')) return undefined;
  const matchesAt = (start: number): boolean => want.every((w, i) => collapse(lines[start - 1 + i] ?? '\u0000') === w);
  return searchRun(lines.length, near, matchesAt, want.length);
}

function searchRun(count: number, near: number, matchesAt: (start: number) => boolean, len: number): number | undefined {
  for (let d = 0; d < count; d++) {
    for (const s of d === 0 ? [near] : [near - d, near + d]) {
      if (s >= 1 && s + len - 1 <= count && matchesAt(s)) return s;
    }
  }
  return undefined;
}

async function symbolInFile(state: CodeState, symbol: string, path: string, near: number): Promise<number | undefined> {
  const decls = await state.index.declarations(symbol, { file: path });
  if (decls.length === 0) return undefined;
  decls.sort((a, b) => Math.abs(a.line - near) - Math.abs(b.line - near));
  return decls[0]!.line;
}

export async function classifyCitation(c: Citation, g: Grounding): Promise<CitationStatus> {
  const resolved = await resolvePlanPath(g.repo, c.path);
  if (resolved.kind === 'missing') {
    return { kind: 'missing-file' };
  }
  if (resolved.kind === 'ambiguous') return { kind: 'ambiguous', candidates: resolved.candidates };
  const path = resolved.path;
  const text = await g.repo.readText(path);
  if (text === undefined) return { kind: 'unreadable', path };
  const lines = fileLines(text);
  const span = c.endLine - c.startLine;

  if (g.against) return classifyAgainst(c, g, g.against, path, lines);

  if (c.quote !== undefined) {
    const quote = collapse(c.quote);
    const around = (l: number): boolean => collapse(lines[l - 1] ?? '').includes(quote);
    for (let l = c.startLine - 1; l <= c.endLine + 1; l++) if (around(l)) return { kind: 'ok', path };
    const at = nearest(lines, Math.min(c.startLine, lines.length), (line) => collapse(line).includes(quote));
    if (at !== undefined) return { kind: 'moved', path, to: { start: at, end: at + span }, what: `\`${c.quote}\`` };
    return { kind: 'gone', path, what: `the quoted code \`${c.quote}\`` };
  }
  if (c.symbol !== undefined) {
    const declared = await symbolInFile(g, c.symbol, path, c.startLine);
    if (declared !== undefined && declared >= c.startLine - 2 && declared <= c.endLine + 2) return { kind: 'ok', path };
    // Not declared here: the citation may point at a use (a call site) of the symbol.
    for (let l = c.startLine - 1; l <= c.endLine + 1; l++) if (hasWord(lines[l - 1] ?? '', c.symbol)) return { kind: 'ok', path };
    const to = declared ?? nearest(lines, Math.min(c.startLine, lines.length), (line) => hasWord(line, c.symbol!));
    if (to !== undefined) return { kind: 'moved', path, to: { start: to, end: to + span }, what: `\`${c.symbol}\`` };
    return { kind: 'gone', path, what: `\`${c.symbol}\`` };
  }
  if (c.endLine > lines.length) return { kind: 'past-end', path, lineCount: lines.length };
  return { kind: 'ok', path };
}

/** Drift since the recorded base: compare the cited lines at base with the later state. */
async function classifyAgainst(c: Citation, base: Grounding, later: CodeState, path: string, baseLines: string[]): Promise<CitationStatus> {
  if (c.endLine > baseLines.length) return { kind: 'past-end', path, lineCount: baseLines.length };
  const laterText = await later.repo.readText(path);
  if (laterText === undefined) return { kind: 'gone', path, what: `${path} (deleted or unreadable at ${later.label})` };
  const laterLines = fileLines(laterText);
  const run = baseLines.slice(c.startLine - 1, c.endLine);
  const same = run.every((l, i) => collapse(l) === collapse(laterLines[c.startLine - 1 + i] ?? '\u0000'));
  if (same) return { kind: 'ok', path };
  const at = findRun(laterLines, run, c.startLine);
  if (at !== undefined) return { kind: 'moved', path, to: { start: at, end: at + (c.endLine - c.startLine) }, what: 'the cited code' };
  const symbol = c.symbol ?? (await base.index.enclosing(path, c.startLine))?.name;
  if (symbol !== undefined) {
    const now = await symbolInFile(later, symbol, path, c.startLine);
    if (now !== undefined) return { kind: 'changed', path, symbol, line: now };
  }
  return { kind: 'gone', path, what: symbol !== undefined ? `\`${symbol}\`` : 'the cited code' };
}
