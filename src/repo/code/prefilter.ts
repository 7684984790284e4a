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
    let i = at + word.length;
    while (text[i] === ' ' || text[i] === '\t') i++;
    const c = text[i];
    if (c !== undefined && next.includes(c)) return true;
  }
  return false;
}
