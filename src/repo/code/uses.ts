/**
 * Where a name is used in one parsed file: the identifiers, fields and properties spelled like it
 * (its own declaration left out), each marked as a call when it is what a call calls; and the
 * string literals that equal a text (a CLI flag's name where the flag is registered). Read from
 * the tree, so comments and longer names never match.
 */
import type { SgNode } from '@ast-grep/napi';
import type { UseKind } from '../types.js';
import { startOf } from './nodes.js';
import { escapeRegExp } from '../../escape-regexp.js';

export interface FileUse {
  line: number;
  column: number;
  kind: UseKind;
  /** A string literal passed to a call: the name of what is called (`IntVar`, `add_argument`). */
  callee?: string | undefined;
}

const NAME_KINDS = new Set(['identifier', 'field_identifier', 'property_identifier', 'shorthand_property_identifier', 'type_identifier']);
const CALLS = new Set(['call_expression', 'call']);
const MEMBERS = new Set(['selector_expression', 'member_expression', 'attribute']);
const STRING_KINDS = new Set(['interpreted_string_literal', 'raw_string_literal', 'string', 'template_string']);


export function usesIn(root: SgNode, name: string): FileUse[] {
  const out: FileUse[] = [];
  // By text, then by kind: the kinds differ between grammars, and a rule naming one a grammar lacks is an error.
  const nodes = root.findAll({ rule: { regex: `^${escapeRegExp(name)}$` } }).filter((node) => NAME_KINDS.has(String(node.kind())));
  for (const node of nodes) {
    const parent = node.parent();
    // The declaration's own name is not a use of it.
    if (parent && sameNode(parent.field('name'), node)) continue;
    if (node.kind() === 'type_identifier') {
      out.push({ ...startOf(node), kind: 'reference' });
      continue;
    }
    const callee = parent && MEMBERS.has(String(parent.kind())) ? parent : node;
    const call = callee.parent();
    const isCall = call !== null && CALLS.has(String(call.kind())) && sameNode(call.field('function'), callee);
    out.push({ ...startOf(node), kind: isCall ? 'call' : 'reference' });
  }
  return out;
}

/**
 * String literals whose text, without quotes, is `text`; with `flag`, also as a flag is written
 * where it is defined: `--text`, `-text`, `--text <n>`, `--text=VALUE` (argparse, commander).
 */
export function literalsIn(root: SgNode, text: string, flag = false): FileUse[] {
  const body = flag ? `-{0,2}${escapeRegExp(text)}(?:[ =][^"'\`]*)?` : escapeRegExp(text);
  const quoted = `^(?:[rbuf]*)?["'\`]${body}["'\`]$`;
  return root
    .findAll({ rule: { regex: quoted } })
    .filter((node) => STRING_KINDS.has(String(node.kind())))
    .map((node) => ({ ...startOf(node), kind: 'string' as const, callee: calleeOf(node) }));
}

/** The name a call calls when the node is one of its arguments (`flags.IntVar(&x, "port", …)` → "IntVar"). */
function calleeOf(node: SgNode): string | undefined {
  const args = node.parent();
  if (!args || !['argument_list', 'arguments'].includes(String(args.kind()))) return undefined;
  const call = args.parent();
  if (!call || !CALLS.has(String(call.kind()))) return undefined;
  const fn = call.field('function');
  if (!fn) return undefined;
  const name = MEMBERS.has(String(fn.kind())) ? (fn.field('field') ?? fn.field('property') ?? fn.field('attribute')) : fn;
  return name?.text();
}

function sameNode(a: SgNode | null, b: SgNode): boolean {
  if (!a) return false;
  const ra = a.range();
  const rb = b.range();
  return ra.start.index === rb.start.index && ra.end.index === rb.end.index;
}
