/**
 * The revision request: what the linter found, in a form a model can act on — one finding per
 * line as `line:col rule-id message` — and the instruction to send back the whole plan, since
 * a diff or "only the changed sections" cannot be linted or saved.
 */
import type { Diagnostic } from '../../rules/types.js';

export function formatFinding(d: Diagnostic): string {
  return `${d.span.start.line}:${d.span.start.column} ${d.ruleId} ${d.message}`;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}

export interface RevisionNotes {
  /** The previous answer stopped at the output-token limit. */
  truncated?: boolean;
}

export function revisionRequest(diagnostics: readonly Diagnostic[], notes: RevisionNotes = {}): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity !== 'error');
  const out: string[] = [
    `\`microplan lint\` checked your plan and found ${plural(errors.length, 'error')} and ${plural(warnings.length, 'warning')}. Each finding is \`line:column rule-id message\`, with lines counted from your plan's title.`,
  ];
  if (errors.length > 0) out.push('', 'Errors (must be fixed):', ...errors.map(formatFinding));
  if (warnings.length > 0) out.push('', 'Warnings (fix them unless the plan is right as it is):', ...warnings.map(formatFinding));
  if (notes.truncated) {
    out.push('', 'Your previous answer was cut off at the output limit: keep the corrected plan complete and more concise.');
  }
  out.push(
    '',
    'Fix every finding without breaking what already passes, then return the WHOLE corrected plan: one Markdown document starting with its "# … Implementation Plan" title — not a diff, not only the changed sections, no commentary before or after it.',
  );
  return out.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
