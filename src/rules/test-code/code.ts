/**
 * Code blocks of a plan, parsed with tree-sitter (through @ast-grep/napi): language detection
 * from the fence info string and the content, tolerant parsing of partial snippets, test-function
 * discovery, and mapping node ranges back to plan lines and columns.
 */
import type { SgNode } from '@ast-grep/napi';
import { functionSignatures } from '../../repo/code/go-sparse.js';
import { ensureGrammars } from '../../repo/code/grammars.js';
import { span } from '../../plan/source.js';
import type { CodeBlock, Plan, Span } from '../../plan/types.js';
import { goBlockMayOffend } from './go-block-filter.js';

export type CodeLang = 'go' | 'typescript' | 'javascript' | 'python';

const INFO_LANGS: Record<string, CodeLang> = {
  go: 'go',
  golang: 'go',
  ts: 'typescript',
  typescript: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  js: 'javascript',
  javascript: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  py: 'python',
  python: 'python',
  python3: 'python',
};

/** Languages whose fences never hold code we analyse. */
const NOT_CODE = new Set(['bash', 'sh', 'shell', 'console', 'zsh', 'yaml', 'yml', 'json', 'markdown', 'md', 'text', 'txt', 'gherkin', 'diff', 'toml', 'csv']);

/** The language of a fence: its info string, or (for bare fences) a sniff of the first lines. */
export function detectLanguage(block: CodeBlock): CodeLang | undefined {
  const cached = languages.get(block);
  if (cached !== undefined) return cached ?? undefined;
  const lang = sniffLanguage(block);
  languages.set(block, lang ?? null);
  return lang;
}

/** Several rules ask for each block's language; the sniff runs once per block. */
const languages = new WeakMap<CodeBlock, CodeLang | null>();

