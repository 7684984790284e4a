/** Go. */
import type { SgNode } from '@ast-grep/napi';
import { goModule } from '../repo/code/go.js';
import { functionSignatures } from '../repo/code/go-sparse.js';
import { kindOf, lineOf } from './kinds.js';
import type { DeclaredTest, Language, SnippetTest } from './types.js';

/**
 * Go snippets that open (after comments) with a package clause, an import or a named function or
 * method declaration are files or top-level code: inside the `func _() { … }` wrapper that opening
 * is itself a syntax error, so the wrapped parse cannot win and neither parse needs its errors counted.
 */
const TOP_LEVEL_START = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*(?:package\s|import[\s("]|func\s+[A-Za-z_]|func\s*\([^()]*\)\s*[A-Za-z_]\w*\s*[([])/;

/** Top-level declarations that give a shape and no behaviour, with what they need around them. */
const GO_SHAPES: ReadonlySet<string> = new Set(['type_declaration', 'const_declaration', 'import_declaration', 'package_clause']);

export const go: Language = {
  id: 'go',
  aliases: ['golang'],
  tests: {
    proseName: /\bTest[A-Z0-9_][A-Za-z0-9_]*/g,
    identifier: { source: String.raw`(?:Test|Benchmark|Fuzz)[A-Z0-9_]\w*`, subtests: String.raw`(?:\/[\w-]+)*` },
    parentTest: (name) => (/^(?:Test|Benchmark|Fuzz)\w*\//.test(name) ? name.slice(0, name.indexOf('/')) : undefined),
    selectsByPrefix: /^(?:Test|Benchmark|Fuzz)/,
    files: {
      named: /_test\.go$/,
      grammars: ['go'],
      // The go tool compiles tests from _test.go files only.
      grammarOf: (base) => (base.endsWith('_test.go') ? 'go' : undefined),
      declared: declaredTests,
    },
    naming: { pattern: '^Test[A-Z][A-Za-z0-9]*_[A-Za-z0-9]+_[A-Za-z0-9_]+$', example: 'TestType_Scenario_Behavior' },
  },
  examples: {
    file: 'exact/path.go',
    testFile: 'exact/path_test.go',
    typeAssertion: 'x.(*T)',
    typeName: '*ConstantPriority',
    internalCount: 'len(obj.items)',
    symbol: 'NewFoo',
  },
  writing: {
    fence: 'go',
    comment: '//',
    test: (body) => ['func TestComponent_Scenario_Behavior(t *testing.T) {', ...body.map((l) => `\t${l}`), '}'],
  },
  code: goModule,
  snippets: {
    fenceTags: ['go', 'golang'],
    sniff: /^\s*(?:package\s+\w+|func\s+[\w(])/m,
    grammar: 'go',
    partial: {
      opensTopLevel: (text) => TOP_LEVEL_START.test(text),
      wrap: (text) => `func _() {\n${text}\n}`,
      linesBefore: 1,
    },
    syntax: {
      call: 'call_expression',
      typeDeclarations: ['type_spec'],
      functionDeclarations: ['function_declaration', 'method_declaration'],
      controlFlow: ['if_statement', 'for_statement', 'expression_switch_statement', 'type_switch_statement', 'select_statement'],
      // `tokens int` in a struct.
      fieldNames: (root) =>
        root.findAll(kindOf('go', 'field_declaration')).flatMap((f) => f.children().filter((c) => c.kind() === 'field_identifier').map((c) => c.text())),
      packages: {
        common: [
          'bufio', 'bytes', 'context', 'errors', 'exec', 'filepath', 'flag', 'fmt', 'http', 'io', 'json', 'log', 'logrus',
          'math', 'os', 'path', 'rand', 'reflect', 'regexp', 'slog', 'sort', 'strconv', 'strings', 'sync', 'testing', 'time',
          'url', 'yaml', 'cobra', 'atomic', 'slices', 'maps', 'runtime', 'signal', 'csv', 'heap', 'utf8', 'assert', 'require',
        ],
        declaredIn: packagesIn,
      },
      registersFlag,
      // `type Kind string`, a `const ( … )` block of its values, `type Descriptor struct { … }`.
      typesOnly: (root) => {
        const top = root.children().filter((n) => n.kind() !== 'comment');
        return top.some((n) => n.kind() === 'type_declaration') && top.every((n) => GO_SHAPES.has(String(n.kind())));
      },
    },
    signatures: functionSignatures,
    tests: snippetTests,
    // A test needs `func`, a `Test` name and `testing.T`.
    mayDeclareTests: (text) => text.includes('func') && text.includes('Test') && text.includes('testing'),
  },
};

/** Test, benchmark, fuzz and example functions, and `t.Run` subtests. */
function declaredTests(root: SgNode): DeclaredTest[] {
  const out: DeclaredTest[] = [];
  for (const fn of root.findAll({ rule: { kind: 'function_declaration' } })) {
    const name = fn.field('name')?.text() ?? '';
    if (/^(?:Test|Benchmark|Fuzz|Example)/.test(name)) out.push({ name, line: lineOf(fn) });
  }
  // Subtests: t.Run("name", …). Go reports them with spaces turned into underscores.
  for (const call of root.findAll({ rule: { kind: 'call_expression' } })) {
    const fn = call.field('function');
    if (fn?.kind() !== 'selector_expression' || fn.field('field')?.text() !== 'Run') continue;
    const first = call.field('arguments')?.children().find((c) => c.isNamed());
    if (!first || (first.kind() !== 'interpreted_string_literal' && first.kind() !== 'raw_string_literal')) continue;
    const name = first.text().slice(1, -1);
    out.push({ name, line: lineOf(call) }, { name: name.replace(/\s/g, '_'), line: lineOf(call) });
  }
  return out;
}

/** The package clause's name, and each import's alias or the last element of its path. */
function packagesIn(root: SgNode): string[] {
  const out = root.findAll(kindOf('go', 'package_identifier')).map((p) => p.text());
  for (const spec of root.findAll(kindOf('go', 'import_spec'))) {
    const path = spec.field('path')?.text().replace(/"/g, '') ?? '';
    const alias = spec.field('name')?.text();
    out.push(alias ?? path.split('/').pop() ?? '');
  }
  return out;
}

/** pflag / flag registration methods: String, IntVar, Float64VarP, BoolP, DurationVar … */
const FLAG_METHOD = /^(?:String|Int|Int64|Int32|Uint|Uint64|Float64|Float32|Bool|Duration|StringSlice|StringArray|IntSlice|StringToString)(?:Var)?P?$/;

/** `cmd.Flags().StringVar(…)`, `flag.Int(…)`, `fs.BoolP(…)`. */
function registersFlag(call: SgNode): boolean {
  const fn = call.field('function');
  if (!fn || fn.kind() !== 'selector_expression') return false;
  const method = fn.field('field')?.text() ?? '';
  const operand = fn.field('operand')?.text() ?? '';
  return FLAG_METHOD.test(method) && (/Flags\(\)$/.test(operand) || /^(?:flag|pflag|flags|fs|flagSet)$/.test(operand));
}

/** `func TestX(t *testing.T)`: benchmarks and helpers are not tests. */
function snippetTests(root: SgNode): SnippetTest[] {
  const out: SnippetTest[] = [];
  for (const fn of functionDeclarations(root)) {
    // The name first: helpers and benchmarks are ruled out before their other fields are fetched.
    const name = fn.field('name');
    const nameText = name?.text();
    if (!name || nameText === undefined || !/^Test/.test(nameText)) continue;
    const body = fn.field('body');
    const params = fn.field('parameters');
    if (!body || !params || !takesTestingT(params)) continue;
    out.push({ name: nameText, nameNode: name, identifier: true, body });
  }
  return out;
}

/**
 * Go declares functions only at the top level of a file, or (after a syntax error) inside an
 * ERROR node there: reading the root's children skips a walk of every function body, which costs
 * about a fifth of the parse.
 */
function functionDeclarations(root: SgNode): SgNode[] {
  const out: SgNode[] = [];
  for (const child of root.children()) {
    const kind = child.kind();
    if (kind === 'function_declaration') out.push(child);
    else if (kind === 'ERROR') out.push(...child.findAll(kindOf('go', 'function_declaration')));
  }
  return out;
}

/** `(t *testing.T)` — the parameter that makes a Go function a test (benchmarks and helpers are not). */
function takesTestingT(params: SgNode): boolean {
  return params
    .findAll(kindOf('go', 'qualified_type'))
    .some((q) => q.text().replace(/\s+/g, '') === 'testing.T');
}
