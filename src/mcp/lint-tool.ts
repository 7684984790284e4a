/** The default `lint_plan` handler: a plan file or text, linted like `microplan lint` does. */
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { Config } from '../config/types.js';
import { notAPlanDiagnostic } from '../engine/not-a-plan.js';
import { formatOfChoice } from '../formats/index.js';
import { parsePlan } from '../plan/parse.js';
import type { LintFn } from '../write/draft/loop.js';
import { readSourceFile } from '../write/sources/file.js';
import { readSpecFile, specsForPlan, type SpecDoc } from '../spec/locate.js';
import { specCoverage } from '../spec/coverage.js';
import { lintJson, type LintJson } from './lint-json.js';
import type { LintPlanInput } from './server.js';

export interface LintToolDeps {
  cwd: string;
  configFor(path: string): Promise<Config>;
  lintFor(config: Config, cwd: string): LintFn;
}

export function lintPlanHandler(deps: LintToolDeps): (input: LintPlanInput) => Promise<LintJson> {
  return async (input) => {
    const hasPath = input.path !== undefined && input.path.trim() !== '';
    const hasText = input.text !== undefined && input.text.trim() !== '';
    if (hasPath === hasText) throw new InputError('pass either "path" (a plan file) or "text" (the plan Markdown), not both or neither');
    const path = hasPath ? input.path!.trim() : '<text>';
    // Binary, huge, non-UTF-8 and missing files get the same one-line messages as the CLI.
    const text = hasPath ? await readSourceFile(path, { cwd: deps.cwd }) : input.text!;
    const config = await deps.configFor(hasPath ? resolve(deps.cwd, path) : deps.cwd);
    // The config's format reads the plan, and names what a document that is not one should be.
    const plan = parsePlan(text, path, { format: config.format });
    // The agent asked for a plan to be checked: a document that is not one must not come back clean.
    if (plan.format === 'none') return lintJson(path, plan.format, [notAPlanDiagnostic(plan, formatOfChoice(config.format), 'write')]);
    // The spec given, else the one the plan names (found from the plan's folder or the server's repository).
    let explicit: SpecDoc | undefined;
    if (input.spec !== undefined && input.spec.trim() !== '') {
      const read = await readSpecFile(input.spec.trim(), deps.cwd);
      if ('error' in read) throw new InputError(read.error.replace(/^--spec/, 'spec'));
      explicit = read;
    }
    const specs = await specsForPlan(plan, { explicit, planPath: hasPath ? resolve(deps.cwd, path) : undefined, repoDir: deps.cwd });
    const diagnostics = await deps.lintFor(config, deps.cwd)(text, path, { specs });
    const coverage = specs.docs.map((d) => specCoverage(plan, d).summary);
    return { ...lintJson(path, plan.format, diagnostics), ...(coverage.length > 0 ? { specCoverage: coverage } : {}) };
  };
}
