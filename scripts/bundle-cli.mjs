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
import ts from 'typescript';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;

// What this build is, for caches of its results (src/output/meta.ts reads it): the sources, the
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
  // Depth matters: src/output/meta.ts finds package.json two directories up, as from dist/output/.
  chunkNames: '[name]-[hash]',
  external: ['@ast-grep/napi', '@ast-grep/lang-go', '@ast-grep/lang-python'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});

/**
 * Modules the lint bundle names but a plain lint never runs, loaded on first use instead of at
 * start-up: Node's child_process (commander's executable subcommands, git for --repo; it loads
 * net, dgram and more, ~5 ms of CPU) and fs/promises (--fix; ~4 ms), the HTML entity tables
 * markdown-it decodes `&…;` with (built at load, ~3 ms), and yaml, which only a run that reads a
 * config file needs: bundled, its code is in the launcher's code cache (required from
 * node_modules, its ~60 files cost ~70 ms of CPU to resolve and compile on every such run). Each
 * becomes a stand-in module whose exports are getters that require the real one.
 */
const LAZY = /^(?:node:child_process|node:fs\/promises|entities|yaml)$/;
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
  // Comments and indentation are a third of the file, which every run reads.
  minifyWhitespace: true,
  charset: 'ascii',
  legalComments: 'none',
  logLevel: 'warning',
});

// All ASCII, so that Node reads it as a one-byte string (~1 ms) rather than decoding UTF-8 into a
// two-byte one (~5 ms, every run): see asciiRegExps.
const lint = `${outdir}/lint.cjs`;
writeFileSync(lint, asciiRegExps(readFileSync(lint, 'utf8')));

/**
 * The text with each non-ASCII character of a regular expression literal written \uXXXX, which
 * the pattern reads as the same character (charset 'ascii' escapes strings and identifiers, not
 * patterns); a backslash before one (an identity escape) is dropped. One left anywhere else (a
 * tagged template's raw text, which cannot be escaped) stays, and the build says so.
 */
function asciiRegExps(text) {
  const at = [...text.matchAll(/[^\0-\x7f]/g)].map((m) => m.index);
  if (at.length === 0) return text;
  const file = ts.createSourceFile('lint.cjs', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const literals = [];
  const visit = (node) => {
    if (!at.some((i) => i >= node.pos && i < node.end)) return;
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) literals.push([node.getStart(file), node.end]);
    else ts.forEachChild(node, visit);
  };
  visit(file);
  let out = '';
  let last = 0;
  for (const [start, end] of literals) {
    const escaped = text.slice(start, end).replace(/(\\*)([^\0-\x7f])/g, (_, slashes, c) => {
      const escape = `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
      return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + escape;
    });
    out += text.slice(last, start) + escaped;
    last = end;
  }
  out += text.slice(last);
  const left = out.search(/[^\0-\x7f]/);
  if (left >= 0) console.warn(`bundle-cli: lint.cjs keeps a non-ASCII character outside a pattern (slower to load): …${out.slice(left - 40, left + 20)}…`);
  return out;
}
