/**
 * Citation drift. Each `path:line` citation in a plan is classified:
 * - ok: the file exists and what the citation points at (its quoted code or named symbol) is there —
 *   on the cited lines, or the cited lines lie inside the named declaration ("`NewFoo` at foo.go:12"
 *   where line 12 is in NewFoo's body);
 * - moved: that code is at other lines; `unique` when it occurs exactly once, so a rewrite is safe;
 * - changed: (with --against) the cited code is still there in recognisable form but differs;
 * - gone: the file, the symbol or the quoted code is no longer there;
 * plus the path problems: missing file, ambiguous bare name, line past the end, a malformed
 * citation, and a file that cannot be read (a symlink leaving the repository).
 *
 * A citation with no symbol or quote of its own may still have names its sentence gives
 * (NearbyName): a weaker claim, held to less. Such a name says nothing while it is at or near the
 * cited lines; it moved when it is declared (or, in backticks, used) elsewhere in the file and no
 * other name of the sentence is near; it is gone when the plan removes or modifies it and the file
 * has it nowhere, in any case. Every finding so read is marked `weak`.
 */
import type { Citation, NearbyName } from '../plan/types.js';
import { sourceExtensions } from '../repo/code/code-index.js';
import { RepoError, type Declaration } from '../repo/types.js';
import type { CodeState, Grounding } from './types.js';
import { FLAG_CALL } from './context.js';
import { listFilesCached, resolvePlanPath } from './resolve-path.js';

export type CitationStatus =
  | { kind: 'ok'; path: string }
  /** `weak`: read from a name the citation's sentence gives, not one written beside it (NearbyName). */
  | { kind: 'moved'; path: string; to: { start: number; end: number }; what: string; unique: boolean; weak?: true }
  | { kind: 'changed'; path: string; symbol: string; line: number }
  | { kind: 'gone'; path: string; what: string; weak?: true }
  | { kind: 'missing-file' }
  /** A file of a kind the repository has none of (`scheduler.py` cited in a Go project): another project's code. */
  | { kind: 'foreign'; extension: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'past-end'; path: string; lineCount: number }
  | { kind: 'malformed'; reason: string }
  | { kind: 'unreadable'; path: string; reason: string };

