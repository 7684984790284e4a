import type { Command } from 'commander';
import { registerSites } from './sites.js';

/** Sets the process exit code from a command's action. */
export type SetExit = (code: number) => void;

/** Every command registers here, one line each. */
export function registerCommands(program: Command, setExit: SetExit): void {
  registerSites(program, setExit);
}
