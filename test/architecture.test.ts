/**
 * The layering DESIGN.md promises: commands are thin layers in src/cli/ over library modules, and
 * every library module is usable without them — so no module outside src/cli/ imports from it.
 * And what microplan knows of a programming language is in its module under src/languages/:
 * callers ask the registry instead of comparing language names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Module specifiers of static and dynamic imports and re-exports. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)'([^']+)'/g)].map((m) => m[1]!);
}

describe('architecture', () => {
  it('keeps every library module free of imports from src/cli/', () => {
    const cli = join(SRC, 'cli');
    const offenders = sources(SRC)
      .filter((f) => !f.startsWith(cli))
      .flatMap((f) => imports(f).filter((s) => s.startsWith('.') && resolve(join(f, '..'), s).startsWith(cli)).map((s) => `${relative(SRC, f)} imports ${s}`));
    expect(offenders).toEqual([]);
  });

  /** A comparison with a language's or a grammar's name: `lang === 'go'`, `'python' !== x`, `case 'typescript':`. */
  const NAME = String.raw`'(?:go|golang|python|py|typescript|javascript|rust|TypeScript|JavaScript|Tsx)'`;
  const BRANCH = new RegExp(String.raw`(?:===|!==)\s*${NAME}|${NAME}\s*(?:===|!==)|\bcase\s+${NAME}`);
  /** The code index's readers, each answering (through its LanguageModule) for the languages it reads. */
  const READERS = ['repo/code/go.ts', 'repo/code/python.ts', 'repo/code/typescript.ts'];
  /** Branches still to move into the registry (they came with the superpowers rules). */
  const TO_MOVE = ['formats/superpowers/rules/type-consistency.ts', 'repo/code/names.ts'];

  it('keeps branches on language names inside src/languages/', () => {
    const branching = sources(SRC)
      .map((f) => relative(SRC, f).split('\\').join('/'))
      .filter((f) => !f.startsWith('languages/') && !READERS.includes(f))
      .filter((f) => BRANCH.test(readFileSync(join(SRC, f), 'utf8')));
    expect(branching.sort()).toEqual(TO_MOVE);
  });
});
