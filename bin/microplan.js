#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/bundle by `npm run build` (which `npm ci` runs via prepare).
// `lint`, the call agents and hooks make on every plan, goes to the lint server when one runs
// (bin/lint-client.cjs), else runs from its own CommonJS bundle through a V8 code cache
// (bin/code-cache.cjs); every other command from the ES module bundle.
// This file is CommonJS (bin/package.json): an ES module entry costs every run Node's ES module
// loader (~7 ms of CPU), which `lint` does not otherwise need.
'use strict';

const argv = process.argv.slice(2);
const run = argv[0] === 'lint' ? require('./lint-client.cjs').lint(argv) : import('../dist/bundle/main.js').then(({ main }) => main(argv));

run.then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Last-resort guard: the CLI reports input errors itself; anything reaching here is a bug.
    process.stderr.write(`microplan: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
