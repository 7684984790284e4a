/**
 * Construction-site audits written in a plan (Phase 0, item 5): the type each is about and the
 * sites it lists, read from the block outline.
 *
 * An audit is a list or table of sites under a lead that says so: a lead that speaks of
 * construction sites and is an audit's label ("Construction site audit:", "**Construction sites
 * of `T`:**"), followed by the list or table it leads. A lead that names the type audits it with
 * the whole list; a lead that names none ("4. **Construction site audit:**") leads one item per
 * type ("- `RawMetrics` — one site in `CollectRawMetrics()`"). Everything else that mentions
 * construction sites is not an audit: a problem statement, a task step, a checklist item, a risk,
 * a single claim with nothing listed, or an audit that says there is nothing to audit (a new
 * type, no fields added, N/A).
 */
import type { Outline } from './blocks.js';
import { commonmark } from './commonmark.js';
import { span } from './source.js';
import type { AuditLocation, Citation, WrittenAudit } from './types.js';
import { lazy } from '../lazy.js';

const MENTIONS_SITES = /construction[- ]sites?\b/i;
/** A checked item of the Sanity Checklist speaks of the audit; it is not one. */
const CHECKLIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]/;
/** The lead or item says there is nothing to audit. */
const SAYS_NONE =
  /\bN\/A\b|\bno (?:new )?struct(?:ure)? fields?\b|\bno struct field additions\b|\bno (?:go )?structs\b|\bnew type\b|\bno existing construction sites\b|\bno construction sites? (?:changes|to audit)\b|\bnot modified\b|\bno audit needed\b/i;
/**
 * The tests' sites spoken of together ("plus test sites", "8 test struct-literal sites", "sites in
 * tests"), or left out on purpose ("2 production construction sites").
 */
const TESTS_ACCOUNTED =
  /\bproduction\b|\b(?:tests?|test-only)\s+(?:construction\s+|struct[- ]literal\s+|call\s+|literal\s+)?(?:sites|literals|call sites)\b|\bsites in tests\b|\bother sites are test\b/i;

/** `path/file.go`, `file.go:12`, `file.go:12-20`, `file.go:12,40`: a file, with lines or not. */
const LOCATION = /^((?:[\w.-]+\/)*[\w.-]+\.[A-Za-z]\w*)(?::(\d+(?:\s*[-–]\s*\d+)?(?:\s*[,/]\s*\d+(?:\s*[-–]\s*\d+)?)*))?$/;
/*
 * The two patterns with Unicode property escapes are made on first use: creating one costs V8
 * ~0.5 ms (it builds the character sets), which every lint paid at start-up, and most plans have
 * no audit to read.
 */
