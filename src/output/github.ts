/**
 * GitHub Actions workflow commands: one `::error …::message` / `::warning …::message` line per
 * diagnostic, which GitHub shows as annotations on the PR diff.
 */
import { relative, resolve, sep } from 'node:path';
import type { LintReport } from '../engine/run.js';
import type { FormatOptions } from './types.js';

/** Escaping of the message part (toolkit's escapeData). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a property value (toolkit's escapeProperty): also ':' and ','. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function displayPath(path: string, cwd: string): string {
  if (path.startsWith('<')) return path;
  const rel = relative(cwd, resolve(cwd, path));
  return rel.split(sep).join('/');
}

export function formatGithub(report: LintReport, options: Pick<FormatOptions, 'cwd'>): string {
  const lines: string[] = [];
  for (const f of report.files) {
    const file = escapeProperty(displayPath(f.path, options.cwd));
    for (const d of f.diagnostics) {
      const props = [
        `file=${file}`,
        `line=${d.span.start.line}`,
        `col=${d.span.start.column}`,
        `endLine=${d.span.end.line}`,
        `endColumn=${d.span.end.column}`,
        `title=${escapeProperty(d.ruleId)}`,
      ].join(',');
      lines.push(`::${d.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(d.message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
