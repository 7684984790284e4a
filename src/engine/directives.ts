/** Applies `<!-- microplan-disable… -->` directives to diagnostics (see plan/directives.ts). */
import type { Directive } from '../plan/types.js';
import type { Diagnostic } from '../rules/types.js';

export function applyDirectives(diagnostics: Diagnostic[], directives: readonly Directive[]): Diagnostic[] {
  if (directives.length === 0) return diagnostics;
  const sorted = [...directives].sort((a, b) => a.line - b.line);
  return diagnostics.filter((d) => !isSuppressed(d, sorted));
}

function matches(directive: Directive, ruleId: string): boolean {
  return directive.ruleIds.length === 0 || directive.ruleIds.includes(ruleId);
}

function isSuppressed(d: Diagnostic, directives: readonly Directive[]): boolean {
  const line = d.span.start.line;
  let disabled = false;
  for (const dir of directives) {
    if (dir.kind === 'disable-next-line' && dir.line + 1 === line && matches(dir, d.ruleId)) return true;
    if (dir.kind === 'disable-line' && dir.line === line && matches(dir, d.ruleId)) return true;
    if (dir.line > line) continue;
    if (dir.kind === 'disable' && matches(dir, d.ruleId)) disabled = true;
    // A bare enable re-enables everything; a named one only those rules.
    if (dir.kind === 'enable' && matches(dir, d.ruleId)) disabled = false;
  }
  return disabled;
}
