/** TypeScript. */
import { examples, mayDeclareTests, snippetTests, syntax, tests, writing } from './ecmascript.js';
import { kindOf } from './kinds.js';
import { typescriptModule } from '../repo/code/typescript.js';
import type { Language } from './types.js';

export const typescript: Language = {
  id: 'typescript',
  aliases: [],
  tests: tests('[cm]?tsx?', ['TypeScript', 'Tsx']),
  examples,
  writing,
  code: typescriptModule,
  snippets: {
    fenceTags: ['ts', 'typescript', 'tsx', 'mts', 'cts'],
    // A bare fence of test code: `describe('…'`, `it("…"`.
    sniff: /^\s*(?:describe|it|test)\s*\(\s*['"`]/m,
    grammar: 'TypeScript',
    syntax: {
      ...syntax,
      typeDeclarations: ['class_declaration', 'interface_declaration', 'type_alias_declaration'],
      // `private tokens = 0`, `tokens: number` in a class.
      fieldNames: (root) =>
        root
          .findAll(kindOf('TypeScript', 'public_field_definition'))
          .map((f) => f.field('name')?.text() ?? '')
          .filter((name) => name !== ''),
    },
    tests: snippetTests,
    mayDeclareTests,
  },
};
