/** The MCP tools' handlers: loaded only by `microplan mcp`, so other commands do not pay for them. */
import { buildContext, renderContextMarkdown } from '../../ground/context.js';
import { GroundingSession } from '../../ground/open.js';
import { constructionSites } from '../../ground/sites.js';
import { sitesJson } from '../../ground/sites-format.js';
import { lintPlanHandler } from '../../mcp/lint-tool.js';
import type { McpHandlers } from '../../mcp/server.js';
import { verifyPlan } from '../../verify/verify.js';
import { loadSource } from '../../write/sources/spec.js';
import { InputError } from '../errors.js';
import { configFor, lintFor } from './shared-config.js';

/** The tools' work, each the same library call its command makes, rooted at the server's cwd. */
export function mcpHandlers(cwd: string): McpHandlers {
  return {
    lintPlan: lintPlanHandler({ cwd, configFor, lintFor }),
    async planContext({ source, section }) {
      const loaded = await loadSource({ source, section, cwd, env: process.env });
      const session = new GroundingSession({ dir: cwd });
      try {
        const state = await session.reference();
        return renderContextMarkdown(await buildContext(loaded.text, loaded.origin, state, await configFor(state.repo.root)));
      } finally {
        await session.close();
      }
    },
    async constructionSites({ type }) {
      return sitesJson(await constructionSites(type, { dir: cwd }));
    },
    async verifyPr({ plan, base }) {
      if (base === undefined) throw new InputError('verify_pr needs base: the revision the PR branched from (e.g. "main").');
      return (await verifyPlan({ planPath: plan, repo: cwd, base })).report;
    },
  };
}
