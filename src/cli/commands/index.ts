import type { Command } from 'commander';
import { registerContext } from './context.js';
import { registerDraft } from './draft.js';
import { registerInit } from './init.js';
import { registerLint } from './lint.js';
import { registerMcp } from './mcp.js';
import { registerPrBody } from './pr-body.js';
import { registerPrompt } from './prompt.js';
import { registerRules } from './rules.js';
import { registerSites } from './sites.js';
import { registerVerify } from './verify.js';

/** Sets the process exit code from a command's action. */
export type SetExit = (code: number) => void;

/** Every command registers here, one entry each, in the order `--help` lists them. */
const COMMANDS: Readonly<Record<string, (program: Command, setExit: SetExit) => void>> = {
  lint: registerLint,
  rules: registerRules,
  context: registerContext,
  sites: registerSites,
  init: registerInit,
  prompt: registerPrompt,
  draft: registerDraft,
  verify: registerVerify,
  'pr-body': registerPrBody,
  mcp: registerMcp,
};

/**
 * Registers the commands: only `invoked` when the command line names one (its options and help
 * are all it needs, and setting up the others is a few milliseconds of every run), else all of
 * them, for the program's help and for suggestions after a typo.
 */
export function registerCommands(program: Command, setExit: SetExit, invoked?: string): void {
  const only = invoked !== undefined && Object.hasOwn(COMMANDS, invoked) ? COMMANDS[invoked] : undefined;
  if (only) {
    only(program, setExit);
    return;
  }
  for (const register of Object.values(COMMANDS)) register(program, setExit);
}