/** `path/file.go:FuncName`: a site named by file and enclosing function. */
const FILE_FUNCTION = lazy(() => /^((?:[\w.-]+\/)*[\w.-]+\.[A-Za-z]\w*):([\p{L}_][\p{L}\p{N}_.]*)(?:\(.*\))?$/u);
/** `Name`, `Recv.Method`, `Name()`, `Name(...)`: a function or type named in a listing. */
const NAMED = lazy(() => /^[*&]?([\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*)(?:\(.*\)|\{.*\})?$/u);
/** A file name has the shape of `pkg.T` too. */
const FILE_EXTENSION = /\.(?:go|ts|tsx|mts|cts|js|jsx|mjs|cjs|py|pyi|md|json|ya?ml|toml|txt|sh|mod|sum)$/i;

interface Span {
  content: string;
  /** Index of the span in the text it came from. */
  at: number;
}

/** The audits of lines from..to; `citations` (the plan's) is read only when one is found. */
export function parseAudits(lines: readonly string[], o: Outline, from: number, to: number, citations: () => readonly Citation[]): WrittenAudit[] {
  const audits: WrittenAudit[] = [];
  const inCode = (line: number): boolean => o.codeMask[line] === true;
  const leads = [...o.paragraphs, ...o.headings.map((h): [number, number] => [h.line, h.line])]
    .filter(([start, end]) => start >= from && end <= to && !inCode(start))
    .sort((a, b) => a[0] - b[0]);
  const textOf = (start: number, end: number): string => lines.slice(start - 1, end).join('\n');
  for (const [start, end] of leads) {
    const text = textOf(start, end);
    if (!MENTIONS_SITES.test(text) || CHECKLIST_ITEM.test(lines[start - 1] ?? '') || !isAuditLead(text)) continue;
    // What the lead says before its colon: "No struct fields added" after it is the audit's answer.
    if (SAYS_NONE.test(text)) continue;
    const listing = listingAfter(o, start, end);
    if (listing === undefined) continue;
    const leadType = subjectType(codeSpans(text), text, true);
    const make = (typeName: string, first: number, last: number, leadLines: [number, number]): WrittenAudit => {
      const body = textOf(first, last);
      return {
        typeName,
        line: first,
        span: span(leadLines[0], 1, leadLines[1], (lines[leadLines[1] - 1] ?? '').length + 1),
        endLine: last,
        listed: citations().filter((c) => c.span.start.line >= first && c.span.start.line <= last),
        ...readListing(codeSpans(body), typeName, body),
        testsAccounted: TESTS_ACCOUNTED.test(body.replace(/`[^`]*`/g, '')),
      };
    };
    if (leadType !== undefined) {
      audits.push(make(leadType, start, Math.min(listing.last, to), [start, end]));
      continue;
    }
    // A lead without a type: each item of its list audits the type it begins with.
    for (const item of listing.items) {
      const itemText = textOf(item.line, item.endLine);
      if (SAYS_NONE.test(itemText) || CHECKLIST_ITEM.test(lines[item.line - 1] ?? '')) continue;
      const type = subjectType(codeSpans(itemText), itemText, false);
      if (type !== undefined) audits.push(make(type, item.line, Math.min(item.endLine, to), [item.line, item.line]));
    }
  }
  return audits;
}

/**
 * An audit's label: it says "audit(ed)"; or its bold label speaks of construction sites
 * ("**Construction sites of `T`:** 12 sites in 3 files", as `microplan sites` prints it); or it
 * ends in a colon and begins in bold or with the words ("Construction sites of `T`:"). "Replace
 * all construction sites with …:" in a task step is an instruction.
 */
function isAuditLead(text: string): boolean {
  if (/\baudit(?:ed)?\b/i.test(text)) return true;
  const plain = text.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim();
  if (/^\*\*[^*]*construction[- ]sites?\b[^*]*:\*\*/i.test(plain)) return true;
  return /:\**$/.test(plain) && (/^\*\*/.test(plain) || /^construction[- ]sites?\b/i.test(plain));
}

interface Listing {
  /** Last line of the list or table the lead leads. */
  last: number;
  /** Its top-level items (none for a table). */
  items: Array<{ line: number; endLine: number }>;
}

/**
 * The list or table a lead at [start, end] leads: the table right after it, or the list right
 * after it (its items and everything nested in them); for a lead that is a list item, what is
 * nested in that item. Undefined when it leads none: a claim, not a list of sites.
 */
function listingAfter(o: Outline, start: number, end: number): Listing | undefined {
  const owner = o.listItems.filter((item) => item.line <= start && item.endLine >= end).sort((a, b) => b.line - a.line)[0];
  const limit = owner ? owner.endLine : Infinity;
  const blocks = [
    ...o.paragraphs.map((p) => p[0]),
    ...o.headings.map((h) => h.line),
    ...o.fences.map((f) => f.span.start.line),
    ...o.tables.map((t) => t.span.start.line),
    ...o.listItems.map((i) => i.line),
    ...o.hrs,
  ].filter((line) => line > end && line <= limit);
  const next = Math.min(...blocks, Infinity);
  if (next === Infinity) return undefined;
  const table = o.tables.find((t) => t.span.start.line === next);
  if (table) return { last: table.span.end.line, items: [] };
  const first = o.listItems.find((item) => item.line === next);
  if (!first) return undefined;
  // The list's items: those at the first item's depth, up to the first block outside the list.
  const outside = [...o.paragraphs.map((p) => p[0]), ...o.headings.map((h) => h.line), ...o.fences.map((f) => f.span.start.line), ...o.tables.map((t) => t.span.start.line), ...o.hrs]
    .filter((line) => line > next && line <= limit && !o.listItems.some((item) => item.depth >= first.depth && item.line <= line && item.endLine >= line))
    .reduce((a, b) => Math.min(a, b), Infinity);
  const items = o.listItems.filter((item) => item.depth === first.depth && item.line >= next && item.line < outside && item.line <= limit);
  const last = Math.max(...items.map((item) => item.endLine));
  return { last, items: items.map(({ line, endLine }) => ({ line, endLine })) };
}

/** Inline code spans only, from the lead block's text (the outline skips the inline pass). */
function codeSpans(text: string): Span[] {
  return commonmark()
    .parseInline(text, {})
    .flatMap((token) => token.children ?? [])
    .filter((token) => token.type === 'code_inline')
    .map((token, at) => ({ content: token.content.trim(), at }));
}

/**
 * The type a lead or an item is about. An item is about the type it begins with, or the one it
 * names as a factory's ("`NewRoutingPolicy` — sole construction site for `WeightedScoring`"); a
 * lead, about the first type it names. Never a function (`NewX`, `x()`), a file, or a path; a
 * field (`Request.Streaming`) stands for its type.
 */
function subjectType(spans: readonly Span[], text: string, lead: boolean): string | undefined {
  const candidates = spans.map((s) => typeShape(s.content));
  if (lead) {
    const types = candidates.filter((t): t is string => t !== undefined);
    return types.find(capitalised) ?? types[0];
  }
  const first = candidates[0];
  if (first !== undefined) return capitalised(first) ? first : undefined;
  if (spans.length === 0 || !isFunction(spans[0]!.content)) return undefined;
  const of = /construction[- ]sites?\s+(?:of|for)\s+`([^`]+)`/i.exec(text);
  const named = of ? typeShape(of[1]!.trim()) : undefined;
  return named !== undefined && capitalised(named) ? named : undefined;
}

function capitalised(name: string): boolean {
  return /^\p{Lu}/u.test(name.slice(name.lastIndexOf('.') + 1));
}

function isFunction(content: string): boolean {
  return /\(.*\)$/.test(content) || /^(?:[\p{L}_][\p{L}\p{N}_]*\.)?[Nn]ew\p{Lu}/u.test(content);
}

/**
 * A name as a type is written: `T`, `pkg.T`, `*T`, `&pkg.T{}`, `T{a, b}`; `T.field` names a field
 * of `T`. A package or module name starts lower-case; a function is none of these.
 */
function typeShape(content: string): string | undefined {
  if (isFunction(content) || FILE_EXTENSION.test(content) || content.includes('/')) return undefined;
  const m = /^[*&]?((?:[\p{Ll}_][\p{L}\p{N}_]*\.)?[\p{L}_][\p{L}\p{N}_]*)(?:\{.*\})?$/u.exec(content);
  if (m) return m[1];
  const field = /^(\p{Lu}[\p{L}\p{N}_]*)\.[\p{L}_][\p{L}\p{N}_]*$/u.exec(content);
  return field?.[1];
}

/**
 * What a listing names besides citations: files without lines ("`tracev2_test.go` (multiple)"),
 * line lists (`kv_capacity_test.go:45,334`), and functions a site is in or a factory is
 * (`requestToPending`, `tracev2.go:parseTraceRecord`, "`tracev2.go:327` (parseTraceRecord)").
 */
function readListing(spans: readonly Span[], typeName: string, text: string): { locations: AuditLocation[]; names: string[] } {
  const locations: AuditLocation[] = [];
  const names = new Set<string>();
  // A function named in plain parentheses after a site: "`tracev2.go:327` (parseTraceRecord)".
  // Only a name shaped like code (`parseTraceRecord`, `Send`), not a word ("(multiple)").
  for (const m of text.matchAll(/`\s*\(([\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)?)(?:\(\))?\)/gu)) {
    if (/^\p{Lu}|.\p{Lu}|[_.]/u.test(m[1]!)) names.add(m[1]!);
  }
  for (const { content } of spans) {
    const location = LOCATION.exec(content);
    if (location && FILE_EXTENSION.test(location[1]!)) {
      const ranges = (location[2] ?? '')
        .split(/[,/]/)
        .filter((part) => part.trim() !== '')
        .map((part): [number, number] => {
          const [a, b] = part.split(/[-–]/).map((n) => Number(n.trim()));
          return [a!, b ?? a!];
        });
      locations.push({ path: location[1]!, ranges });
      continue;
    }
    const fileFunction = FILE_FUNCTION().exec(content);
    if (fileFunction && FILE_EXTENSION.test(fileFunction[1]!)) {
      locations.push({ path: fileFunction[1]!, ranges: [], function: fileFunction[2]! });
      names.add(fileFunction[2]!);
      continue;
    }
    const named = NAMED().exec(content)?.[1];
    if (named !== undefined && named !== typeName && !FILE_EXTENSION.test(named)) names.add(named);
  }
  return { locations, names: [...names] };
}
