/**
 * Broken code fences, found and worked around so that one typo does not turn the rest of a plan
 * into code.
 *
 * Two shapes occur in real plans:
 * - **nested**: a ```` ```markdown ```` block holds a ```` ```bash ```` block of its own. CommonMark
 *   closes the outer block at the inner block's closing fence, so the prose after it becomes
 *   code and the outer closing fence opens a new block that swallows the rest of the plan. The same
 *   happens when a ```` ````markdown ```` block closes its inner ```` ```bash ```` with four backticks.
 * - **unclosed**: a fence that is never closed runs to the end of the document.
 * - **dedented**: a fence indented in a list item whose closing fence is not ("  ```python", the code,
 *   then "```" at column 0), or whose code is not (a commit message's body at column 0, then "  ```").
 *   CommonMark ends the block with the list item, and the closing fence opens a new block that reads
 *   what follows as code.
 *
 * The repair keeps every line where it is (diagnostics keep their line numbers): a nested block's
 * outer fences are lengthened so the nesting is explicit, and an unclosed block is closed on the
 * blank line before the first plan section heading it swallowed. The problems are reported once,
 * at the fence, by the `fence-balanced` rule.
 */

export interface FenceProblem {
  kind: 'nested' | 'unclosed' | 'dedented';
  /** Line of the opening fence (1-based). */
  line: number;
  /** The opening fence as written (marker and info string). */
  opener: string;
  /** nested: the inner opener's line; unclosed: the line the repair closed it before (0: not repaired); dedented: the first line the list item lost. */
  innerLine: number;
  /** nested: the line of the fence that really closes the outer block. */
  closeLine: number;
}

