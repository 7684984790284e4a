/**
 * The block outline of a Markdown document, from markdown-it (CommonMark + GFM tables).
 *
 * markdown-it gives block tokens with line maps; we flatten them into the few block kinds the
 * plan model needs (headings, fences, tables, list items, paragraphs, html, hr, blockquotes) and
 * a per-line "is this code?" mask so that line-oriented recognisers never read inside fences.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import { repairFirstBrokenFence, type FenceProblem } from './fence-repair.js';
import { classifyHeading } from './sections.js';
import { span } from './source.js';
import type { CodeBlock, Span, Table, TableRow, Text } from './types.js';

export interface HeadingBlock {
  depth: number;
  /** Inline text as written (Markdown decoration kept). */
  raw: string;
  line: number;
  span: Span;
}

export interface ListItemBlock {
  /** First line of the item (1-based). */
  line: number;
  endLine: number;
  ordered: boolean;
  /** Nesting depth, 1 for top-level lists. */
  depth: number;
}

export interface Outline {
  headings: HeadingBlock[];
  fences: CodeBlock[];
  tables: Table[];
  listItems: ListItemBlock[];
  /** [startLine, endLine] of each paragraph (1-based inclusive). */
  paragraphs: Array<[number, number]>;
  hrs: number[];
  htmlComments: Array<{ line: number; text: string }>;
  blockquotes: Array<[number, number]>;
  /** codeMask[line] is true for every line of a fenced or indented code block (1-based index). */
  codeMask: boolean[];
  /** Broken fences, read as the author meant them (see fence-repair.ts). */
  fenceProblems: FenceProblem[];
}

// Block structure only: the outline reads inline tokens' `content`, never their children, so the
// inline pass (most of markdown-it's time and tokens) is skipped. Block parsing is unaffected by it.
const md = new MarkdownIt('commonmark').enable(['table', 'strikethrough']);
md.core.ruler.disable(['inline', 'text_join']);

/*
 * markdown-it's published build creates every Token through a defineProperty helper per field,
 * about half of its block-parse time. This parser's own block state (only this instance) makes the
 * same tokens — same prototype, fields and order, as StateBlock.push does — by plain assignment.
 */
const TOKEN_PROTO = Object.getPrototypeOf(md.parse('x', {})[0]) as Token;
const BaseState = md.block.State;
md.block.State = class extends BaseState {
  override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
    const token = Object.create(TOKEN_PROTO) as Token;
    token.map = null;
    token.level = 0;
    token.children = null;
    token.content = '';
    token.markup = '';
    token.info = '';
    token.block = true;
    token.hidden = false;
    token.type = type;
    token.tag = tag;
    token.attrs = null;
    token.nesting = nesting;
    token.meta = null;
    if (nesting < 0) this.level--;
    token.level = this.level;
    if (nesting > 0) this.level++;
    this.tokens.push(token);
    return token;
  }
};

/** An ATX heading that names a plan section or task: where an unclosed code block most likely ended. */
function isSectionHeading(line: string): boolean {
  const m = /^#{1,4}\s+(.*)$/.exec(line);
  if (!m) return false;
  return classifyHeading(m[1]!).type !== 'other' || /^task\s+\d+\b/i.test(m[1]!);
}

