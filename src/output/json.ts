/** Machine-readable output; its shape is a public contract (see docs and test/output/json.test.ts). */
import type { LintReport } from '../engine/run.js';
import type { Diagnostic } from '../rules/types.js';
import type { PlanFormat } from '../plan/types.js';
import type { SpecCoverageSummary } from '../spec/coverage.js';

export interface JsonDiagnostic {
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonReport {
  /** `specCoverage`: present when the plan was checked against a design spec (`--spec`, or the one it names). */
  files: Array<{ path: string; format: PlanFormat; diagnostics: JsonDiagnostic[]; specCoverage?: SpecCoverageSummary[] }>;
  errorCount: number;
  warningCount: number;
}

/** One diagnostic as JSON, with 1-based positions: `lint --format json` and the MCP `lint_plan` tool share it. */
export function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    line: d.span.start.line,
    column: d.span.start.column,
    endLine: d.span.end.line,
    endColumn: d.span.end.column,
  };
}

export function toJsonReport(report: LintReport): JsonReport {
  return {
    files: report.files.map((f) => ({
      path: f.path,
      format: f.format,
      diagnostics: f.diagnostics.map(toJsonDiagnostic),
      ...(f.specCoverage ? { specCoverage: f.specCoverage } : {}),
    })),
    errorCount: report.errorCount,
    warningCount: report.warningCount,
  };
}

export function formatJson(report: LintReport): string {
  return JSON.stringify(toJsonReport(report), null, 2) + '\n';
}
