/** JavaScript: TypeScript's tests and conventions, with JavaScript's grammar and file names. */
import { examples, mayDeclareTests, snippetTests, syntax, tests, writing } from './ecmascript.js';
import { typescriptModule } from '../repo/code/typescript.js';
import type { Language } from './types.js';

export const javascript: Language = {
  id: 'javascript',
  aliases: [],
  tests: tests('[cm]?jsx?', ['JavaScript']),
  examples: { ...examples, file: 'src/exact/path.js', testFile: 'test/exact/path.test.js' },
  writing,
  code: typescriptModule,
  snippets: {
    fenceTags: ['js', 'javascript', 'jsx', 'mjs', 'cjs'],
    // A bare fence of JavaScript reads like TypeScript (typescript.ts sniffs it).
    grammar: 'JavaScript',
    // Interfaces and type aliases exist only in the TypeScript grammar; napi rejects a rule naming a kind JavaScript lacks.
    syntax: { ...syntax, typeDeclarations: ['class_declaration'] },
    tests: snippetTests,
    mayDeclareTests,
  },
};
