/**
 * The heading outline of a Markdown document, from a real Markdown parser: a "# comment" inside a
 * fenced code block is not a heading, and setext headings ("Title\n=====") are.
 */
import MarkdownIt, { type Token } from 'markdown-it';

export interface Heading {
  /** 1–6. */
  level: number;
  /** Plain text, inline Markdown removed ("`Foo` **bar**" → "Foo bar"). */
  text: string;
  /** 1-based line of the heading. */
  line: number;
  /** 1-based last line of its section: up to the next heading of the same or a higher level. */
  endLine: number;
  /** Index of the enclosing heading in the outline, if any. */
  parent: number | undefined;
}

const md = new MarkdownIt();

export function parseHeadings(markdown: string): Heading[] {
  const tokens = md.parse(markdown, {});
  const lineCount = markdown.split(/\r\n|\r|\n/).length;
  const headings: Heading[] = [];
  const open: number[] = []; // stack of indices of headings whose sections are still open
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'heading_open' || !token.map) continue;
    const level = Number(token.tag.slice(1));
    const line = token.map[0] + 1;
    while (open.length > 0 && headings[open[open.length - 1]!]!.level >= level) {
      headings[open.pop()!]!.endLine = line - 1;
    }
    headings.push({ level, text: plainText(tokens[i + 1]), line, endLine: lineCount, parent: open[open.length - 1] });
    open.push(headings.length - 1);
  }
  return headings;
}

/** Ancestors from the outermost down, then the heading itself. */
export function headingPath(headings: readonly Heading[], index: number): Heading[] {
  const path: Heading[] = [];
  for (let i: number | undefined = index; i !== undefined; i = headings[i]!.parent) path.unshift(headings[i]!);
  return path;
}

function plainText(inline: Token | undefined): string {
  if (!inline || inline.type !== 'inline') return '';
  return collect(inline.children ?? []).replace(/\s+/g, ' ').trim();
}

function collect(tokens: Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.type === 'text' || t.type === 'code_inline') out += t.content;
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out += ' ';
    else if (t.children) out += collect(t.children); // image alt text
  }
  return out;
}
