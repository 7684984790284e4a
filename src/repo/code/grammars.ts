/**
 * Parsers: tree-sitter grammars through @ast-grep/napi. TypeScript, Tsx and JavaScript are built
 * in; Go and Python are prebuilt dynamic grammars that must be registered once per process.
 */
import { registerDynamicLanguage, Lang } from '@ast-grep/napi';
import go from '@ast-grep/lang-go';
import python from '@ast-grep/lang-python';

export type Grammar = Lang.TypeScript | Lang.Tsx | Lang.JavaScript | 'go' | 'python';

let registered = false;

/** Idempotent: napi refuses a second registration, and several modules may need the grammars. */
export function ensureGrammars(): void {
  if (registered) return;
  registerDynamicLanguage({ go, python });
  registered = true;
}
