import type { Command } from 'commander';
import { AGENT_NAMES } from '../../write/init/agent-files.js';
import { AGENTS } from '../../write/init/detect.js';
import { registrationHelp } from '../../write/init/mcp-registration.js';
import type { SetExit } from './index.js';

export function registerMcp(program: Command, setExit: SetExit): void {
  program
    .command('mcp')
    .description('serve microplan tools (lint_plan, plan_context, construction_sites, verify_pr) to agents over MCP on stdio')
    .addHelpText('after', () => `\n${registrationHelp(AGENT_NAMES, AGENTS)}\n`)
    .action(async () => {
      // Loaded here, not at startup: the SDK costs every other command a fifth of a second.
      const [{ serveStdio }, { mcpHandlers }] = await Promise.all([import('../../mcp/server.js'), import('./mcp-handlers.js')]);
      // stdout carries the protocol: nothing else may be printed there while serving.
      await serveStdio(mcpHandlers(process.cwd()), program.version() ?? '0.0.0');
      setExit(0);
    });
}
