import type { Command } from 'commander';
import { registerPrBody } from './pr-body.js';
import { registerVerify } from './verify.js';

/** Sets the process exit code from a command's action. */
export type SetExit = (code: number) => void;

/** Every command registers here, one line each. */
export function registerCommands(program: Command, setExit: SetExit): void {
  registerVerify(program, setExit);
  registerPrBody(program, setExit);
}
