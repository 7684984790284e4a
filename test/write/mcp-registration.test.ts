/**
 * Every MCP registration init writes starts the server: the command and arguments are read from
 * the agent's own config file as that agent reads it, spawned the way an MCP client spawns a
 * stdio server (from the project root, with `microplan` on PATH as `npm link` or a global install
 * puts it), and asked for its tools.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
// Codex reads its config as TOML: smol-toml (a devDependency) parses what init wrote.
import { parse as parseToml } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENTS, type Agent } from '../../src/write/init/detect.js';
import { init } from '../../src/write/init/init.js';
import { BIN, requireBuild, runCli } from './draft-helpers.js';

let work: string;
let shimPath: string;
beforeAll(() => {
  requireBuild();
  work = mkdtempSync(join(tmpdir(), 'mp-mcp-reg-'));
  // `npm link` / `npm install -g` put a `microplan` link to bin/microplan.js on PATH.
  const shim = join(work, 'bin');
  mkdirSync(shim);
  symlinkSync(BIN, join(shim, 'microplan'));
  shimPath = `${shim}${delimiter}${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`;
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

type Json = Record<string, unknown>;

/** The server's command line as each agent reads it from its config file. */
function registered(agent: Agent, root: string): { command: string; args: string[] } {
  const json = (path: string): Json => JSON.parse(readFileSync(join(root, path), 'utf8')) as Json;
  const entry = (doc: Json, key: string): Json => (doc[key] as Json).microplan as Json;
  switch (agent) {
    case 'claude':
      return entry(json('.mcp.json'), 'mcpServers') as { command: string; args: string[] };
    case 'cursor':
      return entry(json('.cursor/mcp.json'), 'mcpServers') as { command: string; args: string[] };
    case 'gemini':
      return entry(json('.gemini/settings.json'), 'mcpServers') as { command: string; args: string[] };
    case 'copilot':
      return entry(json('.vscode/mcp.json'), 'servers') as { command: string; args: string[] };
    case 'opencode': {
      const [command, ...args] = entry(json('opencode.json'), 'mcp').command as string[];
      return { command: command!, args };
    }
    case 'codex': {
      const doc = parseToml(readFileSync(join(root, '.codex/config.toml'), 'utf8')) as { mcp_servers: { microplan: { command: string; args: string[] } } };
      return doc.mcp_servers.microplan;
    }
  }
}

async function toolNames(root: string, server: { command: string; args: string[] }): Promise<string[]> {
  const client = new Client({ name: 'registration-test', version: '1.0.0' });
  const env = { ...getDefaultEnvironment(), PATH: shimPath, MICROPLAN_CACHE_DIR: join(work, 'cache') };
  const transport = new StdioClientTransport({ command: server.command, args: server.args, cwd: root, env, stderr: 'pipe' });
  try {
    await client.connect(transport);
    return (await client.listTools()).tools.map((t) => t.name).sort();
  } finally {
    await client.close();
  }
}

const TOOLS = ['construction_sites', 'lint_plan', 'plan_context', 'verify_pr'];

describe('MCP registrations written by init', () => {
  it.each(AGENTS)('%s: the registered command starts the server and lists its tools', async (agent) => {
    const root = join(work, agent);
    mkdirSync(root);
    init({ root, agents: [agent] });
    const server = registered(agent, root);
    expect({ command: server.command, args: server.args }).toEqual({ command: 'microplan', args: ['mcp'] });
    expect(await toolNames(root, server)).toEqual(TOOLS);
  });

  it("starts from the project's node_modules/.bin when microplan is a dependency there", async () => {
    const root = join(work, 'local');
    mkdirSync(join(root, 'node_modules/.bin'), { recursive: true });
    symlinkSync(BIN, join(root, 'node_modules/.bin/microplan'));
    init({ root, agents: ['claude'] });
    const server = registered('claude', root);
    expect(server.command).toBe('./node_modules/.bin/microplan');
    // No global microplan on PATH here: the project's own bin must be enough.
    const env = { ...getDefaultEnvironment(), PATH: `${dirname(process.execPath)}${delimiter}/usr/bin${delimiter}/bin` };
    const client = new Client({ name: 'registration-test', version: '1.0.0' });
    const transport = new StdioClientTransport({ command: server.command, args: server.args, cwd: root, env, stderr: 'pipe' });
    try {
      await client.connect(transport);
      expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(TOOLS);
    } finally {
      await client.close();
    }
  });
});

describe('microplan mcp --help', () => {
  it("shows each agent's file and the entry init writes there", async () => {
    const help = await runCli(['mcp', '--help'], { cwd: work, env: { PATH: shimPath } });
    expect(help.code).toBe(0);
    const root = join(work, 'help');
    mkdirSync(root);
    init({ root, agents: [AGENTS.join(',')] });
    for (const agent of AGENTS) {
      const path = { claude: '.mcp.json', cursor: '.cursor/mcp.json', copilot: '.vscode/mcp.json', gemini: '.gemini/settings.json', opencode: 'opencode.json', codex: '.codex/config.toml' }[agent];
      const written = readFileSync(join(root, path), 'utf8');
      const shown = path.endsWith('.json') ? `  ${JSON.stringify(JSON.parse(written))}` : written.trimEnd().replace(/^/gm, '  ');
      expect(help.stdout, agent).toContain(`: ${path}\n${shown}\n`);
    }
  });
});

