/**
 * Code blocks of a plan, parsed with tree-sitter (through @ast-grep/napi): language detection
 * from the fence info string and the content, tolerant parsing of partial snippets, test-function
 * discovery, and mapping node ranges back to plan lines and columns.
 */
import type { SgNode } from '@ast-grep/napi';
import { languageForFence, sniffLanguage, type LanguageId, type SnippetLanguage, type SnippetTest } from '../../languages/index.js';
import { kindOf } from '../../languages/kinds.js';
import { ensureGrammars } from '../../repo/code/grammars.js';
import { span } from '../../plan/source.js';
import type { CodeBlock, Plan, Span } from '../../plan/types.js';
import { blockMayOffend } from './go-block-filter.js';

/** The language of a fence: its info string, or (for bare fences) a sniff of the first lines. */
export function detectLanguage(block: CodeBlock): SnippetLanguage | undefined {
  const cached = languages.get(block);
  if (cached !== undefined) return cached ?? undefined;
  const lang = languageOf(block);
  languages.set(block, lang ?? null);
  return lang;
}

/** Several rules ask for each block's language; the sniff runs once per block. */
const languages = new WeakMap<CodeBlock, SnippetLanguage | null>();

function languageOf(block: CodeBlock): SnippetLanguage | undefined {
  // An info string names the language, or a language microplan does not parse.
  if (block.lang !== '') return languageForFence(block.lang);
  // Bare ``` fences: a light sniff of declarations is enough to pick a grammar; the parser does the rest.
  return sniffLanguage(block.content.slice(0, 2000));
}

export interface ParsedBlock {
  block: CodeBlock;
  language: SnippetLanguage;
  /** The language's id. */
  lang: LanguageId;
  root: SgNode;
  /** Lines added in front of the content before parsing (a wrapper), to subtract when mapping back. */
  shift: number;
}

function errorCount(root: SgNode, grammar: string): number {
  return root.findAll(kindOf(grammar, 'ERROR')).length;
}

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
  const language = detectLanguage(block);
  let result: ParsedBlock | undefined;
  if (language) {
    const { grammar, partial } = language.snippets;
    const root = parseRaw(block, grammar);
    if (root) {
      result = { block, language, lang: language.id, root, shift: 0 };
      if (partial && !partial.opensTopLevel(block.content)) {
        try {
          const errors = errorCount(root, grammar);
          if (errors > 0) {
            const wrapped = ensureGrammars().parse(grammar, partial.wrap(block.content)).root();
            if (errorCount(wrapped, grammar) < errors) result = { block, language, lang: language.id, root: wrapped, shift: partial.linesBefore };
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

/** A test a parsed block declares. */
export interface TestFunction extends SnippetTest {
  parsed: ParsedBlock;
}

/** Test functions in a parsed block: Go `func TestX(t *testing.T)`, Python `def test_x`, JS/TS `it(`/`test(`. */
export function testFunctions(parsed: ParsedBlock): TestFunction[] {
  let tests = testsOf.get(parsed);
  if (!tests) {
    tests = parsed.language.snippets.tests(parsed.root).map((t) => ({ parsed, ...t }));
    testsOf.set(parsed, tests);
  }
  return tests;
}

/** Two rules read each block's tests: found once per parsed block. */
const testsOf = new WeakMap<ParsedBlock, TestFunction[]>();

/**
 * Cheap text test before parsing: false only when `testFunctions` cannot find a test in the block
 * (a Go test needs `func`, a `Test` name and `testing.T`; Python `def test…`; JS/TS an `it`/`test`
 * call). Which functions are tests is still decided on the syntax tree.
 */
export function mayDeclareTests(block: CodeBlock): boolean {
  return detectLanguage(block)?.snippets.mayDeclareTests(block.content) ?? false;
}

/** A test as declared: its name and where it is, not its body. */
export type DeclaredTest = Omit<TestFunction, 'body'>;

/** All tests declared in the plan's code blocks (of one language, if given); only blocks that may hold tests are parsed. */
export function planTests(plan: Plan, language?: SnippetLanguage): DeclaredTest[] {
  const out: DeclaredTest[] = [];
  for (const block of plan.codeBlocks) {
    if ((language !== undefined && detectLanguage(block) !== language) || !mayDeclareTests(block)) continue;
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
  const language = detectLanguage(block);
  // A file (it opens at the top level) in a language whose signatures can be cut out.
  const file = language?.snippets.signatures !== undefined && language.snippets.partial?.opensTopLevel(block.content) === true;
  const signatures = language && file && !blockMayOffend(block, language.id) ? language.snippets.signatures?.(block.content) : undefined;
  if (language && signatures !== undefined && signatures !== block.content) {
    const napi = ensureGrammars();
    try {
      result = { block, language, lang: language.id, root: napi.parse(language.snippets.grammar, signatures).root(), shift: 0 };
    } catch {
      result = undefined;
    }
  } else {
    result = parseBlock(block);
  }
  declarationTrees.set(block, result ?? null);
  return result;
}
