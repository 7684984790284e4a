/**
 * The lint engine: runs the catalog over a parsed plan, applies severities from config and
 * inline directives, and returns sorted diagnostics. A rule that throws is reported, never
 * allowed to crash the run.
 */
import type { Config } from '../config/types.js';
import type { Grounding } from '../ground/types.js';
import type { Plan } from '../plan/types.js';
import { RULES } from '../rules/index.js';
import type { Diagnostic, Finding, Rule, Severity } from '../rules/types.js';
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
  return sortDiagnostics(applyDirectives(out, plan.directives));
}

function collect(out: Diagnostic[], rule: Rule, severity: Severity, findings: readonly Finding[]): void {
  for (const f of findings) out.push({ ruleId: rule.id, severity, ...f });
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
      a.ruleId.localeCompare(b.ruleId),
  );
}
