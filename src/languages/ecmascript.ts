/** What TypeScript and JavaScript share: their tests are calls of the same runners' functions. */
import type { SgNode } from '@ast-grep/napi';
import type { LanguageExamples, LanguageWriting, SnippetTest, Syntax, Tests } from './types.js';

/** Both languages' tests: titled by strings, so names follow no pattern. */
export const tests: Tests = { naming: { example: 'component › does the observable thing in this scenario' } };

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