/** Whitespace collapsed and escape sequences dropped: `"Rate: %.4f"` matches `"Rate: %.4f\n"`. */
const normal = (s: string): string =>
  s
    .replace(/\\[nrt0\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * How far past its cited lines a citation's code may sit and still be the cited code: the ends of a
 * range are often miscounted by a line or two; a single line is meant more exactly.
 */
const slackOf = (c: Citation): number => (c.approximate ? ROUGHLY : c.endLine > c.startLine ? 2 : 1);
/** How far an approximate citation ("~95", "(approx)") may be from its code. */
const ROUGHLY = 5;

/** Lines of a file (1-based access helper). */
function fileLines(text: string): string[] {
  const lines = text.split('\n');
  // A final newline ends the last line; it does not start another.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The symbol used on a line: as a whole word, or as the end of a longer name that starts a new
 * word there (`NewGatewayQueue` uses `GatewayQueue`). Plain text on one line, not structure.
 */
function usesSymbol(line: string, word: string): boolean {
  let at = line.indexOf(word);
  while (at >= 0) {
    const before = at === 0 ? '' : line[at - 1]!;
    const after = line[at + word.length] ?? '';
    const camelTail = /[a-z0-9]/.test(before) && /^[A-Z]/.test(word);
    if ((!/[\w$]/.test(before) || camelTail) && !/[\w$]/.test(after)) return true;
    at = line.indexOf(word, at + 1);
  }
  return false;
}

/** Every line on which `pred` holds. */
function linesWhere(lines: readonly string[], pred: (line: string) => boolean): number[] {
  const out: number[] = [];
  for (let l = 1; l <= lines.length; l++) if (pred(lines[l - 1]!)) out.push(l);
  return out;
}

const nearestOf = (candidates: readonly number[], near: number): number =>
  candidates.reduce((best, l) => (Math.abs(l - near) < Math.abs(best - near) ? l : best), candidates[0]!);

/** Declarations of the citation's symbol in a file; a qualifier that names a type picks its methods. */
async function declarationsOf(state: CodeState, symbol: string, qualifier: string | undefined, path: string): Promise<Declaration[]> {
  const all = await state.index.declarations(symbol, { file: path });
  if (qualifier === undefined) return all;
  const own = all.filter((d) => d.container === qualifier);
  // `pkg.Func`: the qualifier is a package, not a type; every declaration of the name counts.
  return own.length > 0 || all.every((d) => d.container === undefined) ? (own.length > 0 ? own : all) : own;
}

/** Lines a declaration covers, with the doc comment or blank line just above it. */
const covers = (d: Declaration, start: number, end: number): boolean => end >= d.line - 3 && start <= d.endLine;

function malformedOrUnreadable(err: unknown, path: string): CitationStatus {
  if (err instanceof RepoError) return { kind: 'unreadable', path, reason: err.message };
  throw err;
}

export async function classifyCitation(c: Citation, g: Grounding): Promise<CitationStatus> {
  if (c.malformed !== undefined) return { kind: 'malformed', reason: c.malformed };
  const resolved = await resolvePlanPath(g.repo, c.path);
  if (resolved.kind === 'missing') {
    // In a repository of source code with no file of this kind, the file is another project's.
    const extension = c.path.slice(c.path.lastIndexOf('.'));
    const files = await listFilesCached(g.repo);
    const source = sourceExtensions();
    const foreign = !files.some((f) => f.endsWith(extension)) && files.some((f) => source.some((e) => f.endsWith(e)));
    return foreign ? { kind: 'foreign', extension } : { kind: 'missing-file' };
  }
  let path: string;
  if (resolved.kind === 'ambiguous') {
    // A bare name two files share: the citation's own code may say which one it means.
    const fits: string[] = [];
    if (!g.against && (c.symbol !== undefined || c.quote !== undefined)) {
      for (const candidate of resolved.candidates) {
        const status = await classifyIn(c, g, candidate).catch(() => undefined);
        if (status?.kind === 'ok') fits.push(candidate);
      }
    }
    if (fits.length !== 1) return { kind: 'ambiguous', candidates: resolved.candidates };
    path = fits[0]!;
  } else {
    path = resolved.path;
  }
  try {
    return await classifyIn(c, g, path);
  } catch (err) {
    return malformedOrUnreadable(err, path);
  }
}

async function classifyIn(c: Citation, g: Grounding, path: string): Promise<CitationStatus> {
  const text = await g.repo.readText(path);
  if (text === undefined) return { kind: 'unreadable', path, reason: `${path} is binary or too large to read` };
  const lines = fileLines(text);
  if (c.endLine > lines.length) return { kind: 'past-end', path, lineCount: lines.length };
  if (g.against) {
    // "~95" says roughly where: only the file and its length are held to it across revisions.
    if (c.approximate) return { kind: 'ok', path };
    return classifyAgainst(c, g, g.against, path, lines);
  }
  // "~95" and "(approx)" say roughly where: the code may be a few lines off.
  const slack = slackOf(c);

  const span = c.endLine - c.startLine;
  if (c.quote !== undefined) {
    const quote = normal(c.quote);
    const has = (line: string): boolean => normal(line).includes(quote);
    for (let l = c.startLine - slack; l <= c.endLine + slack; l++) if (has(lines[l - 1] ?? '')) return { kind: 'ok', path };
    const at = linesWhere(lines, has);
    if (at.length > 0) {
      const to = nearestOf(at, c.startLine);
      return { kind: 'moved', path, to: { start: to, end: to + span }, what: `\`${c.quote}\``, unique: at.length === 1 };
    }
    return { kind: 'gone', path, what: `the quoted code \`${c.quote}\`` };
  }
  if (c.symbol !== undefined) {
    const symbol = c.symbol;
    const decls = await declarationsOf(g, symbol, c.qualifier, path);
    // The cited lines are the declaration, or lie inside it (a field of the struct, a line of the function).
    if (decls.some((d) => covers(d, c.startLine, c.endLine))) return { kind: 'ok', path };
    // Another type's method of the same name is not a use of `Type.Method`.
    const others =
      c.qualifier !== undefined && decls.some((d) => d.container === c.qualifier)
        ? new Set((await g.index.declarations(symbol, { file: path })).filter((d) => d.container !== c.qualifier).map((d) => d.line))
        : new Set<number>();
    const uses = (l: number): boolean => !others.has(l) && usesSymbol(lines[l - 1] ?? '', symbol);
    // Not declared here: the citation may point at a use (a call site) of the symbol.
    for (let l = c.startLine - slack; l <= c.endLine + slack; l++) if (uses(l)) return { kind: 'ok', path };
    // The cited line declares a function that uses the symbol ("the construction site of `T`").
    const enclosing = await g.index.enclosing(path, c.startLine);
    if (enclosing && enclosing.line >= c.startLine - 3 && enclosing.line <= c.startLine + 1) {
      for (let l = enclosing.line; l <= enclosing.endLine; l++) if (uses(l)) return { kind: 'ok', path };
    }
    const what = `\`${c.qualifier !== undefined && decls.some((d) => d.container === c.qualifier) ? `${c.qualifier}.` : ''}${symbol}\``;
    if (decls.length > 0) {
      const to = nearestOf(decls.map((d) => d.line), c.startLine);
      return { kind: 'moved', path, to: { start: to, end: to + span }, what, unique: decls.length === 1 };
    }
    const used = linesWhere(lines, (line) => usesSymbol(line, symbol));
    if (used.length > 0) {
      const to = nearestOf(used, c.startLine);
      return { kind: 'moved', path, to: { start: to, end: to + span }, what, unique: used.length === 1 };
    }
    return { kind: 'gone', path, what };
  }
  if (c.nearby !== undefined) return classifyNearby(c, c.nearby, g, path, lines, slack);
  return { kind: 'ok', path };
}

/** The line of a declaration's doc comment (or decorators, or its group's) that opens it, at least 3 lines above it. */
function headOf(d: Declaration, lines: readonly string[]): number {
  let top = d.groupLine ?? d.line;
  while (top > 1 && /^\s*(?:\/\/|#|\/?\*|@)/.test(lines[top - 2] ?? '')) top--;
  return Math.min(top, d.line - 3);
}


interface NameInFile {
  name: NearbyName;
  /** Lines declaring it. */
  declared: Declaration[];
  /** Lines of code using it, its declarations' and comments aside (for a flag, registering it). */
  used: number[];
  /** Lines that put it beside the cited ones (for a flag, any spelling it). */
  near: number[];
  /** Named anywhere in the file, comments included. */
  present: boolean;
}

/**
 * A citation read by the names its sentence gives (citation-nearby.ts). It says nothing unless
 * it can say one thing: every name given is away from the cited lines, and either one of them,
 * removed or modified by the plan, is nowhere in the file (gone), or exactly one is elsewhere in it
 * (moved; to its one declaration or use, else not rewritable).
 */
async function classifyNearby(c: Citation, names: readonly NearbyName[], g: Grounding, path: string, lines: readonly string[], slack: number): Promise<CitationStatus> {
  const ok: CitationStatus = { kind: 'ok', path };
  const found: NameInFile[] = [];
  for (const name of names) {
    if (name.flag) {
      // Where the code spells it: a string literal "min-tokens" or "--min-tokens …" (tree-sitter); it is
      // looked for where it is registered (`StringVar(&x, "min-tokens", …)`), else wherever spelled.
      const spelled = (await g.index.literals(name.name, { flag: true })).filter((u) => u.file === path);
      const registered = spelled.filter((u) => u.callee !== undefined && FLAG_CALL.test(u.callee));
      const used = [...new Set((registered.length > 0 ? registered : spelled).map((u) => u.line))];
      const near = spelled.map((u) => u.line);
      const written = `--${name.name}`;
      found.push({ name, declared: [], used, near, present: spelled.length > 0 || lines.some((line) => line.includes(written)) });
      continue;
    }
    const declared = await declarationsOf(g, name.name, name.qualifier, path);
    const heads = new Set(declared.map((d) => d.line));
    const used = linesWhere(lines, (line) => usesSymbol(line, name.name)).filter((l) => !heads.has(l) && !trivial(lines[l - 1]!));
    const lower = name.name.toLowerCase();
    const present = declared.length > 0 || lines.some((line) => usesSymbol(line, name.name) || usesSymbol(line.toLowerCase(), lower));
    found.push({ name, declared, used, near: used, present });
  }
  const from = c.startLine - slack;
  const to = c.endLine + slack;
  const enclosing = await g.index.enclosing(path, c.startLine);
  const opens = enclosing !== undefined && enclosing.line >= c.startLine - 3 && enclosing.line <= c.startLine + 1 ? enclosing : undefined;
  // A range may open a little before the declaration it is about (by up to a third of its length),
  // or, as any citation, a line or two past it.
  const opensIn = (d: Declaration): boolean =>
    c.approximate
      ? Math.abs(d.line - c.startLine) <= slack
      : c.startLine >= headOf(d, lines) - Math.max(slack, Math.floor((c.endLine - c.startLine + 1) / 3)) && c.startLine <= d.endLine + slack;
  // A field or constant is mostly cited where it is used ("re-queues requests to the front of WaitQ");
  // its declaration only when the plan says so ("the `Streaming` field").
  const aboutDeclaration = (f: NameInFile): boolean =>
    f.name.kind === 'declaration' || (f.name.kind === undefined && f.declared.some((d) => d.kind !== 'field' && d.kind !== 'constant'));
  const near = (f: NameInFile): boolean => {
    if (f.name.flag) return f.near.some((l) => l >= from && l <= to);
    // Declared here and not said to be used: the citation is about the declaration, and opens in it
    // (or its doc comment), or a little before. One that falls inside the second half of a long range
    // is not near: "`a.go:172-235` (computeWindowMetrics function)" with the function at 204 cites
    // lines that are mostly another function. A use on the cited lines themselves still counts
    // ("pass `ctx` to `f`" at the call).
    if (aboutDeclaration(f)) {
      return f.declared.some((d) => opensIn(d)) || f.used.some((l) => l >= c.startLine && l <= c.endLine);
    }
    // Else a use around the cited lines, a comment there naming it, or the function the cited line opens using it.
    const heads = new Set(f.declared.map((d) => d.line));
    for (let l = from; l <= to; l++) if (!heads.has(l) && usesSymbol(lines[l - 1] ?? '', f.name.name)) return true;
    return opens !== undefined && f.used.some((l) => l >= opens.line && l <= opens.endLine);
  };
  if (found.some(near)) return ok;
  const lost = found.find((f) => !f.present && f.name.edited);
  if (lost) return { kind: 'gone', path, what: `\`${lost.name.flag ? `--${lost.name.name}` : lost.name.name}\` (named beside the citation)`, weak: true };
  const elsewhere = found.filter((f) => f.present);
  if (elsewhere.length !== 1) return ok;
  const f = elsewhere[0]!;
  // A use is looked for only when the plan says one is cited, in code: "`f` call", "`--flag` registration".
  // A name declared in another file and merely mentioned ("`ClusterSimulator` with N=1 passes the
  // test (`cluster_test.go:54`)") is the sentence's subject, not what the lines hold.
  const useCited = f.name.flag || f.name.kind === 'use';
  if (useCited ? !f.name.code : !aboutDeclaration(f)) return ok;
  const targets = useCited ? f.used : f.declared.map((d) => d.line);
  if (targets.length === 0) return ok;
  const at = nearestOf(targets, c.startLine);
  const span = c.endLine - c.startLine;
  const what = `\`${f.name.flag ? `--${f.name.name}` : f.name.name}\` (named beside the citation)`;
  return { kind: 'moved', path, to: { start: at, end: at + span }, what, unique: targets.length === 1, weak: true };
}

/** Identifiers and string literals of a line, for telling a changed line from a removed one. */
function tokens(line: string): Set<string> {
  return new Set(line.match(/"(?:[^"\\]|\\.)*"|[A-Za-z_]\w*/g) ?? []);
}

function similarity(a: string, b: string): number {
  const x = tokens(a);
  const y = tokens(b);
  if (x.size === 0 || y.size === 0) return 0;
  let both = 0;
  for (const t of x) if (y.has(t)) both++;
  return both / (x.size + y.size - both);
}

/** Lines that carry no code of their own: blank, a lone brace, a comment. */
const trivial = (line: string): boolean => /^\s*(?:[{}()[\],;]*|\/\/.*|#.*|\/?\*.*)\s*$/.test(line);

/** Where a run of lines occurs in `lines` between `from` and `to` (1-based, inclusive). */
function runAt(lines: readonly string[], run: readonly string[], from: number, to: number): number[] {
  const want = run.map(collapse);
  const out: number[] = [];
  for (let s = Math.max(1, from); s + want.length - 1 <= Math.min(to, lines.length); s++) {
    if (want.every((w, i) => collapse(lines[s - 1 + i]!) === w)) out.push(s);
  }
  return out;
}

/**
 * The declaration a citation is about at the base: its symbol's; else the innermost one that
 * holds all its code lines; else the first one (not a field) declared within them. A range that
 * opens on a comment or a blank line is about the code that follows.
 */
async function anchorOf(c: Citation, base: CodeState, path: string, baseLines: readonly string[]): Promise<Declaration | undefined> {
  if (c.symbol !== undefined) {
    const decls = await declarationsOf(base, c.symbol, c.qualifier, path);
    const inside = decls.find((d) => covers(d, c.startLine, c.endLine));
    if (inside) return inside;
  }
  let first = c.startLine;
  while (first < c.endLine && trivial(baseLines[first - 1] ?? '')) first++;
  let last = c.endLine;
  while (last > first && trivial(baseLines[last - 1] ?? '')) last--;
  const seen = new Map<string, Declaration>();
  for (let l = first; l <= last; l++) {
    const d = await base.index.enclosing(path, l);
    if (d) seen.set(`${d.line}:${d.name}`, d);
  }
  const decls = [...seen.values()];
  const holding = decls.filter((d) => d.line <= first + 3 && d.endLine >= last).sort((a, b) => a.endLine - a.line - (b.endLine - b.line));
  if (holding.length > 0) return holding[0];
  return decls.filter((d) => d.kind !== 'field' && d.line >= first && d.line <= last).sort((a, b) => a.line - b.line)[0];
}

async function laterDeclaration(later: CodeState, path: string, anchor: Declaration): Promise<Declaration | undefined> {
  const decls = (await later.index.declarations(anchor.name, { file: path })).filter((d) => d.container === anchor.container && d.kind === anchor.kind);
  return decls.reduce<Declaration | undefined>((b, d) => (b === undefined || Math.abs(d.line - anchor.line) < Math.abs(b.line - anchor.line) ? d : b), undefined);
}

/** Drift since the recorded base: compare the cited lines at base with the later state. */
async function classifyAgainst(c: Citation, base: Grounding, later: CodeState, path: string, baseLines: string[]): Promise<CitationStatus> {
  let laterText: string | undefined;
  try {
    laterText = await later.repo.readText(path);
  } catch (err) {
    return malformedOrUnreadable(err, path);
  }
  if (laterText === undefined) return { kind: 'gone', path, what: `${path} (deleted or unreadable at ${later.label})` };
  const laterLines = fileLines(laterText);
  const run = baseLines.slice(c.startLine - 1, c.endLine);
  const span = c.endLine - c.startLine;
  if (run.every((l, i) => collapse(l) === collapse(laterLines[c.startLine - 1 + i] ?? '\u0000'))) return { kind: 'ok', path };
  // Blank and comment-only lines at the ends of the range say nothing about where the code went.
  const silent = (l: string): boolean => /^\s*(?:\/\/.*|#.*)?$/.test(l);
  let lead = 0;
  while (lead < run.length - 1 && silent(run[lead]!)) lead++;
  let tail = run.length;
  while (tail > lead + 1 && silent(run[tail - 1]!)) tail--;
  const core = run.slice(lead, tail);
  const meaningful = !core.every(trivial);

  const anchor = await anchorOf(c, base, path, baseLines);
  const now = anchor && (await laterDeclaration(later, path, anchor));
  if (meaningful) {
    // Inside the same declaration first: a run that occurs elsewhere too is found where it belongs.
    // While its declaration still exists, code found outside it is a look-alike, not the cited code.
    const anywhere = now ? runAt(laterLines, core, now.line - 3, now.endLine) : anchor ? [] : runAt(laterLines, core, 1, laterLines.length);
    if (anywhere.length > 0) {
      const start = nearestOf(anywhere, c.startLine + lead) - lead;
      return { kind: 'moved', path, to: { start, end: start + span }, what: 'the cited code', unique: anywhere.length === 1 };
    }
  }
  if (anchor && now) {
    // The declaration itself is cited (its name line is in the range), and it is still there.
    if (!meaningful || (anchor.line >= c.startLine && anchor.line <= c.endLine)) return { kind: 'changed', path, symbol: anchor.name, line: now.line };
    // Changed if the cited code lines still have a close match in the declaration; else removed.
    const region = laterLines.slice(Math.max(0, now.line - 4), now.endLine);
    const code = core.filter((l) => !trivial(l));
    const score = code.reduce((sum, l) => sum + Math.max(0, ...region.map((r) => similarity(l, r))), 0) / Math.max(1, code.length);
    if (score >= 0.6) return { kind: 'changed', path, symbol: anchor.name, line: now.line };
  }
  // Before calling it removed: a message or key the cited lines spelled may have moved, the code
  // around it rewritten (a Fatalf turned into a validation function's return): changed, not gone.
  const kept = await keptLiteral(core, later, path, laterLines);
  if (kept) return kept;
  if (anchor && now) return { kind: 'gone', path, what: `the cited code of \`${anchor.name}\`` };
  if (anchor) return { kind: 'gone', path, what: `\`${anchor.name}\`` };
  return { kind: 'gone', path, what: 'the cited code' };
}

/** A string literal long enough to be one message or key, not a common word: at least this many characters. */
const DISTINCT_LITERAL = 24;

/** The later declaration holding a long string literal of the cited lines, reported as what changed. */
async function keptLiteral(core: readonly string[], later: CodeState, path: string, laterLines: readonly string[]): Promise<CitationStatus | undefined> {
  for (const line of core) {
    for (const literal of line.match(/"(?:[^"\\]|\\.)*"/g) ?? []) {
      if (literal.length - 2 < DISTINCT_LITERAL) continue;
      const at = linesWhere(laterLines, (l) => l.includes(literal));
      if (at.length !== 1) continue;
      const holder = await later.index.enclosing(path, at[0]!);
      if (holder) return { kind: 'changed', path, symbol: holder.name, line: holder.line };
    }
  }
  return undefined;
}
