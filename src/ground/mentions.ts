/**
 * What a source of work names: code entities and files, read from its inline code spans (with
 * markdown-it, so code in fenced blocks and prose words are not mistaken for names) and from
 * path-like words in prose.
 */
import { commonmark } from '../plan/commonmark.js';

export interface Mentions {
  /** Identifiers as written, e.g. "ClusterSimulator", "sim.Request", "Run()" → "Run". */
  entities: string[];
  /** Paths as written, without line suffixes. */
  files: string[];
  /** Command-line flags as written, without a value: `--cache-signal-delay`. */
  flags: string[];
}

const IDENT = /^(?:[A-Za-z_][\w]*\.)*[A-Za-z_][\w]*(?:\(\))?$/;
const PATH = /^(?:\.\/)?(?:[\w.-]+\/)*[\w.-]+\.[A-Za-z][\w]{0,9}(?::\d+(?:-\d+)?)?$/;
const PROSE_PATH = /(?:^|[\s(])((?:[\w.-]+\/)+[\w.-]+\.[A-Za-z][\w]{0,9})(?::\d+(?:-\d+)?)?(?=[\s),.;:]|$)/g;
/** `--flag`, `--flag=value`, `--flag <n>`: the flag's name. */
const FLAG = /^(--[a-z0-9][a-z0-9-]*)(?:[ =].*)?$/i;
const KEYWORDS = new Set(['true', 'false', 'nil', 'null', 'undefined', 'None', 'True', 'False', 'this', 'self', 'err', 'error', 'string', 'int', 'bool']);

export function findMentions(markdown: string): Mentions {
  const entities = new Set<string>();
  const files = new Set<string>();
  const flags = new Set<string>();
  const visit = (content: string): void => {
    const s = content.trim();
    const flag = FLAG.exec(s);
    if (flag) flags.add(flag[1]!);
    else if (PATH.test(s) && (s.includes('/') || /\.(go|ts|tsx|js|mjs|py|rs|md|json|ya?ml|toml)(?::|$)/.test(s))) {
      files.add(s.replace(/:\d+(?:-\d+)?$/, '').replace(/^\.\//, ''));
    } else if (IDENT.test(s) && !KEYWORDS.has(s)) {
      entities.add(s.replace(/\(\)$/, ''));
    }
  };
  for (const token of commonmark().parse(markdown, {})) {
    if (token.type !== 'inline') continue;
    for (const child of token.children ?? []) {
      if (child.type === 'code_inline') visit(child.content);
      else if (child.type === 'text') {
        PROSE_PATH.lastIndex = 0;
        for (let m = PROSE_PATH.exec(child.content); m; m = PROSE_PATH.exec(child.content)) files.add(m[1]!);
      }
    }
  }
  return { entities: [...entities], files: [...files], flags: [...flags] };
}

/** Names that look like code (so their absence is worth a DEVIATION): CamelCase, dotted, snake_case or called. */
export function looksLikeCode(name: string): boolean {
  return /[A-Z]/.test(name.slice(1)) || /^[A-Z]/.test(name) || name.includes('.') || name.includes('_');
}
