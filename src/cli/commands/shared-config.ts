/**
 * What `prompt`, `draft`, `context` and `mcp` share: the project config (found by walking up
 * from a directory), the linter (grounded in the repository when the directory is inside one)
 * and the Phase 0 facts from `context`.
 */
import { ConfigResolver } from '../../config/load.js';
import type { Config } from '../../config/types.js';
import { lintPlan } from '../../engine/lint.js';
import { buildContext, renderContextMarkdown } from '../../ground/context.js';
import { GroundingSession } from '../../ground/open.js';
import { parsePlan } from '../../plan/parse.js';
import { RepoError } from '../../repo/types.js';
import type { FactsFn, WriteDeps } from '../../write/draft/deps.js';
import type { LintFn } from '../../write/draft/loop.js';

const resolver = new ConfigResolver();

/** The config governing `dir`: the nearest microplan.config.{yaml,yml,json} above it, or the defaults. */
export async function configFor(dir: string): Promise<Config> {
  return resolver.forDirectory(dir);
}

/** A grounding session for `cwd`, or undefined when it is not inside a git repository. */
async function sessionFor(cwd: string): Promise<GroundingSession | undefined> {
  const session = new GroundingSession({ dir: cwd });
  try {
    await session.open();
    return session;
  } catch (err) {
    if (err instanceof RepoError) return undefined;
    throw err;
  }
}

/** Lints plan text as `microplan lint --repo <cwd>` would (ungrounded outside a git repository). */
export function lintFor(config: Config, cwd: string): LintFn {
  let session: Promise<GroundingSession | undefined> | undefined;
  return async (text, path) => {
    session ??= sessionFor(cwd);
    const s = await session;
    const plan = parsePlan(text, path);
    return lintPlan(plan, { config, grounding: s && plan.format !== 'none' ? await s.forPlan(plan) : undefined });
  };
}

/** Phase 0 facts for a source, from the repository around `cwd`; undefined outside a git repository. */
export function factsFor(config: Config, cwd: string): FactsFn | undefined {
  return async (source) => {
    const session = await sessionFor(cwd);
    if (!session) return undefined;
    try {
      return renderContextMarkdown(await buildContext(source.text, source.origin, await session.reference(), config));
    } finally {
      await session.close();
    }
  };
}

export const writeDeps: WriteDeps = { configFor, lintFor, factsFor };
