/** Test helpers: lint a Markdown string with one rule, so each test reads as a specification. */
import { presetConfig } from '../src/config/presets.js';
import type { Config } from '../src/config/types.js';
import { lintPlan, withStrictRulesOn } from '../src/engine/lint.js';
import { parsePlan } from '../src/plan/parse.js';
import type { Plan } from '../src/plan/types.js';
import { ruleById } from '../src/rules/index.js';
import type { Diagnostic } from '../src/rules/types.js';

/**
 * Diagnostics of one rule on a Markdown plan (format as the classifier decides, unless forced).
 * The rule fixtures are plans of the spec's own project, so they are linted with its preset.
 */
export async function lintRule(
  ruleId: string,
  markdown: string,
  options: { config?: Partial<Config>; format?: Plan['format'] } = {},
): Promise<Diagnostic[]> {
  const rule = ruleById(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const plan = parsePlan(markdown, 'plan.md');
  if (options.format) plan.format = options.format;
  // A strict rule (off by default) is tested as a project that turns it on runs it.
  const config = withStrictRulesOn({ ...presetConfig('inference-sim'), ...options.config }, [rule]);
  return lintPlan(plan, { config, rules: [rule] });
}

/** Joins lines, so fragments in tests can be written as arrays without indentation noise. */
export function md(...lines: string[]): string {
  return lines.join('\n') + '\n';
}
