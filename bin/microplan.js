#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/bundle by `npm run build` (which `npm ci` runs via prepare).
import { main } from '../dist/bundle/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Last-resort guard: the CLI reports input errors itself; anything reaching here is a bug.
    process.stderr.write(`microplan: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
