/**
 * Partial parsing of Go files. A type's sites sit in a few top-level declarations of the files
 * that name it, and parsing is most of the cost of a search, so a question parses only the
 * declarations that mention what it looks for, and of a function only the statements of its body
 * that do: the others are blanked out (their newlines kept, so every kept node has the line and
 * column it has in the whole file).
 *
 * Top-level declarations are found with a small lexer (comments, strings, raw strings, runes and
 * bracket depth), not by line shape: Go sources embed Go in raw strings. A declaration starts
 * where a line's first token is `func`, `type`, `var`, `const` or `import`, outside every bracket,
 * after a token that ends a statement (Go's semicolon rule). In a valid file every top-level
 * declaration is then a whole run of chunks, so a kept chunk parses exactly as in the whole file.
 * Anything the lexer cannot follow (an unterminated string or comment, unbalanced brackets)
 * gives up, and the caller parses the whole file.
 */
import { ENDING_KEYWORDS, isDigit, isWordPart, isWordStart, KEYWORDS, quotedEnd } from './go-tokens.js';

/** A run of top-level source: from a declaration start to the next one (chunk 0 holds the package clause). */
interface Chunk {
  start: number;
  end: number;
  /** The keyword the chunk begins with; undefined when chunk 0 begins otherwise (a package clause, a comment). */
  keyword: string | undefined;
  /** Offsets of the chunk's last top-level `{` and its `}` (a function's body, in a `func` chunk). */
  braces?: { open: number; close: number };
}

const DECLARATION_KEYWORDS = new Set(['func', 'type', 'var', 'const', 'import']);

const LF = 0x0a;

/**
 * The text with only chunk 0, the chunks holding one of `positions` and, when asked, the import
 * declarations left in — and of a kept function, only the statements of its body that hold a
 * position (its signature and braces stay); the same string when everything is kept; undefined
 * when the file cannot be split (parse it whole).
 */
export function keepDeclarationsAt(text: string, positions: readonly number[], keepImports = false): string | undefined {
  const chunks = topLevelChunks(text);
  if (!chunks) return undefined;
  const sorted = [...positions].sort((a, b) => a - b);
  const parts: string[] = [];
  let dropped = false;
  for (const [index, chunk] of chunks.entries()) {
    if (index === 0 || (keepImports && chunk.keyword === 'import')) {
      parts.push(text.slice(chunk.start, chunk.end));
    } else if (holdsAny(sorted, chunk.start, chunk.end)) {
      const partial = functionStatementsAt(text, chunk, sorted);
      if (partial !== undefined) dropped = true;
      parts.push(partial ?? text.slice(chunk.start, chunk.end));
    } else {
      dropped = true;
      parts.push(newlinesIn(text, chunk.start, chunk.end));
    }
  }
  return dropped ? parts.join('') : text;
}

/**
 * A function declaration that holds a position, with the statements of its body that hold none
 * blanked (its signature and braces stay); undefined when the chunk is not a function whose body
 * is found (see functionBody) or every statement stays. Statements parse alike alone or
 * among their neighbours, so each kept one parses as it does in the whole file.
 */
function functionStatementsAt(text: string, chunk: Chunk, sorted: readonly number[]): string | undefined {
  const body = functionBody(text, chunk);
  if (!body) return undefined;
  const statements = splitChunks(text, body.open + 1, body.close, true);
  if (!statements) return undefined;
  const parts = [text.slice(chunk.start, body.open + 1)];
  let dropped = false;
  for (const statement of statements) {
    if (holdsAny(sorted, statement.start, statement.end)) {
      parts.push(text.slice(statement.start, statement.end));
    } else {
      dropped = true;
      parts.push(blankedInLine(text, statement.start, statement.end));
    }
  }
  parts.push(text.slice(body.close, chunk.end));
  return dropped ? parts.join('') : undefined;
}

/**
 * text[start, end) blanked where a statement may start or end mid-line (`a := 1; b := T{}`): its
 * line breaks, then a space for each character of its last line, so what follows keeps its column.
 */
function blankedInLine(text: string, start: number, end: number): string {
  const lastBreak = text.lastIndexOf('\n', end - 1);
  if (lastBreak < start) return ' '.repeat(end - start);
  return newlinesIn(text, start, lastBreak + 1) + ' '.repeat(end - lastBreak - 1);
}

/** Whether a sorted list holds a value in [start, end). */
function holdsAny(sorted: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as number) < start) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && (sorted[low] as number) < end;
}

