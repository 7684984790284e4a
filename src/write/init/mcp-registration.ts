/**
 * Registering `microplan mcp` with each agent, in the agent's own project config: Claude Code
 * `.mcp.json`, Cursor `.cursor/mcp.json`, VS Code (Copilot) `.vscode/mcp.json`, Gemini CLI
 * `.gemini/settings.json`, OpenCode `opencode.json`, Codex `.codex/config.toml`. These files
 * often hold the user's other servers and settings: microplan adds its one entry and keeps
 * everything else; an entry of the same name that differs is the user's and is left alone.
 */
import type { Agent } from './detect.js';
import { tomlString } from './agent-files.js';

export const SERVER_KEY = 'microplan';

export interface McpRegistration {
  agent: Agent;
  path: string;
  /** The whole file for a repository that has none. */
  fresh: string;
  /** The file with microplan's entry added, or why it cannot be added by a program. */
  merge(current: string): { content: string } | { unchanged: true } | { keep: string };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A JSON settings file with the server under `container` (e.g. "mcpServers"). */
function jsonRegistration(agent: Agent, path: string, container: string, entry: Json, base: Json = {}): McpRegistration {
  const render = (doc: Json): string => `${JSON.stringify(doc, null, 2)}\n`;
  return {
    agent,
    path,
    fresh: render({ ...base, [container]: { [SERVER_KEY]: entry } }),
    merge(current) {
      let doc: unknown;
      try {
        doc = current.trim() === '' ? {} : JSON.parse(current);
      } catch {
        return { keep: `not plain JSON (comments?): add the "${SERVER_KEY}" server by hand, see \`microplan mcp --help\`` };
      }
      if (!isObject(doc)) return { keep: 'not a JSON object: add the server by hand, see `microplan mcp --help`' };
      const servers = doc[container] ?? {};
      if (!isObject(servers)) return { keep: `"${container}" is not an object: add the server by hand, see \`microplan mcp --help\`` };
      const existing = servers[SERVER_KEY];
      if (existing !== undefined) {
        return JSON.stringify(existing) === JSON.stringify(entry) ? { unchanged: true } : { keep: `has its own "${SERVER_KEY}" server entry` };
      }
      return { content: render({ ...doc, [container]: { ...servers, [SERVER_KEY]: entry } }) };
    },
  };
}

/** `[mcp_servers.microplan]` in Codex's TOML config, appended as a table of its own. */
function codexRegistration(command: string): McpRegistration {
  const table = `[mcp_servers.${SERVER_KEY}]\ncommand = ${tomlString(command)}\nargs = ["mcp"]\n`;
  return {
    agent: 'codex',
    path: '.codex/config.toml',
    fresh: table,
    merge(current) {
      // A table header line is TOML's own syntax for "this table", whatever else the file holds.
      const header = new RegExp(`^\\s*\\[\\s*mcp_servers\\s*\\.\\s*(?:${SERVER_KEY}|"${SERVER_KEY}")\\s*\\]`, 'm');
      if (header.test(current)) return current.includes(table) ? { unchanged: true } : { keep: `has its own [mcp_servers.${SERVER_KEY}] table` };
      return { content: `${current}${current === '' || current.endsWith('\n\n') ? '' : current.endsWith('\n') ? '\n' : '\n\n'}${table}` };
    },
  };
}

/** The registration of `<command> mcp` for one agent. */
export function mcpRegistration(agent: Agent, command: string): McpRegistration {
  const stdio = { command, args: ['mcp'] };
  switch (agent) {
    case 'claude':
      return jsonRegistration(agent, '.mcp.json', 'mcpServers', { type: 'stdio', ...stdio });
    case 'cursor':
      return jsonRegistration(agent, '.cursor/mcp.json', 'mcpServers', stdio);
    case 'copilot':
      return jsonRegistration(agent, '.vscode/mcp.json', 'servers', { type: 'stdio', ...stdio });
    case 'gemini':
      return jsonRegistration(agent, '.gemini/settings.json', 'mcpServers', stdio);
    case 'opencode':
      return jsonRegistration(agent, 'opencode.json', 'mcp', { type: 'local', command: [command, 'mcp'], enabled: true }, { $schema: 'https://opencode.ai/config.json' });
    case 'codex':
      return codexRegistration(command);
  }
}

/** What `microplan mcp --help` shows: each agent's file and the entry to put in it. */
export function registrationHelp(agentNames: Record<Agent, string>, agents: readonly Agent[]): string {
  const out = [
    'Register the server with your agent (`microplan init --agents <names>` writes these for you,',
    "adding its entry to a settings file you already have). The agent starts it from the project root;",
    'with microplan a dependency of the project instead of global or linked, use',
    '"./node_modules/.bin/microplan" as the command.',
  ];
  for (const agent of agents) {
    const reg = mcpRegistration(agent, 'microplan');
    // JSON on one line, as it is pasted; TOML as it is written.
    const shown = reg.path.endsWith('.json') ? JSON.stringify(JSON.parse(reg.fresh)) : reg.fresh.trimEnd();
    out.push('', `${agentNames[agent]}: ${reg.path}`, ...shown.split('\n').map((l) => `  ${l}`));
  }
  return out.join('\n');
}
