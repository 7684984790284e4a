/** What TypeScript and JavaScript share: their tests are calls of the same runners' functions. */
import type { SgNode } from '@ast-grep/napi';
import type { Grammar } from '../repo/code/grammars.js';
import { lineOf } from './kinds.js';
import type { DeclaredTest, LanguageExamples, LanguageWriting, SnippetTest, Syntax, Tests } from './types.js';

/**
 * Both languages' tests, whose files are `x.test.<extension>` or `x.spec.<extension>` and parse
 * with `grammars`: titled by strings, so names follow no pattern.
 */
export function tests(extension: string, grammars: readonly Grammar[]): Tests {
  return {
    files: {
      named: new RegExp(String.raw`\.(?:test|spec)\.${extension}$`),
      grammars,
      grammarOf: (base, inTestDir) => ofGrammars(testFileGrammar(base, inTestDir), grammars),
      declared: declaredTests,
    },
    naming: { example: 'component › does the observable thing in this scenario' },
  };
}

function ofGrammars(grammar: Grammar | undefined, grammars: readonly Grammar[]): Grammar | undefined {
  return grammar !== undefined && grammars.includes(grammar) ? grammar : undefined;
}

/**
 * The grammar of a test file of either language: `x.test.ts`, `x.spec.js`, `test-x.mjs`, any
 * such file in a test directory.
 */
function testFileGrammar(base: string, inTestDir: boolean): Grammar | undefined {
  const js = /\.([cm]?[jt]sx?)$/.exec(base);
  if (!js) return undefined;
  const testLike = inTestDir || /[._-](?:test|spec)\.[cm]?[jt]sx?$/.test(base) || /^test[._-]/.test(base) || base.startsWith('test.');
  if (!testLike) return undefined;
  const ext = js[1]!;
  if (ext === 'tsx') return 'Tsx';
  if (ext.endsWith('ts')) return 'TypeScript';
  return 'JavaScript';
}

const RUNNER_FUNCTIONS = new Set(['test', 'it', 'describe', 'suite', 'context', 'specify']);

/** The titles of `test`, `it`, `describe` … calls (with `.only`, `.skip`, `.each(rows)`), where they are literal strings. */
function declaredTests(root: SgNode): DeclaredTest[] {
  const out: DeclaredTest[] = [];
  for (const call of root.findAll({ rule: { kind: 'call_expression' } })) {
    const fn = call.field('function');
    if (!fn || !RUNNER_FUNCTIONS.has(calleeRoot(fn))) continue;
    const first = call.field('arguments')?.children().find((c) => c.isNamed());
    if (!first) continue;
    const title = stringValue(first);
    if (title !== undefined) out.push({ name: title, line: lineOf(call) });
  }
  return out;
}

/** `it` for `it`, `it.only`, `test.skip`, `describe.each(rows)`. */
function calleeRoot(node: SgNode): string {
  let n: SgNode | null = node;
  for (let depth = 0; n && depth < 4; depth++) {
    const kind = n.kind();
    if (kind === 'identifier') return n.text();
    if (kind === 'member_expression') n = n.field('object');
    else if (kind === 'call_expression') n = n.field('function');
    else return '';
  }
  return '';
}

/** A string literal's value, or a template literal's when it has no substitutions. */
function stringValue(node: SgNode): string | undefined {
  const kind = node.kind();
  if (kind === 'string') return unescapeJs(node.text().slice(1, -1));
  if (kind === 'template_string' && !node.children().some((c) => c.kind() === 'template_substitution')) {
    return unescapeJs(node.text().slice(1, -1));
  }
  return undefined;
}

function unescapeJs(s: string): string {
  return s.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e.startsWith('u') && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e.startsWith('x') && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[e] ?? e;
  });
}

/** TypeScript's examples; JavaScript's differ in their file names. */
export const examples: LanguageExamples = {
  file: 'src/exact/path.ts',
  testFile: 'test/exact/path.test.ts',
  typeAssertion: 'expect(x).toBeInstanceOf(ConstantPriority)',
  typeName: 'ConstantPriority instance',
  internalCount: 'obj.items.length',
  symbol: 'createFoo',
};

/** How the prompt writes a test, for either language. */
export const writing: LanguageWriting = {
  fence: 'ts',
  comment: '//',
  test: (body) => ["describe('component', () => {", "  it('does the observable thing in this scenario', () => {", ...body.map((l) => `    ${l}`), '  });', '});'],
};

/** What TypeScript's and JavaScript's grammars share; each module adds its own type declarations. */
export const syntax: Omit<Syntax, 'typeDeclarations'> = {
  call: 'call_expression',
  functionDeclarations: ['function_declaration', 'method_definition'],
  controlFlow: ['if_statement', 'for_statement', 'for_in_statement', 'while_statement', 'switch_statement'],
  registersFlag,
};

/** commander / yargs: `.option("--x")`, `.requiredOption(…)`. */
function registersFlag(call: SgNode): boolean {
  const fn = call.field('function');
  return fn !== null && fn.kind() === 'member_expression' && /^(?:option|requiredOption)$/.test(fn.field('property')?.text() ?? '');
}

const TEST_CALLEES = new Set(['it', 'test', 'describe']);

/** `it('…', () => …)` and `test('…', …)`; `describe` groups tests and is none itself. */
export function snippetTests(root: SgNode): SnippetTest[] {
  const out: SnippetTest[] = [];
  for (const call of root.findAll({ rule: { kind: 'call_expression' } })) {
    const callee = call.field('function');
    const calleeName = callee?.kind() === 'member_expression' ? callee.field('object')?.text() : callee?.text();
    if (!calleeName || !TEST_CALLEES.has(calleeName) || calleeName === 'describe') continue;
    const args = call.field('arguments');
    const title = args?.namedChildren()[0];
    const fn = args?.namedChildren().find((a) => a.kind() === 'arrow_function' || a.kind() === 'function_expression' || a.kind() === 'function');
    const body = fn?.field('body');
    if (!title || !body) continue;
    out.push({ name: title.text().replace(/^['"`]|['"`]$/g, ''), nameNode: title, identifier: false, body });
  }
  return out;
}

/** An `it` or `test` call may be there. */
export function mayDeclareTests(text: string): boolean {
  return text.includes('it') || text.includes('test');
}
