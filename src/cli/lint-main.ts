/**
 * The CLI with `lint` alone: the entry of the start-up bundle (scripts/bundle-cli.mjs) that
 * bin/microplan.js runs for `microplan lint`, the call agents and pre-commit hooks make most.
 * The other commands' modules are not in it at all.
 */
import { runProgram } from './program.js';
import { registerLint } from './commands/lint.js';

export function main(argv: string[]): Promise<number> {
  return runProgram(argv, { lint: registerLint });
}
