/** Blanks between words, a line continued with a backslash among them (`git -c user.name="A B" \` ⏎ `  add x`). */
const SEP = String.raw`(?:\s|\\(?=\s))+`;
/**
 * Options git takes before its subcommand: `-C <dir>` (quoted, as Windows paths with spaces are),
 * `-c key=value` (`-c user.name="A B"`), `--no-pager`, `--git-dir=…`. Plans write
 * `git -C "E:\repo" commit -m …` as often as `git commit -m …`.
 */
const GLOBAL_OPTIONS = String.raw`(?:${SEP}(?:-[cC]${SEP}(?:"[^"\n]*"|'[^'\n]*'|[^\s"']*(?:"[^"\n]*"|'[^'\n]*')|\S+)|--[a-z][\w-]*(?:=\S+)?|-P))*`;

/** `git <one of names>`, with any global options between: `gitCommand('add|commit')`. */
export function gitCommand(names: string, flags = ''): RegExp {
  return new RegExp(String.raw`\bgit${GLOBAL_OPTIONS}${SEP}(?:${names})\b`, flags);
}
