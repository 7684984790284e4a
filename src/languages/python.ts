/** Python. */
import type { SgNode } from '@ast-grep/napi';
import type { Language, SnippetTest } from './types.js';

export const python: Language = {
  id: 'python',
  aliases: ['py'],
  tests: {
    proseName: /\btest_[A-Za-z0-9_]+/g,
    naming: { pattern: '^test_[a-z0-9]+_[a-z0-9_]+$', example: 'test_component_scenario_behavior' },
  },
  examples: {
    file: 'exact/path.py',
    testFile: 'tests/test_path.py',
    typeAssertion: 'isinstance(x, ConstantPriority)',
    typeName: 'ConstantPriority instance',
    internalCount: 'len(obj._items)',
    symbol: 'make_foo',
  },
  writing: {
    fence: 'python',
    comment: '#',
    test: (body) => ['def test_component_scenario_behavior():', ...body.map((l) => `    ${l}`)],
  },
  snippets: {
    fenceTags: ['py', 'python', 'python3'],
    sniff: /^\s*(?:def\s+\w+\s*\(|class\s+\w+.*:\s*$|from\s+\S+\s+import\s)/m,
    grammar: 'python',
    syntax: {
      call: 'call',
      typeDeclarations: ['class_definition'],
      functionDeclarations: ['function_definition'],
      controlFlow: ['if_statement', 'for_statement', 'while_statement', 'match_statement'],
      // argparse: `parser.add_argument("--x")`.
      registersFlag: (call) => {
        const fn = call.field('function');
        return fn !== null && fn.kind() === 'attribute' && fn.field('attribute')?.text() === 'add_argument';
      },
    },
    tests: snippetTests,
    mayDeclareTests: (text) => text.includes('def') && text.includes('test'),
  },
};

/** `def test…`. */
function snippetTests(root: SgNode): SnippetTest[] {
  const out: SnippetTest[] = [];
  for (const fn of root.findAll({ rule: { kind: 'function_definition' } })) {
    const name = fn.field('name');
    const body = fn.field('body');
    if (!name || !body || !name.text().startsWith('test')) continue;
    out.push({ name: name.text(), nameNode: name, identifier: true, body });
  }
  return out;
}
