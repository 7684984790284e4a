import type { Command } from 'commander';
import { AGENT_NAMES } from '../../write/init/agent-files.js';
import { AGENTS } from '../../write/init/detect.js';
import { registrationHelp } from '../../write/init/mcp-registration.js';
import type { SetExit } from './index.js';

/** What `mcp` says when a person starts it in a terminal (stderr: stdout carries the protocol). */
export const MCP_TERMINAL_HINT =
  "microplan mcp: serving MCP on standard input and output for an agent to start; it reads no typed commands. Register it in your agent's MCP config (see microplan mcp --help); Ctrl-C stops it.";

export function registerMcp(program: Command, setExit: SetExit): void {
  program
    .command('mcp')
    .description('serve microplan tools (lint_plan, plan_context, construction_sites, verify_pr) to agents over MCP on stdio')
    .addHelpText('after', () => `\n${registrationHelp(AGENT_NAMES, AGENTS)}\n`)
    .action(async () => {
      // Started by hand in a terminal, the server would wait in silence for a protocol nobody types.
      if (process.stdin.isTTY) process.stderr.write(`${MCP_TERMINAL_HINT}\n`);
      // Loaded here, not at startup: the SDK costs every other command a fifth of a second.
      const [{ serveStdio }, { mcpHandlers }] = await Promise.all([import('../../mcp/server.js'), import('./mcp-handlers.js')]);
      // stdout carries the protocol: nothing else may be printed there while serving.
      await serveStdio(mcpHandlers(process.cwd()), program.version() ?? '0.0.0');
      setExit(0);
    });
}
