import type { Command } from 'commander';

/** Sets the process exit code from a command's action. */
export type SetExit = (code: number) => void;

/** Command name → the function that registers it on the program. */
export type CommandTable = Readonly<Record<string, (program: Command, setExit: SetExit) => void>>;

/**
 * Registers the commands: only `invoked` when the command line names one (its options and help
 * are all it needs, and setting up the others is a few milliseconds of every run), else all of
 * them, for the program's help and for suggestions after a typo.
 */
export function registerCommands(program: Command, commands: CommandTable, setExit: SetExit, invoked?: string): void {
  const only = invoked !== undefined && Object.hasOwn(commands, invoked) ? commands[invoked] : undefined;
  if (only) {
    only(program, setExit);
    return;
  }
  for (const register of Object.values(commands)) register(program, setExit);
}
