/** Text to match literally in a pattern built from it: `a.md` matches "a.md", not "a-md". */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