/**
 * The body of a `func` chunk: its last top-level `{…}` on its first statement, with nothing but
 * comments after it; undefined for other chunks, and when code follows (the chunk is not a
 * plain function declaration, so it is kept whole).
 */
function functionBody(text: string, chunk: Chunk): { open: number; close: number } | undefined {
  const body = chunk.braces;
  return chunk.keyword === 'func' && body && onlyCommentsBetween(text, body.close + 1, chunk.end) ? body : undefined;
}

/**
 * The signatures of the text's top-level functions and methods, everything else blanked (newlines
 * kept, so each signature keeps its lines and columns): for questions about the functions alone
 * (which are tests) that need no statement, type or comment. A function whose body is not found
 * (see functionBody) is kept whole. Undefined when the text cannot be split.
 */
export function functionSignatures(text: string): string | undefined {
  const chunks = topLevelChunks(text);
  if (!chunks) return undefined;
  const parts: string[] = [];
  for (const chunk of chunks) {
    const body = functionBody(text, chunk);
    if (chunk.keyword !== 'func') {
      parts.push(newlinesIn(text, chunk.start, chunk.end));
    } else if (!body) {
      parts.push(text.slice(chunk.start, chunk.end));
    } else {
      parts.push(text.slice(chunk.start, body.open + 1), newlinesIn(text, body.open + 1, body.close), '}', newlinesIn(text, body.close + 1, chunk.end));
    }
  }
  return parts.join('');
}

/** Whether text[from, to) holds nothing but whitespace and comments. */
function onlyCommentsBetween(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === LF) {
      i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? to : eol;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      i = text.indexOf('*/', i + 2) + 2; // closed: topLevelChunks checked
    } else {
      return false;
    }
  }
  return true;
}

/** The chunk's line breaks alone (one native replace; a loop of indexOf calls was most of a cold run's cost here). */
function newlinesIn(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(NOT_NEWLINES, '');
}

const NOT_NEWLINES = /[^\n]+/g;

/** The file cut at top-level declaration starts; undefined when the lexer loses track. */
export function topLevelChunks(text: string): Chunk[] | undefined {
  return splitChunks(text, 0, text.length, false);
}

/**
 * text[from, to) cut at top-level declaration starts or, with `statements`, at the statements of a
 * function body: where a line break ends one (the semicolon rule, one level of brackets down). An
 * explicit `;` does not cut a body: it also separates the clauses of `if x := f(); x {` and
 * `for i := 0; i < n; i++ {`, and statements sharing a line are rare enough to keep together.
 */
