/**
 * Parsers: tree-sitter grammars through @ast-grep/napi. TypeScript, Tsx and JavaScript are built
 * in; Go and Python are prebuilt dynamic grammars that must be registered once per process.
 *
 * This module is the one door to napi for the repository layer, and it opens lazily: napi and the
 * grammar packages are CommonJS, and `require` loads them in ~15 ms where an ESM `import` takes
 * ~40 (Node translates every CommonJS module it imports); loading on first use also lets a caller
 * start `git grep` first and load the parser while git works.
 */
import { createRequire } from 'node:module';
import type * as Napi from '@ast-grep/napi';

/** A grammar as napi names it: its built-in `Lang` values are these strings. */
export type Grammar = 'TypeScript' | 'Tsx' | 'JavaScript' | 'go' | 'python';

export type Parsers = typeof Napi;

let loaded: Parsers | undefined;

/**
 * napi with every grammar registered, loaded on first call. Idempotent, and the one place the
 * grammars are registered: the code index, the verifier and the rules that parse a plan's code
 * blocks all call it.
 */
export function ensureGrammars(): Parsers {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const napi = require('@ast-grep/napi') as Parsers;
  try {
    // Registered already when another copy of this module loaded first (tests load src and dist).
    napi.parse('go', '');
    napi.parse('python', '');
  } catch {
    napi.registerDynamicLanguage({
      go: require('@ast-grep/lang-go') as Napi.DynamicLangRegistrations[string],
      python: require('@ast-grep/lang-python') as Napi.DynamicLangRegistrations[string],
    });
  }
  loaded = napi;
  return napi;
}
