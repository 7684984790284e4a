/** Machine-readable output; its shape is a public contract (see docs and test/format/json.test.ts). */
import type { LintReport } from '../engine/run.js';

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
  files: Array<{ path: string; format: 'full' | 'compact' | 'none'; diagnostics: JsonDiagnostic[] }>;
  errorCount: number;
  warningCount: number;
}

export function toJsonReport(report: LintReport): JsonReport {
  return {
    files: report.files.map((f) => ({
      path: f.path,
      format: f.format,
      diagnostics: f.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity,
        message: d.message,
        line: d.span.start.line,
        column: d.span.start.column,
        endLine: d.span.end.line,
        endColumn: d.span.end.column,
      })),
    })),
    errorCount: report.errorCount,
    warningCount: report.warningCount,
  };
}

export function formatJson(report: LintReport): string {
  return JSON.stringify(toJsonReport(report), null, 2) + '\n';
}