export function outline(text: string, sourceLines: readonly string[]): Outline {
  let tokens = md.parse(text, {});
  let lines = sourceLines;
  const fenceProblems: FenceProblem[] = [];
  // Each repair re-parses; a plan with more than a few broken fences is read as far as 8 repairs go.
  for (let after = 0, round = 0; round < 8; round++) {
    const r = repairFirstBrokenFence(tokens, lines as string[], isSectionHeading, after);
    if (!r) break;
    fenceProblems.push(r.problem);
    if (r.problem.kind === 'unclosed' && r.problem.innerLine === 0) break;
    lines = r.lines;
    tokens = md.parse(lines.join('\n'), {});
    after = r.problem.line;
  }
  const out: Outline = {
    headings: [],
    fences: [],
    tables: [],
    listItems: [],
    paragraphs: [],
    hrs: [],
    htmlComments: [],
    blockquotes: [],
    codeMask: new Array<boolean>(lines.length + 2).fill(false),
    fenceProblems,
  };
  let listDepth = 0;
  const orderedStack: boolean[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const map = t.map;
    switch (t.type) {
      case 'heading_open': {
        const inline = tokens[i + 1];
        if (!map) break;
        const line = map[0] + 1;
        out.headings.push({
          depth: Number(t.tag.slice(1)),
          raw: inline?.content ?? '',
          line,
          span: span(line, 1, map[1], (lines[map[1] - 1] ?? '').length + 1),
        });
        break;
      }
      case 'fence':
      case 'code_block': {
        if (!map) break;
        const startLine = map[0] + 1;
        const endLine = map[1];
        for (let l = startLine; l <= endLine; l++) out.codeMask[l] = true;
        out.fences.push({
          lang: t.type === 'fence' ? (t.info.trim().split(/\s+/)[0] ?? '').toLowerCase() : '',
          content: t.content,
          span: span(startLine, 1, endLine, (lines[endLine - 1] ?? '').length + 1),
          contentLine: t.type === 'fence' ? startLine + 1 : startLine,
        });
        break;
      }
      case 'table_open': {
        const end = findClose(tokens, i, 'table_open', 'table_close');
        if (map) out.tables.push(readTable(tokens.slice(i, end + 1), lines, map));
        i = end;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        listDepth++;
        orderedStack.push(t.type === 'ordered_list_open');
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth--;
        orderedStack.pop();
        break;
      case 'list_item_open':
        if (map) {
          out.listItems.push({
            line: map[0] + 1,
            endLine: map[1],
            ordered: orderedStack[orderedStack.length - 1] ?? false,
            depth: listDepth,
          });
        }
        break;
      case 'paragraph_open':
        if (map) out.paragraphs.push([map[0] + 1, map[1]]);
        break;
      case 'hr':
        if (map) out.hrs.push(map[0] + 1);
        break;
      case 'blockquote_open':
        if (map) out.blockquotes.push([map[0] + 1, map[1]]);
        break;
      case 'html_block':
        if (map) collectComments(t.content, map[0] + 1, out.htmlComments);
        break;
      case 'inline':
        // Inline HTML comments (a directive on the same line as text).
        if (map && t.content.includes('<!--')) collectComments(t.content, map[0] + 1, out.htmlComments);
        break;
      default:
        break;
    }
  }
  return out;
}

function collectComments(content: string, firstLine: number, into: Outline['htmlComments']): void {
  let from = 0;
  for (;;) {
    const open = content.indexOf('<!--', from);
    if (open < 0) return;
    const close = content.indexOf('-->', open + 4);
    if (close < 0) return;
    const line = firstLine + countNewlines(content, 0, open);
    into.push({ line, text: content.slice(open + 4, close).trim() });
    from = close + 3;
  }
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

function findClose(tokens: Token[], from: number, open: string, close: string): number {
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    const type = tokens[i]!.type;
    if (type === open) depth++;
    else if (type === close && --depth === 0) return i;
  }
  return tokens.length - 1;
}

function readTable(tokens: Token[], lines: readonly string[], map: [number, number]): Table {
  const rows: TableRow[] = [];
  let header: Text[] = [];
  let cells: string[] = [];
  let rowLine = 0;
  let inHead = false;
  for (const t of tokens) {
    if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open') {
      cells = [];
      rowLine = (t.map?.[0] ?? map[0]) + 1;
    } else if (t.type === 'inline') cells.push(t.content);
    else if (t.type === 'tr_close') {
      const texts = locateCells(cells, rowLine, lines[rowLine - 1] ?? '');
      if (inHead) header = texts;
      else rows.push({ cells: texts, span: span(rowLine, 1, rowLine, (lines[rowLine - 1] ?? '').length + 1) });
    }
  }
  return { header, rows, span: span(map[0] + 1, 1, map[1], (lines[map[1] - 1] ?? '').length + 1) };
}

/** Give each cell its column on the row's line by walking the line left to right. */
function locateCells(cells: string[], line: number, lineText: string): Text[] {
  let from = 0;
  return cells.map((cell) => {
    const at = cell === '' ? -1 : lineText.indexOf(cell, from);
    if (at < 0) return { text: cell, span: span(line, from + 1, line, from + 1) };
    from = at + cell.length;
    return { text: cell, span: span(line, at + 1, line, at + cell.length + 1) };
  });
}
