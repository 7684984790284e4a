/**
 * Implementation code of a plan's tasks, parsed with tree-sitter grammars through @ast-grep/napi
 * (never regular expressions over code): the compact-format rules look for new types, new CLI
 * flags and control flow in it.
 */
import type { SgNode } from '@ast-grep/napi';
import type { SnippetGrammar as CodeGrammar } from '../../languages/index.js';
import { kindOf } from '../../languages/kinds.js';
import { detectLanguage, parseRaw } from '../test-code/code.js';
import { span } from '../../plan/source.js';
import type { CodeBlock, Plan, Span } from '../../plan/types.js';

/** The block's grammar, by the same detection the test-code rules use (fence info string, or a sniff of a bare fence). */
function grammarOf(block: CodeBlock): CodeGrammar | undefined {
  return detectLanguage(block)?.snippets.grammar;
}

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

const TYPE_KINDS: Record<CodeGrammar, string[]> = {
  go: ['type_spec'],
  python: ['class_definition'],
  TypeScript: ['class_declaration', 'interface_declaration', 'type_alias_declaration'],
  JavaScript: ['class_declaration'],
};
const LOGIC_KINDS: Record<CodeGrammar, string[]> = {
  go: ['if_statement', 'for_statement', 'expression_switch_statement', 'type_switch_statement', 'select_statement'],
  python: ['if_statement', 'for_statement', 'while_statement', 'match_statement'],
  TypeScript: ['if_statement', 'for_statement', 'for_in_statement', 'while_statement', 'switch_statement'],
  JavaScript: ['if_statement', 'for_statement', 'for_in_statement', 'while_statement', 'switch_statement'],
};
/** pflag / flag registration methods: String, IntVar, Float64VarP, BoolP, DurationVar … */
const FLAG_METHOD = /^(?:String|Int|Int64|Int32|Uint|Uint64|Float64|Float32|Bool|Duration|StringSlice|StringArray|IntSlice|StringToString)(?:Var)?P?$/;

function hit(block: CodeBlock, node: SgNode, what: string): CodeHit {
  const r = node.range();
  const line = block.contentLine + r.start.line;
  return { what, span: span(line, r.start.column + 1, line, r.start.column + 1 + Math.min(node.text().split('\n')[0]!.length, 80)) };
}

function isFlagCall(grammar: CodeGrammar, call: SgNode): boolean {
  const fn = call.field('function');
  if (!fn) return false;
  if (grammar === 'go') {
    if (fn.kind() !== 'selector_expression') return false;
    const method = fn.field('field')?.text() ?? '';
    const operand = fn.field('operand')?.text() ?? '';
    return FLAG_METHOD.test(method) && (/Flags\(\)$/.test(operand) || /^(?:flag|pflag|flags|fs|flagSet)$/.test(operand));
  }
  if (grammar === 'python') return fn.kind() === 'attribute' && fn.field('attribute')?.text() === 'add_argument';
  // commander / yargs: .option("--x"), .requiredOption(...)
  return fn.kind() === 'member_expression' && /^(?:option|requiredOption)$/.test(fn.field('property')?.text() ?? '');
}

/** New types, flag registrations and control flow in the given blocks. Unparseable blocks are skipped. */
export function codeFacts(blocks: readonly CodeBlock[]): CodeFacts {
  const facts: CodeFacts = { types: [], flags: [], logic: [] };
  for (const block of blocks) {
    const grammar = grammarOf(block);
    if (!grammar) continue;
    // The plain tree the test-code rules parse too (each block is parsed once per plan).
    const root = parseRaw(block, grammar);
    if (!root) continue;
    for (const kind of TYPE_KINDS[grammar]) {
      for (const n of root.findAll(kindOf(grammar, kind))) {
        const name = n.field('name')?.text() ?? n.text().split(/\s/)[0] ?? '';
        facts.types.push(hit(block, n, name));
      }
    }
    const callKind = grammar === 'python' ? 'call' : 'call_expression';
    for (const n of root.findAll(kindOf(grammar, callKind))) {
      if (isFlagCall(grammar, n)) facts.flags.push(hit(block, n, n.field('function')?.text() ?? ''));
    }
    for (const kind of LOGIC_KINDS[grammar]) {
      for (const n of root.findAll(kindOf(grammar, kind))) facts.logic.push(hit(block, n, `${kind.replace(/_statement$/, '').replace(/_/g, ' ')} statement`));
    }
  }
  for (const list of [facts.types, facts.flags, facts.logic]) list.sort((a, b) => a.span.start.line - b.span.start.line);
  return facts;
}
