/**
 * Lint findings as JSON for machines (MCP clients, scripts): one flat object per finding with
 * 1-based positions. MERGE POINT: once the `lint` CLI's JSON formatter lands, use its shape here
 * so `lint_plan` and `microplan lint --format json` stay identical.
 */
import type { Diagnostic } from '../rules/types.js';

export interface LintJsonFinding {
  ruleId: string;
  severity: 'error' | 'warning';
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface LintJson {
  path: string;
  /** "full", "compact", or "none" (not a plan: nothing was checked). */
  format: string;
  errors: number;
  warnings: number;
  findings: LintJsonFinding[];
}

export function lintJson(path: string, format: string, diagnostics: readonly Diagnostic[]): LintJson {
  const findings = diagnostics.map(
    (d): LintJsonFinding => ({
      ruleId: d.ruleId,
      severity: d.severity,
      line: d.span.start.line,
      column: d.span.start.column,
      endLine: d.span.end.line,
      endColumn: d.span.end.column,
      message: d.message,
    }),
  );
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { path, format, errors, warnings: findings.length - errors, findings };
}
