/** The document header: title, executing-agent line and the `**Field:** value` lines. */
import type { Outline } from './blocks.js';
import { linesSpan, plainInline, span, textAt, trimmedLine } from './source.js';
import { HEADER_FIELDS, type HeaderField, type HeaderFieldName, type Text } from './types.js';

const FIELD_BY_LOWER = new Map<string, HeaderFieldName>(HEADER_FIELDS.map((f) => [f.toLowerCase(), f]));
FIELD_BY_LOWER.set('behavioural contracts', 'Behavioral Contracts');

/** `**Label:** value` or `**Label**: value` at the start of a line. */
const FIELD_LINE = /^\s*\*\*([^*\n]{1,60}?)(?::\*\*|\*\*:)\s*(.*)$/;
/**
 * The same written as a bullet (`- **Goal:** …`), as several real plans do. Only spec field
 * names count here, so bold-labelled items under "What this PR adds" stay items.
 */
const BULLET_FIELD_LINE = /^\s{0,3}[-*+]\s+\*\*([^*\n]{1,60}?)(?::\*\*|\*\*:)\s*(.*)$/;
const LIST_ITEM = /^\s*(?:(\d+)[.)]|[-*+])\s+(.*)$/;

export interface HeaderParse {
  title: Text | undefined;
  agentLine: Text | undefined;
  fields: HeaderField[];
  /** Last line of the header region. */
  end: number;
}

export function parseHeader(lines: readonly string[], o: Outline): HeaderParse {
  const first = o.headings[0];
  const title =
    first && first.depth === 1 && isOnlyBlankBefore(lines, first.line)
      ? textAt(first.line, lines[first.line - 1] ?? '', (lines[first.line - 1] ?? '').indexOf(first.raw), undefined)
      : undefined;
  const startLine = title ? title.span.start.line + 1 : 1;
  // A heading inside a blockquote ("> ## Addendum — …" above the header) is an aside, not the end of the header.
  const next = o.headings.find((h) => h.line >= startLine && !o.blockquotes.some(([qs, qe]) => h.line >= qs && h.line <= qe));
  const end = (next ? next.line : lines.length + 1) - 1;

  let agentLine: Text | undefined;
  for (const [qs, qe] of o.blockquotes) {
    if (qs < startLine || qs > end) continue;
    const joined = lines.slice(qs - 1, qe).join(' ');
    if (/REQUIRED SUB-SKILL|For (?:Claude|agentic workers)|executing-plans/i.test(joined)) {
      agentLine = trimmedLine(qs, lines[qs - 1] ?? '');
      break;
    }
  }

  const fields: HeaderField[] = [];
  let current: { field: HeaderField; itemsOrdered: boolean[]; lastLine: number } | undefined;
  const close = (): void => {
    if (!current) return;
    const f = current.field;
    f.ordered = current.itemsOrdered.length > 0 && current.itemsOrdered.every(Boolean);
    f.span = span(f.span.start.line, 1, current.lastLine, (lines[current.lastLine - 1] ?? '').length + 1);
    current = undefined;
  };
  for (let l = startLine; l <= end; l++) {
    if (o.codeMask[l]) continue;
    const lineText = lines[l - 1] ?? '';
    const bullet = BULLET_FIELD_LINE.exec(lineText);
    const m = FIELD_LINE.exec(lineText) ?? (bullet && FIELD_BY_LOWER.has(bullet[1]!.trim().toLowerCase()) ? bullet : null);
    if (m) {
      close();
      const label = m[1]!.trim();
      const valueStart = lineText.length - m[2]!.length;
      const field: HeaderField = {
        label,
        name: FIELD_BY_LOWER.get(label.toLowerCase()),
        value: textAt(l, lineText, valueStart, lineText.trimEnd().length),
        items: [],
        ordered: false,
        span: linesSpan(lines, l, l),
      };
      fields.push(field);
      current = { field, itemsOrdered: [], lastLine: l };
      continue;
    }
    if (!current) continue;
    // A thematic break or a blockquote (an "> **Note:** …" aside) ends the field's value.
    if (/^\s*(?:---+|\*\*\*+|___+)\s*$/.test(lineText) || /^\s{0,3}>/.test(lineText)) {
      close();
      continue;
    }
    if (lineText.trim() === '') continue;
    // A paragraph under a bold label of its own ("**Settings-driven values bubble up (REQUIREMENT).** …")
    // after a blank line is another part of the header, not more of the field.
    if ((lines[l - 2] ?? '').trim() === '' && /^\s{0,3}\*\*[^*\n]{2,80}?[.!?:]\*\*/.test(lineText)) {
      close();
      continue;
    }
    const item = LIST_ITEM.exec(lineText);
    const indent = lineText.length - lineText.trimStart().length;
    if (item && indent < 4) {
      current.field.items.push(textAt(l, lineText, lineText.length - item[2]!.length, lineText.trimEnd().length));
      current.itemsOrdered.push(item[1] !== undefined);
    } else if (current.field.items.length > 0 && indent > 0) {
      // Continuation of the last list item: extend it.
      const last = current.field.items[current.field.items.length - 1]!;
      last.text += ' ' + lineText.trim();
      last.span = span(last.span.start.line, last.span.start.column, l, lineText.trimEnd().length + 1);
    } else if (current.field.items.length === 0) {
      const v = current.field.value;
      v.text = v.text === '' ? lineText.trim() : `${v.text} ${lineText.trim()}`;
      v.span = v.text === lineText.trim() ? trimmedLine(l, lineText).span : span(v.span.start.line, v.span.start.column, l, lineText.trimEnd().length + 1);
    } else {
      continue;
    }
    current.lastLine = l;
  }
  close();
  return { title, agentLine, fields, end };
}

function isOnlyBlankBefore(lines: readonly string[], line: number): boolean {
  let inComment = false;
  for (let l = 1; l < line; l++) {
    const t = (lines[l - 1] ?? '').trim();
    // An HTML comment (an SPDX license header over several lines) renders as nothing.
    if (inComment || t.startsWith('<!--')) {
      inComment = !t.includes('-->');
      continue;
    }
    // A tool's metadata line quoted above the title ("> **FlowState Document:** `docu_k9l`") is not content.
    if (t !== '' && !/^>\s*\*\*[^*]{1,40}:\*\*/.test(t)) return false;
  }
  return true;
}

/** The header field's value without Markdown decoration. */
export function fieldPlain(field: HeaderField): string {
  return plainInline(field.value.text);
}
