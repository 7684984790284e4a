import type { Command } from 'commander';
import { registerLint } from './lint.js';
import { registerRules } from './rules.js';

/** Sets the process exit code from a command's action. */
export type SetExit = (code: number) => void;

/** Every command registers here, one line each. */
export function registerCommands(program: Command, setExit: SetExit): void {
  registerLint(program, setExit);
  registerRules(program, setExit);
}
