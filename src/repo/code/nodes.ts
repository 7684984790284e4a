/** Small helpers over ast-grep nodes shared by the language modules. */
import type { SgNode } from '@ast-grep/napi';
import { ensureGrammars, type Parsers } from './grammars.js';

/** 1-based line and column (UTF-16 units, as napi reports) of a node's start. */
export function startOf(node: SgNode): { line: number; column: number } {
  const { start } = node.range();
  return { line: start.line + 1, column: start.column + 1 };
}

/** 1-based last line of a node. */
export function endLineOf(node: SgNode): number {
  return node.range().end.line + 1;
}

/** The first named child of a node (napi has no such accessor). */
export function firstNamed(node: SgNode | null | undefined): SgNode | undefined {
  return node?.namedChildren()[0];
}

/** Named children that are not comments: comments may sit anywhere in a literal. */
export function codeChildren(node: SgNode): SgNode[] {
  return node.namedChildren().filter((child) => child.kind() !== 'comment');
}

/** The nearest ancestor (excluding the node) whose kind is in `kinds`. */
export function nearestAncestor(node: SgNode, kinds: ReadonlySet<string>): SgNode | undefined {
  for (let current = node.parent(); current; current = current.parent()) {
    if (kinds.has(String(current.kind()))) return current;
  }
  return undefined;
}

/** Strips wrapper nodes of the given kinds (parentheses, type annotations) down to the payload. */
export function unwrap(node: SgNode | null | undefined, wrappers: ReadonlySet<string>): SgNode | undefined {
  let current = node ?? undefined;
  while (current && wrappers.has(String(current.kind()))) current = firstNamed(current);
  return current;
}

export function sameNode(a: SgNode | undefined, b: SgNode | undefined): boolean {
  return a !== undefined && b !== undefined && a.id() === b.id();
}

/** A grammar as napi names it (Lang.TypeScript, "go", …). */
export type NapiLang = Parameters<Parsers['kind']>[0];

const validKinds = new Map<string, boolean>();

/**
 * Keeps the node kinds that exist in a grammar: the JavaScript grammar lacks TypeScript-only
 * kinds (`as_expression`, `required_parameter`, …), and napi rejects a rule naming one.
 */
export function kindsIn(grammar: NapiLang, kinds: readonly string[]): string[] {
  return kinds.filter((name) => {
    const key = `${grammar}\0${name}`;
    let valid = validKinds.get(key);
    if (valid === undefined) {
      valid = ensureGrammars().kind(grammar, name) !== 0;
      validKinds.set(key, valid);
    }
    return valid;
  });
}

/** All nodes of any of the kinds that exist in the grammar. */
export function findKinds(root: SgNode, grammar: NapiLang, kinds: readonly string[]): SgNode[] {
  const valid = kindsIn(grammar, kinds);
  return valid.length === 0 ? [] : root.findAll({ rule: { any: valid.map((k) => ({ kind: k })) } });
}