interface FenceToken {
  type: string;
  markup: string;
  info: string;
  map: [number, number] | null;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

function fenceLine(line: string): { indent: string; marker: string; info: string } | undefined {
  const m = FENCE.exec(line);
  if (!m) return undefined;
  const info = m[3]!.trim();
  // A backtick fence's info string may not contain backticks (CommonMark 4.5).
  if (m[2]![0] === '`' && info.includes('`')) return undefined;
  return { indent: m[1]!, marker: m[2]!, info };
}

/**
 * The first broken fence among the parsed fence tokens, and the lines with it repaired;
 * undefined when every fence is sound. `isSectionHeading` tells a plan section heading (where an
 * unclosed block most likely should have ended) from a heading inside code.
 */
export function repairFirstBrokenFence(
  tokens: readonly FenceToken[],
  lines: string[],
  isSectionHeading: (line: string) => boolean,
  after: number,
): { problem: FenceProblem; lines: string[] } | undefined {
  for (const t of tokens) {
    if (t.type !== 'fence' || !t.map || t.map[0] < after) continue;
    const start = t.map[0]; // 0-based opener index
    const open = fenceLine(lines[start] ?? '');
    if (!open) continue;
    const char = open.marker[0]!;
    // Only a block that says what it holds (```markdown) is read as an outer block: a bare fence
    // holding ```bash is more often a stray closing fence of the block above.
    const nested = open.info !== '' ? findNesting(lines, start, char, open.marker.length) : undefined;
    if (nested) {
      const width = Math.max(open.marker.length, nested.widest) + 1;
      const repaired = lines.slice();
      repaired[start] = open.indent + char.repeat(width) + open.info;
      const close = fenceLine(repaired[nested.closeLine]!)!;
      repaired[nested.closeLine] = close.indent + char.repeat(width);
      return {
        problem: { kind: 'nested', line: start + 1, opener: (lines[start] ?? '').trim(), innerLine: nested.innerLine + 1, closeLine: nested.closeLine + 1 },
        lines: repaired,
      };
    }
    const last = t.map[1] - 1;
    const closer = fenceLine(lines[last] ?? '');
    const closed = last > start && closer !== undefined && closer.info === '' && closer.marker[0] === char && closer.marker.length >= open.marker.length;
    if (closed) continue;
    // Dedented: the block ended with its list item, and the fence meant to close it (with the code
    // before it, at times) is written further left. Indented like the opener, they close the block.
    const late = open.indent.length > 0 ? dedentedClose(lines, t.map[1], char, open.marker.length, open.indent.length) : undefined;
    if (late !== undefined) {
      const repaired = lines.slice();
      for (let l = t.map[1]; l <= late; l++) if ((lines[l] ?? '').trim() !== '') repaired[l] = open.indent + (lines[l] ?? '');
      let first = t.map[1];
      while (first < late && (lines[first] ?? '').trim() === '') first++;
      return { problem: { kind: 'dedented', line: start + 1, opener: (lines[start] ?? '').trim(), innerLine: first + 1, closeLine: late + 1 }, lines: repaired };
    }
    // Unclosed: close it on the blank line before the first heading it swallowed (in a Markdown
    // snippet, the first plan section heading: its own headings are part of the snippet).
    const markdown = /^(?:markdown|md)$/i.test(open.info.split(/\s+/)[0] ?? '');
    let closeAt = -1;
    for (let l = start + 1; l <= last; l++) {
      const line = lines[l] ?? '';
      const heading = markdown ? isSectionHeading(line) : /^#{1,4}\s+\S/.test(line);
      if (heading && l - 1 > start && (lines[l - 1] ?? '').trim() === '') {
        closeAt = l - 1;
        break;
      }
    }
    const repaired = lines.slice();
    if (closeAt >= 0) repaired[closeAt] = open.indent + open.marker;
    return {
      problem: { kind: 'unclosed', line: start + 1, opener: (lines[start] ?? '').trim(), innerLine: closeAt >= 0 ? closeAt + 2 : 0, closeLine: 0 },
      lines: repaired,
    };
  }
  return undefined;
}

/**
 * The fence that the author meant to close an indented opener with, after the block ended with its list
 * item: the first fence line after it, bare, of the same marker, written further left or as far in
 * (then the code before it was written further left: "- Replace raw <input> …" at column 0 in a commit
 * message). Lines between are its code; a heading among them is the plan's own, and then there is none.
 */
function dedentedClose(lines: readonly string[], from: number, char: string, width: number, indent: number): number | undefined {
  for (let l = from; l < lines.length; l++) {
    const line = lines[l] ?? '';
    const fence = fenceLine(line);
    if (fence) return fence.info === '' && fence.marker[0] === char && fence.marker.length >= width && fence.indent.length <= indent ? l : undefined;
    if (/^#{1,6}\s/.test(line)) return undefined;
  }
  return undefined;
}

/** The last non-blank line before `l` ends with a colon: it introduces what follows. */
function introduced(lines: readonly string[], l: number): boolean {
  let p = l - 1;
  while (p >= 0 && (lines[p] ?? '').trim() === '') p--;
  return p >= 0 && /:\s*$/.test(lines[p] ?? '');
}

/** Another bare fence of the same character after line `l`, which could close a block opened there. */
function laterBareFence(lines: readonly string[], l: number, char: string): boolean {
  for (let n = l + 1; n < lines.length; n++) {
    const f = fenceLine(lines[n] ?? '');
    if (f && f.info === '' && f.marker[0] === char) return true;
  }
  return false;
}

/**
 * A fence whose body opens another fence of the same kind (an opener with an info string, which
 * CommonMark reads as content) and closes it: the block the author meant runs to the closing
 * fence where the nesting depth returns to zero. A shorter inner block nests correctly, unless the
 * fence that closes it is as long as the outer one (```` ````markdown ```` over ```` ```bash ````
 * closed with ```` ```` ````): CommonMark then ends the outer block there instead.
 */
function findNesting(lines: readonly string[], start: number, char: string, width: number): { innerLine: number; closeLine: number; widest: number } | undefined {
  const open: number[] = []; // the widths of the inner blocks open now, innermost last
  let firstOpener = -1;
  let innerLine = -1;
  let widest = 0;
  for (let l = start + 1; l < lines.length; l++) {
    const f = fenceLine(lines[l] ?? '');
    if (!f || f.marker[0] !== char) continue;
    if (f.info !== '') {
      open.push(f.marker.length);
      if (firstOpener < 0) firstOpener = l;
      if (f.marker.length >= width) {
        widest = Math.max(widest, f.marker.length);
        if (innerLine < 0) innerLine = l;
      }
      continue;
    }
    const inner = open[open.length - 1];
    if (inner === undefined) {
      if (f.marker.length < width) continue;
      // Once the snippet is known to nest, a bare fence after a line that introduces it ("Expected output:")
      // opens another inner block, when a later fence can close it.
      if (innerLine >= 0 && introduced(lines, l) && laterBareFence(lines, l, char)) {
        open.push(f.marker.length);
        continue;
      }
      return innerLine >= 0 ? { innerLine, closeLine: l, widest } : undefined;
    }
    // An inner block as wide as the outer one closes at its next bare fence; a shorter one at a fence as long as its own.
    if (inner < width && f.marker.length < inner) continue;
    open.pop();
    // The inner block closed with a fence as long as the outer one: CommonMark closed the outer here.
    if (inner < width && f.marker.length >= width) {
      widest = Math.max(widest, f.marker.length);
      if (innerLine < 0) innerLine = firstOpener;
    }
  }
  return undefined;
}
