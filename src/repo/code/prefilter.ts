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
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    // `MIMEHeader{` is not `Header{`: the word must not continue an identifier.
    if (at > 0 && isIdentifierChar(text.charCodeAt(at - 1))) continue;
    let i = at + word.length;
    while (text[i] === ' ' || text[i] === '\t') i++;
    const c = text[i];
    if (c !== undefined && next.includes(c)) return true;
  }
  return false;
}

/** ASCII letters, digits, `_` and `$`: a conservative "inside an identifier" test (non-ASCII letters keep the file). */
function isIdentifierChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x24
  );
}

/**
 * Literal strings for `git grep -F` that every file passing `occursBefore(text, word, next)` contains:
 * the word followed by one of `next`, or by a space or tab (whitespace runs are checked afterwards).
 */
export function grepNeedles(word: string, next: string): string[] {
  return [...next, ' ', '\t'].map((c) => `${word}${c}`);
}
