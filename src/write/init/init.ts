/** `microplan init`: config for the repository plus a plan command for each chosen agent. */
import { agentFile } from './agent-files.js';
import { renderConfig } from './config-file.js';
import { AGENTS, detectAgents, detectStack, type Agent, type Stack } from './detect.js';
import { writeFiles, type PlannedFile, type WriteResult } from './safe-write.js';
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
  agents: Agent[];
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

export function init(options: InitOptions): InitResult {
  const stack = detectStack(options.root);
  const agents = options.agents ? parseAgents(options.agents) : detectAgents(options.root);
  const files: PlannedFile[] = [
    { path: 'microplan.config.yaml', content: renderConfig(stack) },
    ...agents.map((a) => {
      const f = agentFile(a, 'docs/plans');
      return { path: f.path, content: f.content };
    }),
  ];
  const results = writeFiles(options.root, files, { dryRun: options.dryRun ?? false, force: options.force ?? false });
  return { stack, agents, files, results };
}
