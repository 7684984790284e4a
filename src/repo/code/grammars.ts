/**
 * Parsers: tree-sitter grammars through @ast-grep/napi. TypeScript, Tsx and JavaScript are built
 * in; Go and Python are prebuilt dynamic grammars that must be registered once per process.
 */
import { parse, registerDynamicLanguage, Lang } from '@ast-grep/napi';
import go from '@ast-grep/lang-go';
import python from '@ast-grep/lang-python';

export type Grammar = Lang.TypeScript | Lang.Tsx | Lang.JavaScript | 'go' | 'python';

let registered = false;

/**
 * Idempotent, and the one place the grammars are registered: the code index and the rules that
 * parse a plan's code blocks all call it (napi ignores a second registration of a name).
 */
export function ensureGrammars(): void {
  if (registered) return;
  try {
    parse('go', '');
    parse('python', '');
  } catch {
    registerDynamicLanguage({ go, python });
  }
  registered = true;
}
