/**
 * `microplan init`: a config for the repository (what it detects; what it cannot, said plainly),
 * plus, for each chosen agent, a plan command and the MCP server registered in the agent's own
 * project config.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agentFile } from './agent-files.js';
import { missingSettings, renderConfig, type Missing } from './config-file.js';
import { AGENTS, detectAgents, detectStack, microplanCommand, type Agent, type Stack } from './detect.js';
import { mcpRegistration } from './mcp-registration.js';
import { writeFiles, type PlannedFile, type WriteResult } from './safe-write.js';
import { parseConfig } from '../../config/load.js';
import { InputError } from '../../errors.js';

export interface InitOptions {
  root: string;
  /** Agents to install for; undefined = those detected in the repository. */
  agents?: readonly string[] | undefined;
  dryRun?: boolean;
  force?: boolean;
}

export interface InitResult {
  stack: Stack;
  /** Settings init could not detect: left out of the config, with a comment saying so. */
  missing: Missing[];
  agents: Agent[];
  /** How the installed commands and MCP registrations run microplan. */
  command: string;
  files: PlannedFile[];
  results: WriteResult[];
}

export function parseAgents(names: readonly string[]): Agent[] {
  const out: Agent[] = [];
  for (const raw of names.flatMap((n) => n.split(',')).map((n) => n.trim().toLowerCase()).filter(Boolean)) {
    if (!(AGENTS as readonly string[]).includes(raw)) {
      throw new InputError(`--agents: unknown agent "${raw}"; choose from ${AGENTS.join(', ')}.`);
    }
    if (!out.includes(raw as Agent)) out.push(raw as Agent);
  }
  return out;
}

function readIfPresent(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export function init(options: InitOptions): InitResult {
  const stack = detectStack(options.root);
  const agents = options.agents ? parseAgents(options.agents) : detectAgents(options.root);
  const command = microplanCommand(options.root);
  const config = renderConfig(stack);
  // What init writes must load: a config the tool rejects would stop every later command.
  parseConfig(config, 'microplan.config.yaml');
  const files: PlannedFile[] = [{ path: 'microplan.config.yaml', content: config }];
  const kept: WriteResult[] = [];
  for (const agent of agents) {
    const f = agentFile(agent, 'docs/plans', command);
    files.push({ path: f.path, content: f.content });
    const reg = mcpRegistration(agent, command);
    const current = readIfPresent(join(options.root, reg.path));
    if (current === undefined) {
      files.push({ path: reg.path, content: reg.fresh });
      continue;
    }
    const merged = reg.merge(current);
    if ('content' in merged) files.push({ path: reg.path, content: merged.content, basedOn: current });
    else if ('unchanged' in merged) files.push({ path: reg.path, content: current });
    else kept.push({ path: reg.path, outcome: 'kept', reason: merged.keep });
  }
  const results = [...writeFiles(options.root, files, { dryRun: options.dryRun ?? false, force: options.force ?? false }), ...kept];
  return { stack, missing: missingSettings(stack), agents, command, files, results };
}
