/**
 * Construction-site audits written in a plan (Phase 0, item 5): the type each is about and the
 * sites it lists, read from the block outline. An audit is a paragraph or heading that speaks of
 * "construction sites" and names a type in inline code; its sites are the citations in it and in
 * the list or table right after it (the list it leads, when it is itself a list item). So the
 * table `microplan sites` prints pastes in as an audit, and a lead that wraps across lines counts.
 */
import MarkdownIt from 'markdown-it';
import type { Outline } from './blocks.js';
import { span } from './source.js';
import type { Citation, WrittenAudit } from './types.js';

// Inline code spans only, from the lead block's text (the outline skips the inline pass).
const inline = new MarkdownIt('commonmark');

/**
 * A name as a type is written: `T`, `pkg.T`, `*T`, `&pkg.T{}`. A package or module name starts
 * lower-case: `Request.Streaming` is a field, not a type.
 */
const TYPE_SHAPE = /^[*&]?((?:[\p{Ll}_][\p{L}\p{N}_]*\.)?[\p{L}_][\p{L}\p{N}_]*)(?:\{\})?$/u;
/** `main.go`, `config.ts`: a file name has the shape of `pkg.T` too. */
const FILE_EXTENSION = /\.(?:go|ts|tsx|mts|cts|js|jsx|mjs|cjs|py|pyi|md|json|ya?ml|toml|txt|sh|mod|sum)$/i;

export function parseAudits(lines: readonly string[], o: Outline, from: number, to: number, citations: readonly Citation[]): WrittenAudit[] {
  const audits: WrittenAudit[] = [];
  const leads = [...o.paragraphs, ...o.headings.map((h): [number, number] => [h.line, h.line])]
    .filter(([start, end]) => start >= from && end <= to)
    .sort((a, b) => a[0] - b[0]);
  for (const [start, end] of leads) {
    const text = lines.slice(start - 1, end).join('\n');
    // A checked item of the Sanity Checklist speaks of the audit; it is not one.
    if (!/construction[- ]sites?\b/i.test(text) || /^\s*[-*+]\s+\[[ xX]\]/.test(lines[start - 1] ?? '')) continue;
    const typeName = typeInCode(text);
    if (typeName === undefined) continue;
    const last = Math.min(to, listedUntil(o, start, end));
    audits.push({
      typeName,
      line: start,
      span: span(start, 1, end, (lines[end - 1] ?? '').length + 1),
      listed: citations.filter((c) => c.span.start.line >= start && c.span.start.line <= last),
      saysNone: /\bno (?:existing |other )?construction sites\b|\bnew type\b|\bnone\b/i.test(lines.slice(start - 1, last).join(' ')),
    });
  }
  return audits;
}

/**
 * The type an audit names: its first inline code span shaped like a type, preferring a capitalised
 * one (`tar.Header` over `archive/tar`), and never a file name.
 */
function typeInCode(text: string): string | undefined {
  const spans = inline
    .parseInline(text, {})
    .flatMap((token) => token.children ?? [])
    .filter((token) => token.type === 'code_inline')
    .map((token) => TYPE_SHAPE.exec(token.content.trim())?.[1])
    .filter((name): name is string => name !== undefined && !FILE_EXTENSION.test(name));
  return spans.find((name) => /^\p{Lu}/u.test(name.slice(name.lastIndexOf('.') + 1))) ?? spans[0];
}

/**
 * The last line of what an audit lead at [start, end] lists: the table right after it, or the
 * list it leads (or sits in: its sibling and nested items), up to the next block outside lists;
 * the lead itself when neither follows.
 */
function listedUntil(o: Outline, start: number, end: number): number {
  const inList = (line: number): boolean => o.listItems.some((item) => item.line <= line && item.endLine >= line);
  const leadInList = inList(start);
  const blocks = [
    ...o.paragraphs.map((p) => p[0]),
    ...o.headings.map((h) => h.line),
    ...o.fences.map((f) => f.span.start.line),
    ...o.tables.map((t) => t.span.start.line),
    ...o.hrs,
  ].filter((line) => line > end && !inList(line));
  const stop = Math.min(...blocks, Infinity);
  const firstItem = Math.min(...o.listItems.map((item) => item.line).filter((line) => line > end), Infinity);
  const table = o.tables.find((t) => t.span.start.line === stop);
  if (!leadInList && table && firstItem > stop) return table.span.end.line;
  let last = end;
  for (const item of o.listItems) {
    if (item.line < stop && (item.line > end || (leadInList && item.endLine >= end))) last = Math.max(last, item.endLine);
  }
  return last;
}
