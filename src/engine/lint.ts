/**
 * The lint engine: runs the catalog over a parsed plan, applies severities from config and
 * inline directives, and returns sorted diagnostics. A rule that throws is reported, never
 * allowed to crash the run.
 */
import type { Config } from '../config/types.js';
import type { Grounding } from '../ground/types.js';
import type { Plan } from '../plan/types.js';
import { RULES } from '../rules/index.js';
import type { Diagnostic, Rule, Severity } from '../rules/types.js';
import { applyDirectives } from './directives.js';

export interface LintOptions {
  config: Config;
  grounding?: Grounding | undefined;
  /** Defaults to the whole catalog. */
  rules?: readonly Rule[];
}

export function effectiveSeverity(rule: Rule, config: Config): Severity | 'off' {
  return config.rules[rule.id] ?? rule.severity;
}

export async function lintPlan(plan: Plan, options: LintOptions): Promise<Diagnostic[]> {
  if (plan.format === 'none') return [];
  const context = { config: options.config, grounding: options.grounding };
  const out: Diagnostic[] = [];
  for (const rule of options.rules ?? RULES) {
    const severity = effectiveSeverity(rule, options.config);
    if (severity === 'off' || !rule.formats.includes(plan.format)) continue;
    if (rule.needsRepo && !options.grounding) continue;
    try {
      // Most checks are synchronous: awaiting only the asynchronous ones spares a microtask per rule and plan.
      const result = rule.check(plan, context);
      const findings = Array.isArray(result) ? result : await result;
      for (const f of findings) out.push({ ruleId: rule.id, severity, ...f });
    } catch (err) {
      out.push({
        ruleId: rule.id,
        severity: 'error',
        message: `internal error in rule ${rule.id}: ${err instanceof Error ? err.message : String(err)} (please report this with the plan)`,
        span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      });
    }
  }
  return sortDiagnostics(applyDirectives(out, plan.directives));
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort(
    (a, b) =>
      a.span.start.line - b.span.start.line ||
      a.span.start.column - b.span.start.column ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
