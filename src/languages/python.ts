/** Python. */
import type { SgNode } from '@ast-grep/napi';
import { pythonModule } from '../repo/code/python.js';
import { lineOf } from './kinds.js';
import type { DeclaredTest, Language, SnippetTest } from './types.js';

export const python: Language = {
  id: 'python',
  aliases: ['py'],
  tests: {
    proseName: /\btest_[A-Za-z0-9_]+/g,
    identifier: { source: String.raw`test_\w+` },
    selectsByPrefix: /^test_/,
    files: {
      named: /(?:^|\/)test_[^/]*\.py$|_test\.py$/,
      grammars: ['python'],
      // pytest collects test_x.py and x_test.py, and the files of test directories.
      grammarOf: (base, inTestDir) => (base.endsWith('.py') && (/^test_|_test\.py$/.test(base) || inTestDir) ? 'python' : undefined),
      declared: declaredTests,
    },
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
  code: pythonModule,
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
      // A module docstring ("Equipment seed loader."): every top-level statement is a string or a comment.
      documentationOnly: (root) => {
        const top = root.children();
        return top.length > 0 && top.every((n) => n.kind() === 'comment' || docstring(n));
      },
      typesOnly,
    },
    tests: snippetTests,
    mayDeclareTests: (text) => text.includes('def') && text.includes('test'),
  },
};

/** A statement that is only a string: a docstring. */
const docstring = (n: SgNode): boolean => n.kind() === 'expression_statement' && n.children().every((c) => c.kind() === 'string');

/** `count: int = 0`: a field declared with its type (shown alone, or in its class). */
const typedField = (n: SgNode): boolean => n.kind() === 'expression_statement' && n.children().every((c) => c.kind() === 'assignment' && c.field('type') !== null);

/**
 * Only shapes: classes whose bodies hold fields, docstrings and `pass` (a `@dataclass`, an `Enum`'s
 * members), or typed fields shown out of their class (`num_failed: int = 0` "after line 71"), with imports.
 */
function typesOnly(root: SgNode): boolean {
  const top = root.children().filter((n) => n.kind() !== 'comment');
  const classOf = (n: SgNode): SgNode | undefined => (n.kind() === 'class_definition' ? n : n.kind() === 'decorated_definition' ? n.field('definition') ?? undefined : undefined);
  const shapeClass = (n: SgNode): boolean => {
    const body = classOf(n)?.field('body');
    return (
      body !== undefined &&
      body !== null &&
      body.children().every((c) => c.kind() === 'comment' || c.kind() === 'pass_statement' || docstring(c) || (c.kind() === 'expression_statement' && c.children().every((a) => a.kind() === 'assignment')))
    );
  };
  return top.some((n) => shapeClass(n) || typedField(n)) && top.every((n) => shapeClass(n) || typedField(n) || /^import_(?:from_)?statement$/.test(String(n.kind())));
}

/** `def test…` functions and `class Test…` classes. */
function declaredTests(root: SgNode): DeclaredTest[] {
  const out: DeclaredTest[] = [];
  for (const fn of root.findAll({ rule: { kind: 'function_definition' } })) {
    const name = fn.field('name')?.text() ?? '';
    if (name.startsWith('test')) out.push({ name, line: lineOf(fn) });
  }
  for (const cls of root.findAll({ rule: { kind: 'class_definition' } })) {
    const name = cls.field('name')?.text() ?? '';
    if (name.startsWith('Test')) out.push({ name, line: lineOf(cls) });
  }
  return out;
}

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
