/**
 * Behavioral contracts: "BC-N: Name" heads followed by GIVEN / WHEN / THEN / MECHANISM clauses,
 * grouped under positive / negative / error-handling labels. Also every contract id mentioned
 * anywhere in the plan, for traceability.
 */
import type { Outline } from './blocks.js';
import { plainInline, span } from './source.js';
import type { Clause, ClauseKeyword, Contract, ContractGroup, ContractRef } from './types.js';

/** Contract ids: BC-3, NC-1, EC-2, BC-PD-1 (the corpus uses a few namespaced forms). */
/** "BC-17-2" (contract 2 of PR 17's series) is one id with prefix "BC-17". */
export const CONTRACT_ID = /\b([A-Z]{1,4}(?:-[A-Z]{1,4})?(?:-\d{1,3}(?=-\d))?)-(\d{1,3})\b/g;
const ID_PREFIXES = new Set(['BC', 'NC', 'EC']);

/** A contract head line. Inside section B any upper-case prefix counts ("FIX-1", "BEH-2"); the id rule reports it. */
const HEAD = /^\s*(?:#{1,6}\s+)?(?:[-*+]\s+)?(?:\*\*|__)?\s*([A-Z]{2,5}(?:-[A-Z]{1,4})?(?:-\d{1,3}(?=-\d))?-\d{1,3})\b\s*(?:\*\*)?\s*[:.—–-]?\s*(.*)$/;
/** Keywords inside one line: "GIVEN a, WHEN b, THEN c". */
const INLINE_KEYWORD = /(?:^|[\s,;.(])(GIVEN|WHEN|THEN|MECHANISM)\b:?\s*/g;
/** Fences whose content is prose (contracts are sometimes written inside a plain ``` or ```gherkin block). */
const PROSE_FENCE_LANGS = new Set(['', 'text', 'txt', 'plain', 'markdown', 'md', 'gherkin', 'feature', 'cucumber']);
const CLAUSE = /^(\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*)(GIVEN|WHEN|THEN|MECHANISM|Given|When|Then|Mechanism)\b(?:\s*:)?(?:\*\*|__)?(?:\s*:)?\s*/;

export function parseContracts(lines: readonly string[], o: Outline, from: number, to: number): Contract[] {
  const contracts: Contract[] = [];
  const proseFence = new Set<number>();
  for (const f of o.fences) {
    if (f.span.end.line < from || f.span.start.line > to || !PROSE_FENCE_LANGS.has(f.lang)) continue;
    for (let l = f.span.start.line + 1; l < f.span.end.line; l++) proseFence.add(l);
  }
  let group: ContractGroup | undefined;
  let current: Contract | undefined;
  let lastClause: Clause | undefined;

  const finish = (endLine: number): void => {
    if (!current) return;
    let e = endLine;
    while (e > current.span.start.line && (lines[e - 1] ?? '').trim() === '') e--;
    current.span = span(current.span.start.line, 1, e, (lines[e - 1] ?? '').length + 1);
    contracts.push(current);
    current = undefined;
    lastClause = undefined;
  };

  for (let l = from; l <= to; l++) {
    if (o.codeMask[l] && !proseFence.has(l)) continue;
    const lineText = lines[l - 1] ?? '';
    if (lineText.trimStart().startsWith('|')) {
      lastClause = undefined;
      continue;
    }
    const label = groupLabel(lineText);
    if (label) {
      finish(l - 1);
      group = label;
      continue;
    }
    const head = HEAD.exec(lineText);
    if (head && !CLAUSE.test(lineText)) {
      finish(l - 1);
      const id = head[1]!;
      const dash = id.lastIndexOf('-');
      const prefix = id.slice(0, dash);
      const idAt = lineText.indexOf(id);
      current = {
        id,
        prefix,
        number: Number(id.slice(dash + 1)),
        name: plainInline(head[2] ?? '').replace(/\*+$/, '').replace(/^[:.—–-]\s*/, '').trim(),
        group: group ?? groupFromPrefix(prefix),
        clauses: [],
        span: span(l, 1, l, lineText.length + 1),
        idSpan: span(l, idAt + 1, l, idAt + id.length + 1),
      };
      // "**BEH-1 — Name.** GIVEN x, WHEN y, THEN z": clauses on the head line itself.
      const inline = inlineClauses(lineText, l, idAt + id.length);
      if (inline.length > 0) {
        current.clauses.push(...inline);
        current.name = plainInline(lineText.slice(idAt + id.length, inline[0]!.span.start.column - 1)).replace(/^[:.—–-]\s*/, '').replace(/[.:]$/, '').trim();
        lastClause = inline[inline.length - 1];
      }
      continue;
    }
    if (!current) continue;
    const clause = CLAUSE.exec(lineText);
    if (clause) {
      const keyword = clause[2]!.toUpperCase() as ClauseKeyword;
      const textStart = clause[0].length;
      const body = lineText.slice(textStart).trimEnd();
      lastClause = {
        keyword,
        text: body,
        span: span(l, clause[1]!.length + 1, l, lineText.trimEnd().length + 1),
        textSpan: span(l, textStart + 1, l, textStart + body.length + 1),
      };
      const rest = inlineClauses(lineText, l, textStart);
      if (rest.length > 0) {
        // "GIVEN a, WHEN b, THEN c" on one line: the first clause ends where the next begins.
        lastClause.text = lineText.slice(textStart, rest[0]!.span.start.column - 1).replace(/[\s,;]+$/, '');
        lastClause.textSpan = span(l, textStart + 1, l, textStart + lastClause.text.length + 1);
        lastClause.span = span(l, lastClause.span.start.column, l, textStart + lastClause.text.length + 1);
        current.clauses.push(lastClause, ...rest);
        lastClause = rest[rest.length - 1];
      } else {
        current.clauses.push(lastClause);
      }
      continue;
    }
    if (lineText.trim() === '') {
      lastClause = undefined;
      continue;
    }
    // "RATIONALE: …", "NOTE: …", "**Why:** …": a labelled aside ends the clause before it.
    if (/^\s*(?:\*\*|__)?[A-Z][A-Za-z ]{1,20}(?:\*\*|__)?:(?:\*\*|__)?\s/.test(lineText) && !CLAUSE.test(lineText)) {
      lastClause = undefined;
      continue;
    }
    // A wrapped clause continues on the next line.
    if (lastClause && !/^\s*[-*+]\s/.test(lineText)) {
      lastClause.text += ' ' + lineText.trim();
      lastClause.span = span(lastClause.span.start.line, lastClause.span.start.column, l, lineText.trimEnd().length + 1);
      lastClause.textSpan = span(lastClause.textSpan.start.line, lastClause.textSpan.start.column, l, lineText.trimEnd().length + 1);
    }
  }
  finish(to);
  return contracts.filter((c) => c.clauses.length > 0 || ID_PREFIXES.has(c.prefix.split('-')[0]!));
}

/** Upper-case GIVEN/WHEN/THEN/MECHANISM keywords inside a line after column `from` (0-based). */
function inlineClauses(lineText: string, l: number, from: number): Clause[] {
  const hits: Array<{ keyword: ClauseKeyword; at: number; textStart: number }> = [];
  INLINE_KEYWORD.lastIndex = from;
  for (let m = INLINE_KEYWORD.exec(lineText); m; m = INLINE_KEYWORD.exec(lineText)) {
    const at = m.index + m[0].indexOf(m[1]!);
    hits.push({ keyword: m[1] as ClauseKeyword, at, textStart: m.index + m[0].length });
  }
  return hits.map((h, i) => {
    const end = i + 1 < hits.length ? hits[i + 1]!.at : lineText.trimEnd().length;
    const text = lineText.slice(h.textStart, end).replace(/[\s,;]+$/, '');
    return {
      keyword: h.keyword,
      text,
      span: span(l, h.at + 1, l, h.textStart + text.length + 1),
      textSpan: span(l, h.textStart + 1, l, h.textStart + text.length + 1),
    };
  });
}

/** "**Negative Contracts:**", "#### Error Handling Contracts" … → the group they open. */
export function groupLabel(lineText: string): ContractGroup | undefined {
  const t = lineText.trim();
  if (!/^(?:#{1,6}\s|\*\*|__)/.test(t) || t.length > 90) return undefined;
  const plain = plainInline(t.replace(/^#{1,6}\s+/, '')).toLowerCase();
  if (!/contracts?\b|^(?:\d+\)\s*)?(?:positive|negative|error)/.test(plain)) return undefined;
  if (/^(?:\d+\)\s*)?(?:negative|what must not)/.test(plain)) return 'negative';
  if (/^(?:\d+\)\s*)?error/.test(plain)) return 'error';
  if (/^(?:\d+\)\s*)?(?:positive|behaviou?ral contracts\s*\(|normal)/.test(plain)) return 'positive';
  return undefined;
}

function groupFromPrefix(prefix: string): ContractGroup | undefined {
  if (prefix === 'NC') return 'negative';
  if (prefix === 'EC') return 'error';
  return undefined;
}

/** Every contract id mentioned anywhere (code blocks included: commit messages live there). */
export function findContractRefs(lines: readonly string[], definedPrefixes: ReadonlySet<string> = ID_PREFIXES): ContractRef[] {
  const refs: ContractRef[] = [];
  for (let l = 1; l <= lines.length; l++) {
    const lineText = lines[l - 1]!;
    if (!lineText.includes('-')) continue;
    CONTRACT_ID.lastIndex = 0;
    let prev: { prefix: string; n: number; end: number; startCol: number } | undefined;
    for (let m = CONTRACT_ID.exec(lineText); m; m = CONTRACT_ID.exec(lineText)) {
      const prefix = m[1]!;
      if (!ID_PREFIXES.has(prefix.split('-')[0]!) && !definedPrefixes.has(prefix)) continue;
      const n = Number(m[2]);
      // "BC-1–BC-4", "BC-1..BC-4", "BC-1 through BC-4": the ids in between are mentioned too.
      if (prev && prev.prefix === prefix && n > prev.n + 1 && n - prev.n <= 30 &&
          RANGE_JOIN.test(lineText.slice(prev.end, m.index))) {
        for (let k = prev.n + 1; k < n; k++) {
          refs.push({ id: `${prefix}-${k}`, span: span(l, prev.startCol, l, m.index + m[0].length + 1) });
        }
      }
      refs.push({ id: m[0], span: span(l, m.index + 1, l, m.index + m[0].length + 1) });
      prev = { prefix, n, end: m.index + m[0].length, startCol: m.index + 1 };
      // "BC-1..5", "BC-1–10": a short range names the ids up to the bare number. A plain "-"
      // is not a join here ("BC-17-3" is a namespaced id).
      const short = SHORT_RANGE.exec(lineText.slice(m.index + m[0].length));
      if (short) {
        const last = Number(short[1]);
        const endCol = m.index + m[0].length + short[0].length + 1;
        if (last > n && last - n <= 30) {
          for (let k = n + 1; k <= last; k++) refs.push({ id: `${prefix}-${k}`, span: span(l, m.index + 1, l, endCol) });
        }
      }
    }
  }
  return refs;
}

const RANGE_JOIN = /^\s*(?:–|—|-|\.\.\.?|to|through|thru)\s*$/;
const SHORT_RANGE = /^\s*(?:–|—|\.\.\.?)\s*(\d{1,3})\b(?!-)/;
