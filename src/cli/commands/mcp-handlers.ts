/** The MCP tools' handlers: loaded only by `microplan mcp`, so other commands do not pay for them. */
import { renderContextMarkdown } from '../../ground/context.js';
import { constructionSites } from '../../ground/sites.js';
import { sitesJson } from '../../output/sites.js';
import { lintPlanHandler } from '../../mcp/lint-tool.js';
import type { McpHandlers } from '../../mcp/server.js';
import { verifyPlan } from '../../verify/verify.js';
import { loadSourceArg } from '../../write/sources/source-arg.js';
import { defaultCacheDir } from '../../repo/code/cache-dir.js';
import { InputError } from '../errors.js';
import { configFor, contextReport, lintFor } from './shared-config.js';

/** The tools' work, each the same library call its command makes, rooted at the server's cwd. */
export function mcpHandlers(cwd: string): McpHandlers {
  return {
    lintPlan: lintPlanHandler({ cwd, configFor, lintFor }),
    async planContext({ source, section }) {
      // Standard input carries the MCP protocol itself: it can never be a source here.
      if (source.trim() === '-') throw new InputError('plan_context reads a file or GitHub issues ("#12"); "-" (standard input) is not available over MCP.');
      const loaded = await loadSourceArg({ source, section }, { cwd, env: process.env, stdin: process.stdin });
      return renderContextMarkdown(await contextReport(loaded, { dir: cwd, cacheDir: defaultCacheDir() }));
    },
    async constructionSites({ type }) {
      return sitesJson(await constructionSites(type, { dir: cwd, cacheDir: defaultCacheDir() }));
    },
    async verifyPr({ plan, base }) {
      if (base === undefined) throw new InputError('verify_pr needs base: the revision the PR branched from (e.g. "main").');
      return (await verifyPlan({ planPath: plan, repo: cwd, base })).report;
    },
  };
}
