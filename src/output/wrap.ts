/** Word wrapping for terminal output, by display columns (code points; no ANSI codes inside). */

const width = (s: string): number => [...s].length;

/**
 * `text` as lines of at most `first` columns (the first line) and `rest` columns (the others),
 * broken at spaces; a word longer than a line (a URL, a path) is cut where the line ends.
 */
export function wrapWords(text: string, first: number, rest: number = first): string[] {
  const lines: string[] = [];
  let line = '';
  const limit = (): number => Math.max(1, lines.length === 0 ? first : rest);
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = word;
    if (line !== '' && width(line) + 1 + width(w) <= limit()) {
      line += ` ${w}`;
      continue;
    }
    if (line !== '') lines.push(line);
    while (width(w) > limit()) {
      const cps = [...w];
      lines.push(cps.slice(0, limit()).join(''));
      w = cps.slice(limit()).join('');
    }
    line = w;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Pads `s` with spaces to `n` columns. */
export function padEnd(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

export { width as displayWidth };
