import type { Command } from 'commander';
import { lintPlanHandler } from '../../mcp/lint-tool.js';
import type { McpHandlers } from '../../mcp/server.js';
import type { SetExit } from './index.js';
import { configFor, lintFor } from './shared-config.js';

/**
 * MERGE POINT: plug `context`, `sites` and `verify` in here as planContext, constructionSites
 * and verifyPr; until then those tools answer "not available in this build".
 */
export function mcpHandlers(cwd: string): McpHandlers {
  return { lintPlan: lintPlanHandler({ cwd, configFor, lintFor }) };
}

export function registerMcp(program: Command, setExit: SetExit): void {
  program
    .command('mcp')
    .description('serve microplan tools (lint_plan, plan_context, …) to agents over MCP on stdio')
    .action(async () => {
      // Loaded here, not at startup: the SDK costs every other command a fifth of a second.
      const { serveStdio } = await import('../../mcp/server.js');
      // stdout carries the protocol: nothing else may be printed there while serving.
      await serveStdio(mcpHandlers(process.cwd()), program.version() ?? '0.0.0');
      setExit(0);
    });
}