function sniffLanguage(block: CodeBlock): CodeLang | undefined {
  const byInfo = INFO_LANGS[block.lang];
  if (byInfo) return byInfo;
  if (block.lang !== '' && NOT_CODE.has(block.lang)) return undefined;
  if (block.lang !== '') return undefined;
  // Bare ``` fences: a light sniff of declarations is enough to pick a grammar; the parser does the rest.
  const head = block.content.slice(0, 2000);
  if (/^\s*(?:package\s+\w+|func\s+[\w(])/m.test(head)) return 'go';
  if (/^\s*(?:def\s+\w+\s*\(|class\s+\w+.*:\s*$|from\s+\S+\s+import\s)/m.test(head)) return 'python';
  if (/^\s*(?:describe|it|test)\s*\(\s*['"`]/m.test(head)) return 'typescript';
  return undefined;
}

export interface ParsedBlock {
  block: CodeBlock;
  lang: CodeLang;
  root: SgNode;
  /** Lines added in front of the content before parsing (a wrapper), to subtract when mapping back. */
  shift: number;
}

/** The tree-sitter grammar that parses a language's blocks. */
export type CodeGrammar = 'go' | 'python' | 'TypeScript' | 'JavaScript';

export function grammar(lang: CodeLang): CodeGrammar {
  if (lang === 'typescript') return 'TypeScript';
  if (lang === 'javascript') return 'JavaScript';
  return lang;
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

function errorCount(root: SgNode): number {
  return root.findAll(kindOf('go', 'ERROR')).length;
}

/**
 * Go snippets that open (after comments) with a package clause, an import or a named function or
 * method declaration are files or top-level code: inside the `func _() { … }` wrapper that opening
 * is itself a syntax error, so the wrapped parse cannot win and neither parse needs its errors counted.
 */
const GO_TOP_LEVEL_START = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*(?:package\s|import[\s("]|func\s+[A-Za-z_]|func\s*\([^()]*\)\s*[A-Za-z_]\w*\s*[([])/;

/** Untouched parses of a block's content, per grammar: rules that need the plain tree share them. */
const rawTrees = new WeakMap<CodeBlock, Map<string, SgNode | null>>();

/** The block's content parsed as is with a grammar (undefined when the parser throws); parsed once per block. */
export function parseRaw(block: CodeBlock, grammarName: string): SgNode | undefined {
  let trees = rawTrees.get(block);
  if (!trees) {
    trees = new Map();
    rawTrees.set(block, trees);
  }
  const cached = trees.get(grammarName);
  if (cached !== undefined) return cached ?? undefined;
  const napi = ensureGrammars(); // outside the try: a parser that fails to load is an error, not an unparsable block
  let root: SgNode | undefined;
  try {
    root = napi.parse(grammarName, block.content).root();
  } catch {
    root = undefined;
  }
  trees.set(grammarName, root ?? null);
  return root;
}

const cache = new WeakMap<CodeBlock, ParsedBlock | null>();

/**
 * Parse one fenced block. Plan snippets are often partial: Go statements outside any function
 * are wrapped in `func _() { … }` when that parses with fewer errors than the bare snippet.
 */
export function parseBlock(block: CodeBlock): ParsedBlock | undefined {
  const cached = cache.get(block);
  if (cached !== undefined) return cached ?? undefined;
  const lang = detectLanguage(block);
  let result: ParsedBlock | undefined;
  if (lang) {
    const root = parseRaw(block, grammar(lang));
    if (root) {
      result = { block, lang, root, shift: 0 };
      if (lang === 'go' && !GO_TOP_LEVEL_START.test(block.content)) {
        try {
          const errors = errorCount(root);
          if (errors > 0) {
            const wrapped = ensureGrammars().parse('go', `func _() {\n${block.content}\n}`).root();
            if (errorCount(wrapped) < errors) result = { block, lang, root: wrapped, shift: 1 };
          }
        } catch {
          result = undefined;
        }
      }
    }
  }
  cache.set(block, result ?? null);
  return result;
}

/** Parsed code blocks of a plan (only the languages we have grammars for). */
export function parsedBlocks(plan: Plan): ParsedBlock[] {
  const out: ParsedBlock[] = [];
  for (const block of plan.codeBlocks) {
    const parsed = parseBlock(block);
    if (parsed) out.push(parsed);
  }
  return out;
}

/**
 * Column offset of a content line inside the plan line: fences inside list items or blockquotes
 * have their indentation / "> " stripped from the content that markdown-it hands us.
 */
function columnOffset(plan: Plan, block: CodeBlock, contentLineIndex: number): number {
  const planLine = plan.lines[block.contentLine + contentLineIndex - 1] ?? '';
  const contentLine = contentLinesOf(block)[contentLineIndex] ?? '';
  const offset = planLine.length - contentLine.length;
  return offset > 0 && planLine.endsWith(contentLine) ? offset : 0;
}

/** A block's content lines, split once: every span mapped into the block needs two of them. */
const contentLines = new WeakMap<CodeBlock, string[]>();
function contentLinesOf(block: CodeBlock): string[] {
  let lines = contentLines.get(block);
  if (!lines) {
    lines = block.content.split('\n');
    contentLines.set(block, lines);
  }
  return lines;
}

/** The plan span of a node of a parsed block. */
export function nodeSpan(plan: Plan, parsed: ParsedBlock, node: SgNode): Span {
  const r = node.range();
  const startIdx = r.start.line - parsed.shift;
  const endIdx = r.end.line - parsed.shift;
  const startLine = parsed.block.contentLine + Math.max(0, startIdx);
  const endLine = parsed.block.contentLine + Math.max(0, endIdx);
  return span(
    startLine,
    r.start.column + 1 + columnOffset(plan, parsed.block, Math.max(0, startIdx)),
    endLine,
    r.end.column + 1 + columnOffset(plan, parsed.block, Math.max(0, endIdx)),
  );
}

export interface TestFunction {
  parsed: ParsedBlock;
  /** The test's identifier (Go / Python) or its description string (JS/TS `it('…')`). */
  name: string;
  /** The node to point at for the name. */
  nameNode: SgNode;
  /** Whether `name` is an identifier (Go, Python) rather than free text. */
  identifier: boolean;
  /** The test body. */
  body: SgNode;
}

const JS_TEST_CALLEES = new Set(['it', 'test', 'describe']);

/** Test functions in a parsed block: Go `func TestX(t *testing.T)`, Python `def test_x`, JS/TS `it(`/`test(`. */
export function testFunctions(parsed: ParsedBlock): TestFunction[] {
  let tests = testsOf.get(parsed);
  if (!tests) {
    tests = findTestFunctions(parsed);
    testsOf.set(parsed, tests);
  }
  return tests;
}

/** Two rules read each block's tests: found once per parsed block. */
const testsOf = new WeakMap<ParsedBlock, TestFunction[]>();

function findTestFunctions(parsed: ParsedBlock): TestFunction[] {
  const out: TestFunction[] = [];
  const { root, lang } = parsed;
  if (lang === 'go') {
    for (const fn of goFunctionDeclarations(root)) {
      // The name first: helpers and benchmarks are ruled out before their other fields are fetched.
      const name = fn.field('name');
      const nameText = name?.text();
      if (!name || nameText === undefined || !/^Test/.test(nameText)) continue;
      const body = fn.field('body');
      const params = fn.field('parameters');
      if (!body || !params || !takesTestingT(params)) continue;
      out.push({ parsed, name: nameText, nameNode: name, identifier: true, body });
    }
  } else if (lang === 'python') {
    for (const fn of root.findAll({ rule: { kind: 'function_definition' } })) {
      const name = fn.field('name');
      const body = fn.field('body');
      if (!name || !body || !name.text().startsWith('test')) continue;
      out.push({ parsed, name: name.text(), nameNode: name, identifier: true, body });
    }
  } else {
    for (const call of root.findAll({ rule: { kind: 'call_expression' } })) {
      const callee = call.field('function');
      const calleeName = callee?.kind() === 'member_expression' ? callee.field('object')?.text() : callee?.text();
      if (!calleeName || !JS_TEST_CALLEES.has(calleeName) || calleeName === 'describe') continue;
      const args = call.field('arguments');
      const title = args?.namedChildren()[0];
      const fn = args?.namedChildren().find((a) => a.kind() === 'arrow_function' || a.kind() === 'function_expression' || a.kind() === 'function');
      const body = fn?.field('body');
      if (!title || !body) continue;
      out.push({ parsed, name: title.text().replace(/^['"`]|['"`]$/g, ''), nameNode: title, identifier: false, body });
    }
  }
  return out;
}

/**
 * Go declares functions only at the top level of a file, or (after a syntax error) inside an
 * ERROR node there: reading the root's children skips a walk of every function body, which costs
 * about a fifth of the parse.
 */
function goFunctionDeclarations(root: SgNode): SgNode[] {
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

/**
 * Cheap text test before parsing: false only when `testFunctions` cannot find a test in the block
 * (a Go test needs `func`, a `Test` name and `testing.T`; Python `def test…`; JS/TS an `it`/`test`
 * call). Which functions are tests is still decided on the syntax tree.
 */
export function mayDeclareTests(block: CodeBlock): boolean {
  const lang = detectLanguage(block);
  if (!lang) return false;
  const text = block.content;
  if (lang === 'go') return text.includes('func') && text.includes('Test') && text.includes('testing');
  if (lang === 'python') return text.includes('def') && text.includes('test');
  return text.includes('it') || text.includes('test');
}

/** A test as declared: its name and where it is, not its body. */
export type DeclaredTest = Omit<TestFunction, 'body'>;

/** All tests declared in the plan's code blocks (of one language, if given); only blocks that may hold tests are parsed. */
export function planTests(plan: Plan, lang?: CodeLang): DeclaredTest[] {
  const out: DeclaredTest[] = [];
  for (const block of plan.codeBlocks) {
    if ((lang !== undefined && detectLanguage(block) !== lang) || !mayDeclareTests(block)) continue;
    const parsed = parseDeclarations(block);
    if (parsed) out.push(...testFunctions(parsed));
  }
  return out;
}

const declarationTrees = new WeakMap<CodeBlock, ParsedBlock | null>();

/**
 * A block parsed for its test declarations: of a Go file (one that opens with a package clause, an
 * import or a function) only the function signatures, since which functions are tests shows there
 * and most of a test file is bodies; any other block as parseBlock parses it, and so is a Go file
 * that test-assertion-behavioral parses whole anyway (one parse serves both rules).
 */
function parseDeclarations(block: CodeBlock): ParsedBlock | undefined {
  const cached = declarationTrees.get(block);
  if (cached !== undefined) return cached ?? undefined;
  let result: ParsedBlock | undefined;
  const goFile = detectLanguage(block) === 'go' && GO_TOP_LEVEL_START.test(block.content);
  const signatures = goFile && !goBlockMayOffend(block) ? functionSignatures(block.content) : undefined;
  if (signatures !== undefined && signatures !== block.content) {
    const napi = ensureGrammars();
    try {
      result = { block, lang: 'go', root: napi.parse('go', signatures).root(), shift: 0 };
    } catch {
      result = undefined;
    }
  } else {
    result = parseBlock(block);
  }
  declarationTrees.set(block, result ?? null);
  return result;
}
