import { registerContext } from './context.js';
import { registerDraft } from './draft.js';
import { registerInit } from './init.js';
import { registerLint } from './lint.js';
import { registerMcp } from './mcp.js';
import { registerPrBody } from './pr-body.js';
import { registerPrompt } from './prompt.js';
import { registerRules } from './rules.js';
import { registerServer } from './server.js';
import { registerSites } from './sites.js';
import { registerVerify } from './verify.js';
import type { CommandTable } from './registry.js';

export type { SetExit } from './registry.js';

/** Every command registers here, one entry each, in the order `--help` lists them. */
export const COMMANDS: CommandTable = {
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
  server: registerServer,
};
