/**
 * Textual prefilters: decide, before parsing, that a file cannot contain what we look for.
 * They only ever rule files out; whether something is a site is decided on the parse tree.
 * Each must keep every file that could hold a site (recall), and may keep extra ones.
 */

/**
 * Does `word` occur followed (after optional spaces or tabs) by one of `next`? Scanning text,
 * not matching structure: `T{`, `T [`, `NewT(` are the shapes every site of those kinds needs.
 */
export function occursBefore(text: string, word: string, next: string): boolean {
  return nextOccurrence(text, word, next, 0) !== -1;
}

/** Every index where `word` occurs as `occursBefore` means it. */
export function occurrences(text: string, word: string, next: string): number[] {
  const found: number[] = [];
  for (let at = nextOccurrence(text, word, next, 0); at !== -1; at = nextOccurrence(text, word, next, at + 1)) found.push(at);
  return found;
}

/**
 * Every index where `word` is the sole argument of a call of one of `callees`, bare or
 * package-qualified: `new(T)`, `new( pkg.T )`.
 */
export function argumentOccurrences(text: string, word: string, callees: readonly string[]): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    let after = at + word.length;
    if (isIdentifierChar(text.charCodeAt(after))) continue;
    while (text[after] === ' ' || text[after] === '\t') after++;
    if (text[after] !== ')') continue;
    let before = at;
    // An optional qualifier: `pkg.`
    if (text[before - 1] === '.') {
      before--;
      while (before > 0 && isIdentifierChar(text.charCodeAt(before - 1))) before--;
    } else if (before > 0 && isIdentifierChar(text.charCodeAt(before - 1))) {
      continue;
    }
    while (text[before - 1] === ' ' || text[before - 1] === '\t') before--;
    if (text[before - 1] !== '(') continue;
    before--;
    while (text[before - 1] === ' ' || text[before - 1] === '\t') before--;
    const callee = callees.find((c) => text.endsWith(c, before) && (before === c.length || !isIdentifierChar(text.charCodeAt(before - c.length - 1))));
    if (callee !== undefined) found.push(at);
  }
  return found;
}

/**
 * Does `word` occur renamed, as in `import { word as w }` or `from m import word as w`: not
 * continuing an identifier, then spaces or tabs, `keyword`, and a space or tab?
 */
export function occursRenamed(text: string, word: string, keyword: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (at > 0 && isIdentifierChar(text.charCodeAt(at - 1))) continue;
    let i = at + word.length;
    if (text[i] !== ' ' && text[i] !== '\t') continue;
    while (text[i] === ' ' || text[i] === '\t') i++;
    const after = text[i + keyword.length];
    if (text.startsWith(keyword, i) && (after === ' ' || after === '\t')) return true;
  }
  return false;
}

/** Does `word` occur with no identifier character right before or after it? */
export function occursAsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if ((at === 0 || !isIdentifierChar(text.charCodeAt(at - 1))) && (end === text.length || !isIdentifierChar(text.charCodeAt(end)))) return true;
  }
  return false;
}

function nextOccurrence(text: string, word: string, next: string, from: number): number {
  for (let at = text.indexOf(word, from); at !== -1; at = text.indexOf(word, at + 1)) {
    // `MIMEHeader{` is not `Header{`: the word must not continue an identifier.
    if (at > 0 && isIdentifierChar(text.charCodeAt(at - 1))) continue;
    let i = at + word.length;
    while (text[i] === ' ' || text[i] === '\t') i++;
    const c = text[i];
    if (c !== undefined && next.includes(c)) return at;
  }
  return -1;
}

/** ASCII letters, digits, `_` and `$`: a conservative "inside an identifier" test (non-ASCII letters keep the file). */
function isIdentifierChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x24
  );
}

/**
 * What a file must contain for a module to read it: one of `words`, followed (after optional
 * spaces or tabs) by one of the characters of `next` when that is given.
 */
export interface TextNeedle {
  words: readonly string[];
  next?: string;
  /** With `next`: or followed by spaces, this keyword and a space, as a renaming import spells it (`as`). */
  renamedBy?: string;
}

/**
 * The `git grep` patterns for a needle: the words as fixed strings, or one extended regular
 * expression `(w1|w2)[ \t]*[next]`. One alternation, not a pattern per word: git runs the
 * regex engine once per line either way, and a pattern per word multiplies that; it also needs
 * no whitespace variants, which as fixed strings (`T `) matched every file where T begins a
 * sentence in a comment.
 */
export function grepPatterns(needle: TextNeedle): { patterns: string[]; regex: boolean } {
  if (needle.next === undefined) return { patterns: [...needle.words], regex: false };
  if (needle.words.length === 0) return { patterns: [], regex: true };
  const words = needle.words.map(escapeEre);
  const alternation = words.length === 1 ? words[0] : `(${words.join('|')})`;
  const next = `[ \t]*${bracket(needle.next)}`;
  const after = needle.renamedBy === undefined ? next : `(${next}|[ \t]+${escapeEre(needle.renamedBy)}[ \t])`;
  return { patterns: [`${alternation}${after}`], regex: true };
}

/** Identifiers hold letters, digits, `_` and `$`; of those only `$` means something in an ERE. */
function escapeEre(word: string): string {
  return word.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/** A bracket expression for a set of characters: `]` must come first and `-` last to be literal. */
function bracket(chars: string): string {
  const set = [...new Set(chars)];
  const close = set.includes(']') ? ']' : '';
  const dash = set.includes('-') ? '-' : '';
  const rest = set.filter((c) => c !== ']' && c !== '-' && c !== '^').join('');
  const caret = set.includes('^') ? '^' : '';
  return `[${close}${rest}${caret}${dash}]`;
}
