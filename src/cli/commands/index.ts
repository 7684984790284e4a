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

/** Every command registers here, one line each, in the order `--help` lists them. */
export function registerCommands(program: Command, setExit: SetExit): void {
  registerLint(program, setExit);
  registerRules(program, setExit);
  registerContext(program, setExit);
  registerSites(program, setExit);
  registerInit(program, setExit);
  registerPrompt(program, setExit);
  registerDraft(program, setExit);
  registerVerify(program, setExit);
  registerPrBody(program, setExit);
  registerMcp(program, setExit);
}
