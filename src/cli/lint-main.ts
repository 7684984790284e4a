/**
 * The CLI with `lint` alone: the entry of the start-up bundle (scripts/bundle-cli.mjs) that
 * bin/microplan.js runs for `microplan lint`, the call agents and pre-commit hooks make most.
 * The other commands' modules are not in it at all. The lint server (bin/lint-server.cjs) runs
 * the same bundle, kept loaded.
 */
import { runProgram } from './program.js';
import { lintedFormats, registerLint } from './commands/lint.js';
import { serve } from './server/serve.js';
import { toolBuildId } from '../output/meta.js';

export function main(argv: string[]): Promise<number> {
  return runProgram(argv, { lint: registerLint });
}

/** The formats of the files linted so far in this process (bin/code-cache.cjs keys its cache on them). */
export function linted(): string[] {
  return [...lintedFormats];
}

/** Serves lint requests on the socket until the server stops (src/cli/server/serve.ts). */
export function serveLint(socket: string, idleMinutes: number): Promise<void> {
  return serve({ socket, build: toolBuildId() ?? 'sources', idleMinutes, main });
}
