/**
 * The lint engine: runs the catalog over a parsed plan, applies severities from config and
 * inline directives, and returns sorted diagnostics. A rule that throws is reported, never
 * allowed to crash the run.
 */
import type { Config } from '../config/types.js';
import type { Grounding } from '../ground/types.js';
import type { Plan } from '../plan/types.js';
import type { PlanSpecs } from '../spec/locate.js';
import { RULES } from '../rules/index.js';
import type { Diagnostic, Finding, Rule, Severity } from '../rules/types.js';
import { didYouMean } from '../config/suggest.js';
import { applyDirectives } from './directives.js';

export interface LintOptions {
  config: Config;
  grounding?: Grounding | undefined;
  /** The design specs the plan was written from (see src/spec/locate.ts). */
  specs?: PlanSpecs | undefined;
  /** Defaults to the whole catalog. */
  rules?: readonly Rule[];
}

export function effectiveSeverity(rule: Rule, config: Config): Severity | 'off' {
  return config.rules[rule.id] ?? (rule.strict ? 'off' : rule.severity);
}

/** The config with the given strict rules on, at their own severity, where it does not set them itself. */
export function withStrictRulesOn(config: Config, rules: readonly Rule[]): Config {
  const on = rules.filter((r) => r.strict && config.rules[r.id] === undefined);
  return on.length === 0 ? config : { ...config, rules: { ...config.rules, ...Object.fromEntries(on.map((r) => [r.id, r.severity])) } };
}

export async function lintPlan(plan: Plan, options: LintOptions): Promise<Diagnostic[]> {
  if (plan.format === 'none') return [];
  const context = { config: options.config, grounding: options.grounding, specs: options.specs };
  const out: Diagnostic[] = [];
  // Asynchronous checks (those that read the repository) run side by side: each is mostly
  // waiting for git. Their findings are collected in catalog order all the same.
  const pending: Array<{ rule: Rule; severity: Severity; findings: Promise<Finding[]> }> = [];
  for (const rule of options.rules ?? RULES) {
    const severity = effectiveSeverity(rule, options.config);
    if (severity === 'off' || !rule.formats.includes(plan.format)) continue;
    if (rule.needsRepo && !options.grounding) continue;
    try {
      // Most checks are synchronous: awaiting only the asynchronous ones spares a microtask per rule and plan.
      const result = rule.check(plan, context);
      if (Array.isArray(result)) collect(out, rule, severity, result);
      else pending.push({ rule, severity, findings: result });
    } catch (err) {
      out.push(internalError(rule, err));
    }
  }
  const settled = await Promise.allSettled(pending.map((p) => p.findings));
  for (const [i, { rule, severity }] of pending.entries()) {
    const outcome = settled[i];
    if (outcome?.status === 'fulfilled') collect(out, rule, severity, outcome.value);
    else out.push(internalError(rule, outcome?.reason));
  }
  const diagnostics = applyDirectives(out, plan.directives);
  diagnostics.push(...unknownDirectiveIds(plan, options.rules));
  return sortDiagnostics(diagnostics);
}

/** The id of the finding for a directive naming a rule that does not exist (not a catalog rule: it cannot be turned off). */
export const UNKNOWN_DIRECTIVE_ID = 'directive-unknown-rule';

/**
 * A directive naming a rule that does not exist suppresses nothing, silently: a typo'd id leaves
 * the finding it meant to silence. Known ids are the catalog's and those of the rules given.
 */
function unknownDirectiveIds(plan: Plan, rules: readonly Rule[] | undefined): Diagnostic[] {
  if (plan.directives.length === 0) return [];
  const known = [...new Set([...RULES, ...(rules ?? [])].map((r) => r.id))];
  const out: Diagnostic[] = [];
  for (const d of plan.directives) {
    for (const id of d.ruleIds) {
      if (known.includes(id)) continue;
      out.push({
        ruleId: UNKNOWN_DIRECTIVE_ID,
        severity: 'warning',
        message: `microplan-${d.kind} names rule "${id}", which does not exist, so it silences nothing: ${didYouMean(id, known).replace(/^; /, '') || 'run "microplan rules" for the rule ids.'}`,
        span: { start: { line: d.line, column: 1 }, end: { line: d.line, column: 1 } },
      });
    }
  }
  return out;
}

function collect(out: Diagnostic[], rule: Rule, severity: Severity, findings: readonly Finding[]): void {
  for (const { atMostWarning, ...f } of findings) out.push({ ruleId: rule.id, severity: atMostWarning ? 'warning' : severity, ...f });
}

function internalError(rule: Rule, err: unknown): Diagnostic {
  return {
    ruleId: rule.id,
    severity: 'error',
    message: `internal error in rule ${rule.id}: ${err instanceof Error ? err.message : String(err)} (please report this with the plan)`,
    span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
  };
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort(
    (a, b) =>
      a.span.start.line - b.span.start.line ||
      a.span.start.column - b.span.start.column ||
      // Rule ids are lowercase ASCII, where code-unit order is the locale's order; localeCompare's
      // first call loads the ICU collator (~12 ms of a cold run's CPU).
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
