/**
 * A Go lexer: the text as a flat list of tokens (identifiers and keywords, numbers, string and
 * rune literals, one token per punctuation character), comments and whitespace dropped. Enough
 * for a prefilter to look at token shapes (`x.f`, `0.6 * w`) without a parse; what the code
 * means is still decided on the syntax tree. go-sparse's lexer, which only follows brackets,
 * shares its character classes, literal rules and keyword sets.
 */

export const TOKEN = { identifier: 1, number: 2, literal: 3, punctuation: 4 } as const;
export type TokenKind = (typeof TOKEN)[keyof typeof TOKEN];

/** Go's keywords (lexed as identifiers: the scans that care ask this set). */
export const KEYWORDS = new Set([
  'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto',
  'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var',
]);
/** Keywords after which a newline ends the statement (the spec's semicolon rule). */
export const ENDING_KEYWORDS = new Set(['break', 'continue', 'fallthrough', 'return']);

/** Tokens as parallel arrays (a test file has tens of thousands; objects would be most of the cost). */
export interface GoTokens {
  readonly text: string;
  readonly count: number;
  readonly kind: Uint8Array;
  readonly start: Uint32Array;
  readonly end: Uint32Array;
}

const LF = 0x0a;

/** The tokens of `text`; undefined when a string, rune or comment is not closed. */
export function goTokens(text: string): GoTokens | undefined {
  const n = text.length;
  // Code has about one token per four characters; the arrays grow when a text has more.
  let kind = new Uint8Array((n >> 2) + 16);
  let start = new Uint32Array(kind.length);
  let end = new Uint32Array(kind.length);
  let count = 0;
  const push = (k: TokenKind, from: number, to: number): void => {
    if (count === kind.length) {
      kind = grown(kind, new Uint8Array(count * 2));
      start = grown(start, new Uint32Array(count * 2));
      end = grown(end, new Uint32Array(count * 2));
    }
    kind[count] = k;
    start[count] = from;
    end[count] = to;
    count++;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === LF) {
      i++;
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? n : eol;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) return undefined;
      i = close + 2;
    } else if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      const close = quotedEnd(text, i, c);
      if (close === undefined) return undefined;
      push(TOKEN.literal, i, close);
      i = close;
    } else if (c === 0x60 /* ` */) {
      const close = text.indexOf('`', i + 1);
      if (close === -1) return undefined;
      push(TOKEN.literal, i, close + 1);
      i = close + 1;
    } else if (isWordStart(c)) {
      let j = i + 1;
      while (j < n && isWordPart(text.charCodeAt(j))) j++;
      push(TOKEN.identifier, i, j);
      i = j;
    } else if (isDigit(c) || (c === 0x2e /* . */ && isDigit(text.charCodeAt(i + 1)))) {
      const close = numberEnd(text, i);
      push(TOKEN.number, i, close);
      i = close;
    } else {
      push(TOKEN.punctuation, i, i + 1);
      i++;
    }
  }
  return { text, count, kind, start, end };
}

function grown<T extends Uint8Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * Index just past a number literal: digits, letters (bases, `_`, exponents, `i`), dots, and the
 * sign of a decimal `e` or hexadecimal `p` exponent.
 */
function numberEnd(text: string, from: number): number {
  const hex = text.charCodeAt(from) === 0x30 && (text.charCodeAt(from + 1) | 0x20) === 0x78; // 0x…
  let j = from + 1;
  for (;;) {
    const c = text.charCodeAt(j);
    if (isWordPart(c) || c === 0x2e) {
      j++;
    } else if ((c === 0x2b || c === 0x2d) && (text.charCodeAt(j - 1) | 0x20) === (hex ? 0x70 : 0x65)) {
      j++; // 1e-3, 0x1p+2
    } else {
      return j;
    }
  }
}

/** Index just past the closing quote of a string or rune literal; undefined if a line ends first. */
export function quotedEnd(text: string, open: number, quote: number): number | undefined {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) return i + 1;
    if (c === LF) return undefined;
    if (c === 0x5c /* \ */) i++;
  }
  return undefined;
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Letters (any non-ASCII code unit counts: Go identifiers may use Unicode letters) and `_`. */
export function isWordStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c >= 0x80;
}

export function isWordPart(c: number): boolean {
  return isWordStart(c) || isDigit(c);
}
