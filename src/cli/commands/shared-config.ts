/**
 * MERGE POINT — the one place where `prompt`, `draft` and `mcp` get the project config, the
 * linter and the Phase 0 facts. This branch has no config loader, no grounding and no `context`,
 * so: built-in defaults, ungrounded library lint, no facts. Rewire these three functions when the
 * loader (`config/load.ts`), grounded lint and `context` land; nothing else needs to change.
 */
import { defaultConfig } from '../../config/defaults.js';
import type { Config } from '../../config/types.js';
import { lintPlan } from '../../engine/lint.js';
import { parsePlan } from '../../plan/parse.js';
import type { FactsFn, WriteDeps } from '../../write/draft/deps.js';
import type { LintFn } from '../../write/draft/loop.js';

/** The config governing `path` (a file or directory). */
export async function configFor(_path: string): Promise<Config> {
  return defaultConfig();
}

/** Lints plan text as `microplan lint` would (grounded against `cwd` once grounding exists). */
export function lintFor(config: Config, _cwd: string): LintFn {
  return async (text, path) => lintPlan(parsePlan(text, path), { config });
}

/** Phase 0 facts for a source; undefined: this build has no `context`. */
export function factsFor(_config: Config, _cwd: string): FactsFn | undefined {
  return undefined;
}

export const writeDeps: WriteDeps = { configFor, lintFor, factsFor };
