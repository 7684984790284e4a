/** TypeScript. */
import { examples, mayDeclareTests, snippetTests, syntax, tests, writing } from './ecmascript.js';
import { kindOf } from './kinds.js';
import { typescriptModule } from '../repo/code/typescript.js';
import type { SgNode } from '@ast-grep/napi';
import type { Language } from './types.js';

/** Declarations that give a shape and no behaviour. */
const SHAPES: ReadonlySet<string> = new Set(['interface_declaration', 'type_alias_declaration']);

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
      // `export interface ProfileRow { … }`, `type Mode = 'a' | 'b'`, with the imports they need.
      typesOnly: (root) => {
        const top = root.children().filter((n) => n.kind() !== 'comment');
        const shape = (n: SgNode): boolean => SHAPES.has(String(n.kind())) || (n.kind() === 'export_statement' && n.children().some((c) => SHAPES.has(String(c.kind()))));
        return top.some(shape) && top.every((n) => shape(n) || n.kind() === 'import_statement');
      },
    },
    tests: snippetTests,
    mayDeclareTests,
  },
};
