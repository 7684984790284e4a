/**
 * Lint findings as JSON for machines (MCP clients, scripts): one flat object per finding with
 * 1-based positions, the same object `microplan lint --format json` writes for a diagnostic.
 */
import { toJsonDiagnostic, type JsonDiagnostic } from '../output/json.js';
import type { Diagnostic } from '../rules/types.js';
import type { SpecCoverageSummary } from '../spec/coverage.js';

export type LintJsonFinding = JsonDiagnostic;

export interface LintJson {
  path: string;
  /** The plan's shape: "full", "compact", "superpowers", or "none" (not a plan: nothing was checked). */
  format: string;
  errors: number;
  warnings: number;
  findings: LintJsonFinding[];
  /** How much of the design spec the plan covers (see src/spec/coverage.ts), when it was checked against one. */
  specCoverage?: SpecCoverageSummary[];
}

export function lintJson(path: string, format: string, diagnostics: readonly Diagnostic[]): LintJson {
  const findings = diagnostics.map(toJsonDiagnostic);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { path, format, errors, warnings: findings.length - errors, findings };
}
