/**
 * The layering DESIGN.md promises: commands are thin layers in src/cli/ over library modules, and
 * every library module is usable without them — so no module outside src/cli/ imports from it.
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
});
