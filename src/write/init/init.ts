/**
 * `microplan init`: a config for the repository (what it detects; what it cannot, said plainly),
 * plus, for each chosen agent, a plan command and the MCP server registered in the agent's own
 * project config — for the plan format the team writes (`--format`, the config's, or superpowers
 * where the repository already keeps superpowers plans).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agentFile } from './agent-files.js';
import { missingSettings, renderConfig, type Missing } from './config-file.js';
import { AGENTS, detectAgents, detectStack, microplanCommand, type Agent, type Stack } from './detect.js';
import { mcpRegistration } from './mcp-registration.js';
import { writeFiles, type PlannedFile, type WriteResult } from './safe-write.js';
import { CONFIG_FILE_NAMES, parseConfig } from '../../config/load.js';
import { InputError } from '../../errors.js';
import { formatById, parseFormatId, type FormatId } from '../../formats/index.js';

export interface InitOptions {
  root: string;
  /** Agents to install for; undefined = those detected in the repository. */
  agents?: readonly string[] | undefined;
  dryRun?: boolean;
  force?: boolean;
  /** The plan format (`--format`); undefined = the config's, else superpowers where the repository has its plans, else micro-plan. */
  format?: string | undefined;
}

/** Why init set up the format it did, for the summary. */
export type FormatSource =
  | { by: 'option' }
  | { by: 'config'; file: string }
  /** Plans found in the superpowers plans directory. */
  | { by: 'found'; dir: string; count: number }
  | { by: 'default' };

export interface InitResult {
  stack: Stack;
  /** Settings init could not detect: left out of the config, with a comment saying so. */
  missing: Missing[];
  agents: Agent[];
  format: FormatId;
  formatSource: FormatSource;
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

/**
 * The format to set up: the one asked for; else the one the repository's config already names
 * (a second run must not switch it); else superpowers, where the repository keeps plans in the
 * superpowers plans directory; else micro-plan.
 */
function chooseFormat(root: string, asked: string | undefined): { format: FormatId; source: FormatSource } {
  if (asked !== undefined) return { format: parseFormatId(asked), source: { by: 'option' } };
  for (const name of CONFIG_FILE_NAMES) {
    if (!existsSync(join(root, name))) continue;
    try {
      const { format } = parseConfig(readFileSync(join(root, name), 'utf8'), name);
      if (format !== 'auto') return { format, source: { by: 'config', file: name } };
    } catch {
      // A config that cannot be read or does not load says nothing about the format (writing
      // the files reports a path that is not a file).
    }
    break;
  }
  const dir = formatById('superpowers').plansDir;
  let count = 0;
  try {
    count = readdirSync(join(root, dir), { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.md')).length;
  } catch {
    // No such directory: no superpowers plans.
  }
  if (count > 0) return { format: 'superpowers', source: { by: 'found', dir, count } };
  return { format: 'micro-plan', source: { by: 'default' } };
}

export function init(options: InitOptions): InitResult {
  const stack = detectStack(options.root);
  const agents = options.agents ? parseAgents(options.agents) : detectAgents(options.root);
  const command = microplanCommand(options.root);
  const { format, source } = chooseFormat(options.root, options.format);
  const module = formatById(format);
  const config = renderConfig(stack, format, source.by !== 'default');
  // What init writes must load: a config the tool rejects would stop every later command.
  parseConfig(config, 'microplan.config.yaml');
  const files: PlannedFile[] = [{ path: 'microplan.config.yaml', content: config }];
  const kept: WriteResult[] = [];
  for (const agent of agents) {
    const f = agentFile(agent, module.plansDir, command, module.writing.command);
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
  return { stack, missing: missingSettings(stack), agents, format, formatSource: source, command, files, results };
}
