#!/usr/bin/env node
/**
 * Bundles the command line into dist/bundle/ (run by `npm run build`, after tsc has type-checked
 * and emitted dist/ for library users). Why: Node 20 spends ~0.6 ms per ES module it loads, and a
 * lint run loads ~200 of them (our files, markdown-it's, tinyglobby's…), a `sites` run ~60. One
 * bundle with a chunk per lazily loaded command makes that a handful.
 *
 * `microplan lint`, the call agents and hooks make on every plan, gets a bundle of its own,
 * dist/bundle/lint.cjs (src/cli/lint-main.ts: the program with `lint` alone): one CommonJS file,
 * so bin/microplan.js can compile it through node:vm with a V8 code cache — Node 20 has no code
 * cache for ES modules, and compiling the ~1 MB a lint loads was most of its start-up.
 *
 * The native tree-sitter packages stay outside (src/repo/code/grammars.ts requires them at run
 * time), and so does every package our code loads with `createRequire` on purpose. Bundled
 * CommonJS code calls `require` for Node's built-ins, which an ES module lacks: the banner gives
 * each chunk one.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;

// What this build is, for caches of its results (src/format/meta.ts reads it): the sources, the
// locked dependencies and this script, so any change to them starts new caches.
const id = createHash('sha256');
for (const file of readdirSync(`${root}src`, { recursive: true, encoding: 'utf8' }).sort()) {
  if (file.endsWith('.ts')) id.update(`${file}\0`).update(readFileSync(`${root}src/${file}`)).update('\0');
}
id.update(readFileSync(`${root}package-lock.json`));
// And how they are bundled: bin/code-cache.cjs keys V8 code caches on this id.
id.update(readFileSync(fileURLToPath(import.meta.url)));
writeFileSync(`${root}dist/build-id.json`, `${JSON.stringify({ id: id.digest('hex').slice(0, 16) })}\n`);

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Depth matters: src/format/meta.ts finds package.json two directories up, as from dist/format/.
  chunkNames: '[name]-[hash]',
  external: ['@ast-grep/napi', '@ast-grep/lang-go', '@ast-grep/lang-python'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});

/**
 * Modules the lint bundle names but a plain lint never runs, loaded on first use instead of at
 * start-up: Node's child_process (commander's executable subcommands, git for --repo; it loads
 * net, dgram and more, ~5 ms of CPU) and fs/promises (--fix; ~4 ms), and the HTML entity tables
 * markdown-it decodes `&…;` with (built at load, ~3 ms). Each becomes a stand-in module whose
 * exports are getters that require the real one.
 */
const LAZY = /^(?:node:child_process|node:fs\/promises|entities)$/;
const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    b.onResolve({ filter: LAZY }, (args) =>
      // The stand-in's own require is of the real module.
      args.pluginData === 'lazy' ? undefined : { path: args.path, namespace: 'lazy', pluginData: { resolveDir: args.resolveDir } },
    );
    b.onLoad({ filter: LAZY, namespace: 'lazy' }, async (args) => {
      const { resolveDir } = args.pluginData;
      // Every export of the module the importer would get, so that no name can go missing.
      const real = await b.resolve(args.path, { resolveDir, kind: 'import-statement', pluginData: 'lazy' });
      const names = Object.keys(await import(real.external ? real.path : pathToFileURL(real.path).href)).filter((n) => n !== 'default');
      const spec = JSON.stringify(args.path);
      const getters = names.map((n) => `  get ${JSON.stringify(n)}() { return load()[${JSON.stringify(n)}]; },`);
      return {
        contents: `let real;\nconst load = () => (real ??= require(${spec}));\nmodule.exports = {\n${getters.join('\n')}\n};\n`,
        loader: 'js',
        resolveDir,
        pluginData: 'lazy',
      };
    });
  },
};

// The lint bundle: one file, its dynamic imports (grounding, YAML) compiled in but run only
// when used. `import.meta.url` becomes the file's own URL, so paths relative to it still hold.
await build({
  absWorkingDir: root,
  entryPoints: { lint: 'src/cli/lint-main.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['@ast-grep/napi', '@ast-grep/lang-go', '@ast-grep/lang-python'],
  define: { 'import.meta.url': '__import_meta_url' },
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyModules],
  legalComments: 'none',
  logLevel: 'warning',
});
