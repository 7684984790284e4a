/**
 * What `prompt`, `draft`, `context` and `mcp` share: the project config (found by walking up
 * from a directory), the linter (grounded in the repository when the directory is inside one)
 * and the Phase 0 facts from `context`.
 */
import { ConfigResolver } from '../../config/load.js';
import type { Config } from '../../config/types.js';
import { lintPlan } from '../../engine/lint.js';
import { buildContext, renderContextMarkdown, type ContextReport } from '../../ground/context.js';
import { GroundingSession } from '../../ground/open.js';
import { parsePlan } from '../../plan/parse.js';
import { RepoError } from '../../repo/types.js';
import { defaultCacheDir } from '../../repo/code/cache-dir.js';
import type { FactsFn, WriteDeps } from '../../write/draft/deps.js';
import type { Source } from '../../write/sources/types.js';
import type { LintFn } from '../../write/draft/loop.js';

const resolver = new ConfigResolver();

/** The config governing `dir`: the nearest microplan.config.{yaml,yml,json} above it, or the defaults. */
export async function configFor(dir: string): Promise<Config> {
  return resolver.forDirectory(dir);
}

/** A grounding session for `cwd` (with the CLI's site cache), or undefined when it is not inside a git repository. */
async function sessionFor(cwd: string): Promise<GroundingSession | undefined> {
  const session = new GroundingSession({ dir: cwd, cacheDir: defaultCacheDir() });
  try {
    await session.open();
    return session;
  } catch (err) {
    if (err instanceof RepoError) return undefined;
    throw err;
  }
}

/**
 * Lints plan text as `microplan lint --repo <cwd>` would (ungrounded outside a git repository).
 * Each call opens the repository and closes it again, so a long-lived caller (the MCP server)
 * keeps no git process between calls: a plan that records its Base is read through `git
 * cat-file` processes that live as long as their session.
 */
export function lintFor(config: Config, cwd: string): LintFn {
  return async (text, path, options) => {
    const session = await sessionFor(cwd);
    try {
      const plan = parsePlan(text, path, { format: config.format });
      return await lintPlan(plan, { config, grounding: session && plan.format !== 'none' ? await session.forPlan(plan) : undefined, specs: options?.specs });
    } finally {
      await session?.close();
    }
  };
}

/**
 * Phase 0 facts for a source of work, read from the repository at `dir` (at `base`, or the working
 * tree), with the config governing that repository unless one is given.
 */
export async function contextReport(
  source: Pick<Source, 'text' | 'origin'>,
  options: { dir: string; base?: string | undefined; config?: Config; cacheDir?: string | undefined },
): Promise<ContextReport> {
  const session = new GroundingSession({ dir: options.dir, base: options.base, cacheDir: options.cacheDir });
  try {
    const state = await session.reference();
    return await buildContext(source.text, source.origin, state, options.config ?? (await configFor(state.repo.root)));
  } finally {
    await session.close();
  }
}

/** Phase 0 facts for a source, from the repository around `cwd`; undefined outside a git repository. */
export function factsFor(config: Config, cwd: string): FactsFn | undefined {
  return async (source) => {
    try {
      return renderContextMarkdown(await contextReport(source, { dir: cwd, config }));
    } catch (err) {
      // Outside a git repository there are no facts to give; the prompt goes out without them.
      if (err instanceof RepoError) return undefined;
      throw err;
    }
  };
}

export const writeDeps: WriteDeps = { configFor, lintFor, factsFor };
