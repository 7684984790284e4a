/** The instructions for one plan: source, facts, config and plan path, rendered by renderPrompt. */
import { relative, resolve, sep } from 'node:path';
import type { Config } from '../../config/types.js';
import { renderPrompt } from '../prompt.js';
import type { Source } from '../sources/types.js';
import type { FactsFn } from './deps.js';
import { defaultPlanPath } from './plan-path.js';

export interface PlanInstructions {
  prompt: string;
  /** Absolute path of the plan to write. */
  planPath: string;
  /** The same path as shown to the agent: relative to cwd when inside it. */
  shownPath: string;
  facts: string | undefined;
}

export async function planInstructions(input: {
  config: Config;
  source: Source;
  cwd: string;
  out?: string | undefined;
  facts?: FactsFn | undefined;
  today: Date;
}): Promise<PlanInstructions> {
  const planPath = input.out !== undefined ? resolve(input.cwd, input.out) : defaultPlanPath(input.config, input.source.title, input.cwd, input.today);
  const shownPath = showPath(planPath, input.cwd);
  const facts = input.facts ? await input.facts(input.source) : undefined;
  const prompt = renderPrompt({
    config: input.config,
    source: { origin: input.source.origin, text: input.source.text },
    facts,
    planPath: shownPath,
  });
  return { prompt, planPath, shownPath, facts };
}

/** Relative to cwd (POSIX separators) when inside it, else absolute. */
export function showPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  if (rel === '' || rel.startsWith('..') || resolve(cwd, rel) !== path) return path;
  return rel.split(sep).join('/');
}
