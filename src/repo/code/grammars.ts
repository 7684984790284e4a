/**
 * Parsers: tree-sitter grammars through @ast-grep/napi. TypeScript, Tsx and JavaScript are built
 * in; Go and Python are prebuilt dynamic grammars that must be registered once per process.
 *
 * This module is the one door to napi for the repository layer, and it opens lazily: napi and the
 * grammar packages are CommonJS, and `require` loads them in ~15 ms where an ESM `import` takes
 * ~40 (Node translates every CommonJS module it imports); loading on first use also lets a caller
 * start `git grep` first and load the parser while git works.
 */
import Module, { createRequire } from 'node:module';
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
    napi.registerDynamicLanguage(
      withLazyChildProcess(() => ({
        go: require('@ast-grep/lang-go') as Napi.DynamicLangRegistrations[string],
        python: require('@ast-grep/lang-python') as Napi.DynamicLangRegistrations[string],
      })),
    );
  }
  loaded = napi;
  return napi;
}

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;

/**
 * Runs `load` with `node:child_process` handed out as a stand-in that loads the real module on
 * first use. The grammar packages require @ast-grep/setup-lang, which requires child_process at
 * load for its postinstall build and never calls it at run time; loading it (with net, dgram and
 * the rest) cost a lint that parses a plan's code ~8 ms of CPU — more than usual, as `lint` sets
 * V8 flags that make Node compile its own modules without their code cache (bin/code-cache.cjs).
 * Module._load is what `require` calls; where it is missing, `load` runs as it is.
 */
function withLazyChildProcess<T>(load: () => T): T {
  const loader = Module as unknown as { _load?: Load };
  const original = loader._load;
  if (typeof original !== 'function') return load();
  let real: Record<PropertyKey, unknown> | undefined;
  const realModule = (): Record<PropertyKey, unknown> => (real ??= original('node:child_process', null, false) as Record<PropertyKey, unknown>);
  const standIn = new Proxy(
    {},
    {
      get: (_, key) => realModule()[key],
      has: (_, key) => key in realModule(),
      ownKeys: () => Reflect.ownKeys(realModule()),
      getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(realModule(), key),
    },
  );
  loader._load = function (this: unknown, request, parent, isMain) {
    return request === 'node:child_process' || request === 'child_process' ? standIn : original.call(this, request, parent, isMain);
  };
  try {
    return load();
  } finally {
    loader._load = original;
  }
}