function splitChunks(text: string, from: number, to: number, statements: boolean): Chunk[] | undefined {
  const chunks: Chunk[] = [{ start: from, end: to, keyword: undefined }];
  /** Some token has been read (the first one starts chunk 0 instead of a new chunk). */
  let seen = false;
  /** The last token ends a statement if a newline follows (for a word, decided from the word when needed). */
  let pendingEnd = false;
  /** Extent of the last token when it is a word; only the last word before a line break needs reading. */
  let wordStart = -1;
  let wordEnd = -1;
  /** The next token begins a new statement or declaration. */
  let ended = true;
  /** No statement has ended since the current chunk began: its declaration's first line(s) are still going. */
  let firstStatement = true;
  /** Only spaces and tabs so far on this line, which starts at `lineStart`. */
  let blank = true;
  let lineStart = from;
  const n = to;
  /** A token starts at `at`: with `statements`, a new chunk when the last statement has ended. */
  const begin = (at: number): void => {
    if (statements && ended && seen) {
      (chunks[chunks.length - 1] as Chunk).end = at;
      chunks.push({ start: at, end: n, keyword: undefined });
    }
    seen = true;
  };
  const token = (endsStatement: boolean): void => {
    pendingEnd = endsStatement;
    wordStart = -1;
    ended = false;
    blank = false;
  };
  const endsStatement = (): boolean => {
    if (wordStart === -1) return pendingEnd;
    const word = text.slice(wordStart, wordEnd);
    return !KEYWORDS.has(word) || ENDING_KEYWORDS.has(word);
  };
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === LF) {
      if (endsStatement()) ended = true;
      if (ended) firstStatement = false;
      pendingEnd = false;
      wordStart = -1;
      blank = true;
      lineStart = ++i;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0d) {
      i++;
      continue;
    }
    if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? n : eol;
      continue;
    }
    if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) return undefined;
      // A comment spanning lines acts like a newline.
      if (text.lastIndexOf('\n', close) > i) {
        if (endsStatement()) ended = true;
        if (ended) firstStatement = false;
        pendingEnd = false;
        wordStart = -1;
      }
      blank = false;
      i = close + 2;
      continue;
    }
    begin(i);
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      const close = quotedEnd(text, i, c);
      if (close === undefined) return undefined;
      token(true);
      i = close;
      continue;
    }
    if (c === 0x60 /* ` */) {
      const close = text.indexOf('`', i + 1);
      if (close === -1) return undefined;
      token(true);
      i = close + 1;
      continue;
    }
    if (isWordStart(c)) {
      let j = i + 1;
      while (j < n && isWordPart(text.charCodeAt(j))) j++;
      if (!statements && ended && blank) {
        const word = text.slice(i, j);
        if (DECLARATION_KEYWORDS.has(word)) {
          const last = chunks[chunks.length - 1] as Chunk;
          if (lineStart === from) {
            last.keyword = word; // the text's first token: chunk 0 is a declaration too
          } else {
            last.end = lineStart;
            chunks.push({ start: lineStart, end: n, keyword: word });
            firstStatement = true;
          }
        }
      }
      token(false);
      wordStart = i;
      wordEnd = j;
      i = j;
      continue;
    }
    if (isDigit(c) || (c === 0x2e /* . */ && isDigit(text.charCodeAt(i + 1)))) {
      // Loose on purpose (exponent signs split it): every form still ends in a number token.
      let j = i + 1;
      while (j < n && (isWordPart(text.charCodeAt(j)) || text.charCodeAt(j) === 0x2e)) j++;
      token(true);
      i = j;
      continue;
    }
    if (c === 0x28 || c === 0x5b || c === 0x7b) {
      // Inside brackets no declaration starts: jump to the matching bracket, then go on here.
      const close = matchingBracket(text, i);
      if (close === undefined) return undefined;
      if (c === 0x7b && firstStatement) (chunks[chunks.length - 1] as Chunk).braces = { open: i, close };
      token(true);
      i = close + 1;
      continue;
    }
    if (c === 0x29 || c === 0x5d || c === 0x7d) return undefined; // closes nothing
    if (c === 0x3b /* ; */ && !statements) {
      token(false);
      ended = true;
      firstStatement = false;
      i++;
      continue;
    }
    if ((c === 0x2b || c === 0x2d) && text.charCodeAt(i + 1) === c) {
      token(true); // ++ and --
      i += 2;
      continue;
    }
    token(false);
    i++;
  }
  return chunks;
}

/**
 * The characters that matter inside brackets: brackets and the openers of strings, runes and
 * comments. A character-class search, the lexer's strpbrk: it only finds the next candidate
 * character (natively, where a character loop would run interpreted in a short-lived CLI
 * process); what each one means is decided by matchingBracket.
 */
const BRACKETED = /[()[\]{}"'`/]/g;

/**
 * Index of the bracket that closes the one at `open`, skipping strings, runes and comments;
 * undefined when the file ends first or a string is unterminated. Inside brackets no
 * declaration starts, so only the characters of BRACKETED can change anything.
 */
function matchingBracket(text: string, open: number): number | undefined {
  let depth = 1;
  BRACKETED.lastIndex = open + 1;
  // test(), not exec(): it moves lastIndex past the match without building a match array.
  while (BRACKETED.test(text)) {
    const at = BRACKETED.lastIndex - 1;
    const c = text.charCodeAt(at);
    if (c === 0x28 || c === 0x5b || c === 0x7b) {
      depth++;
    } else if (c === 0x29 || c === 0x5d || c === 0x7d) {
      if (--depth === 0) return at;
    } else if (c === 0x22 || c === 0x27) {
      const close = quotedEnd(text, at, c);
      if (close === undefined) return undefined;
      BRACKETED.lastIndex = close;
    } else if (c === 0x60) {
      const close = text.indexOf('`', at + 1);
      if (close === -1) return undefined;
      BRACKETED.lastIndex = close + 1;
    } else if (text.charCodeAt(at + 1) === 0x2f) {
      const eol = text.indexOf('\n', at);
      if (eol === -1) return undefined;
      BRACKETED.lastIndex = eol;
    } else if (text.charCodeAt(at + 1) === 0x2a) {
      const close = text.indexOf('*/', at + 2);
      if (close === -1) return undefined;
      BRACKETED.lastIndex = close + 2;
    } // else a division sign
  }
  return undefined;
}
