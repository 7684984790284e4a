/**
 * The lint server's process (src/cli/server/serve.ts): started detached, by a lint that found no
 * server (bin/lint-client.cjs) or by `microplan server start`, with the socket's path and the
 * idle minutes after which it stops. It leaves its directory, so it never keeps one in use.
 */
'use strict';
const [socket, idle] = process.argv.slice(2);
process.chdir('/');
// TurboFan's optimizing costs a lint server more than it saves: with it, the server's first ~40
// lints of a median plan cost ~21 ms of CPU each, then ~12; without it, ~14 from the second
// lint on, then ~12 (docs/benchmarks.md). Bytecode and Sparkplug's baseline code stay.
require('node:v8').setFlagsFromString('--no-turbofan');
require('../dist/bundle/lint.cjs')
  .serveLint(socket, Number(idle))
  .then(
    () => process.exit(0),
    () => process.exit(1),
  );
