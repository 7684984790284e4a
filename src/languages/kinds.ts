/** Node kinds of the grammars, as napi numbers, and positions of nodes. */
import type { SgNode } from '@ast-grep/napi';
import { ensureGrammars } from '../repo/code/grammars.js';

/** The 1-based line a node starts on. */
export function lineOf(node: SgNode): number {
  return node.range().start.line + 1;
}

/** Node kinds as numbers (per grammar): a numeric matcher skips building a rule for every query. */
const kindIds = new Map<string, number>();
export function kindOf(lang: string, name: string): number {
  const key = `${lang}:${name}`;
  let id = kindIds.get(key);
  if (id === undefined) {
    id = ensureGrammars().kind(lang, name);
    kindIds.set(key, id);
  }
  return id;
}
