/**
 * Implementation code of a plan's tasks, parsed with tree-sitter grammars through @ast-grep/napi
 * (never regular expressions over code): the compact-format rules look for new types, new CLI
 * flags and control flow in it.
 */
import type { SgNode } from '@ast-grep/napi';
import { kindOf } from '../../languages/kinds.js';
import { detectLanguage, parseRaw } from '../test-code/code.js';
import { span } from '../../plan/source.js';
import type { CodeBlock, Plan, Span } from '../../plan/types.js';

/** The implementation code blocks of every task: compact **Impl:** blocks and full-format implement steps. */
export function implBlocks(plan: Plan): CodeBlock[] {
  const out = new Set<CodeBlock>();
  for (const t of plan.tasks) {
    for (const b of t.compact?.impl ?? []) out.add(b);
    for (const s of t.steps) if (s.kind === 'implement') for (const b of s.codeBlocks) out.add(b);
  }
  return [...out];
}

export interface CodeHit {
  what: string;
  span: Span;
}

export interface CodeFacts {
  types: CodeHit[];
  flags: CodeHit[];
  logic: CodeHit[];
}

function hit(block: CodeBlock, node: SgNode, what: string): CodeHit {
  const r = node.range();
  const line = block.contentLine + r.start.line;
  return { what, span: span(line, r.start.column + 1, line, r.start.column + 1 + Math.min(node.text().split('\n')[0]!.length, 80)) };
}

/** New types, flag registrations and control flow in the given blocks. Unparseable blocks are skipped. */
export function codeFacts(blocks: readonly CodeBlock[]): CodeFacts {
  const facts: CodeFacts = { types: [], flags: [], logic: [] };
  for (const block of blocks) {
    // The block's language, by the same detection the test-code rules use (fence info string, or a sniff of a bare fence).
    const snippets = detectLanguage(block)?.snippets;
    if (!snippets) continue;
    const { grammar, syntax } = snippets;
    // The plain tree the test-code rules parse too (each block is parsed once per plan).
    const root = parseRaw(block, grammar);
    if (!root) continue;
    for (const kind of syntax.typeDeclarations) {
      for (const n of root.findAll(kindOf(grammar, kind))) {
        const name = n.field('name')?.text() ?? n.text().split(/\s/)[0] ?? '';
        facts.types.push(hit(block, n, name));
      }
    }
    for (const n of root.findAll(kindOf(grammar, syntax.call))) {
      if (syntax.registersFlag(n)) facts.flags.push(hit(block, n, n.field('function')?.text() ?? ''));
    }
    for (const kind of syntax.controlFlow) {
      for (const n of root.findAll(kindOf(grammar, kind))) facts.logic.push(hit(block, n, `${kind.replace(/_statement$/, '').replace(/_/g, ' ')} statement`));
    }
  }
  for (const list of [facts.types, facts.flags, facts.logic]) list.sort((a, b) => a.span.start.line - b.span.start.line);
  return facts;
}
