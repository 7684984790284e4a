/** Source text helpers: normalisation and span construction over 1-based lines and columns. */
import type { Position, Span, Text } from './types.js';

/** Strip a BOM and normalise CRLF/CR line endings, so lines and columns match what editors show. */
export function normalizeText(raw: string): string {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return text;
}

export function splitLines(text: string): string[] {
  return text.split('\n');
}

export function pos(line: number, column: number): Position {
  return { line, column };
}

export function span(startLine: number, startColumn: number, endLine: number, endColumn: number): Span {
  return { start: { line: startLine, column: startColumn }, end: { line: endLine, column: endColumn } };
}

/** The whole of one line (column 1 to its end). */
export function lineSpan(lines: readonly string[], line: number): Span {
  return span(line, 1, line, (lines[line - 1] ?? '').length + 1);
}

/** From the start of `startLine` to the end of `endLine`. */
export function linesSpan(lines: readonly string[], startLine: number, endLine: number): Span {
  return span(startLine, 1, endLine, (lines[endLine - 1] ?? '').length + 1);
}

/** A Text for a slice of one line, given 0-based offsets into that line. */
export function textAt(line: number, lineText: string, from: number, to: number = lineText.length): Text {
  // An empty value after a label ("Run: ") ends where it starts, never before.
  const end = Math.max(from, to);
  return { text: lineText.slice(from, end), span: span(line, from + 1, line, end + 1) };
}

/** A Text for a whole line, trimmed, with the span covering the trimmed part. */
export function trimmedLine(line: number, lineText: string): Text {
  const start = lineText.length - lineText.trimStart().length;
  const end = lineText.trimEnd().length;
  return textAt(line, lineText, start, Math.max(start, end));
}

/** Span of the first occurrence of `needle` at or after `fromColumn` (1-based) on a line; falls back to the line. */
export function findInLine(lines: readonly string[], line: number, needle: string, fromColumn = 1): Span {
  const lineText = lines[line - 1] ?? '';
  const at = lineText.indexOf(needle, fromColumn - 1);
  if (at < 0 || needle.length === 0) return lineSpan(lines, line);
  return span(line, at + 1, line, at + needle.length + 1);
}

/**
 * Markdown inline decoration removed: `**bold**`, `*em*`, `code` backticks, `[text](url)` → text.
 * Used on heading and label text, never on code.
 */
export function plainInline(s: string): string {
  // Most labels carry no decoration: every replacement below needs one of these characters.
  if (!/[[*_`]/.test(s)) return s.trim();
  return s
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,:;]|$)/g, '$1$2')
    .replace(/`/g, '')
    .trim();
}

/** Sentences in a piece of prose, ignoring periods inside code spans, numbers and common abbreviations. */
export function countSentences(prose: string): number {
  let cleaned = prose.includes('`') ? prose.replace(/`[^`]*`/g, 'CODE') : prose;
  // The abbreviation, decimal and ellipsis rewrites all need a period: lines without one skip them.
  if (cleaned.includes('.')) {
    cleaned = cleaned
      .replace(/\b(e\.g|i\.e|etc|vs|cf|approx|incl)\./gi, '$1')
      .replace(/(\d)\.(\d)/g, '$1$2')
      .replace(/\.{2,}/g, '.');
  }
  cleaned = cleaned.trim();
  if (cleaned === '') return 0;
  // Sentences end at . ! or ?: prose without one is a single sentence, if it has a word at all.
  if (!/[.!?]/.test(cleaned)) return /[A-Za-z0-9]/.test(cleaned) ? 1 : 0;
  const parts = cleaned.split(/(?<=[.!?])["')\]]*\s+(?=[A-Z0-9"'(`*])/);
  return parts.filter((p) => /[A-Za-z0-9]/.test(p)).length;
}

/**
 * YAML front matter (`---` on line 1, up to the next `---` or `...`) blanked out, so the Markdown
 * parser does not take `status: done` over `---` for a heading. Lines keep their numbers.
 */
export function blankFrontMatter(lines: readonly string[]): readonly string[] {
  // Front matter a Markdown formatter flattened: its `---` became a thematic break ("____") and its keys one
  // heading ("## status: draft role: implementation date: 2026-07-16 …").
  if (/^(?:_{3,}|\*{3,}|-{3,})\s*$/.test(lines[0] ?? '')) {
    const keys = lines.findIndex((l, i) => i > 0 && l.trim() !== '');
    if (keys > 0 && /^#{1,6}\s+(?:[\w-]+:\s*\S+\s+){3}/.test(lines[keys]!)) return lines.map((l, i) => (i <= keys ? '' : l));
  }
  if (lines[0]?.trimEnd() !== '---') return lines;
  // Front matter is short; a `---` far down is a thematic break closing a document with none.
  const end = lines.findIndex((l, i) => i > 0 && i < 60 && /^(?:---|\.\.\.)\s*$/.test(l));
  if (end < 0 || !lines.slice(1, end).every((l) => l.trim() === '' || /^(?:[\w-]+\s*:|\s+|#)/.test(l))) return lines;
  return lines.map((l, i) => (i <= end ? '' : l));
}
