/**
 * The `microplan` command line: a thin layer over the library. Each command lives in
 * `./commands/<name>.ts` and registers itself on the program; its action returns an exit code.
 */
import { COMMANDS } from './commands/index.js';
import { runProgram } from './program.js';

export function main(argv: string[]): Promise<number> {
  return runProgram(argv, COMMANDS);
}
