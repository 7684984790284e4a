import type { Command } from 'commander';

/** Sets the process exit code from a command's action. */
export type SetExit = (code: number) => void;

/** Every command registers here, one line each. */
export function registerCommands(program: Command, setExit: SetExit): void {
  void program;
  void setExit;
}
