import type { Command } from 'commander';
import { registerContext } from './context.js';
import { registerInit } from './init.js';
import { registerPrompt } from './prompt.js';
import { registerDraft } from './draft.js';
import { registerMcp } from './mcp.js';

/** Sets the process exit code from a command's action. */
export type SetExit = (code: number) => void;

/** Every command registers here, one line each. */
export function registerCommands(program: Command, setExit: SetExit): void {
  registerInit(program, setExit);
  registerContext(program, setExit);
  registerPrompt(program, setExit);
  registerDraft(program, setExit);
  registerMcp(program, setExit);
}
