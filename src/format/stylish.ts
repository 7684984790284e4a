/** ESLint's "stylish" layout: a header per file, aligned `line:col  severity  message  rule-id` rows, a summary. */
import type { LintReport } from '../engine/run.js';
import type { FormatOptions } from './types.js';

const ESC = '\u001b[';
type Paint = (s: string) => string;
const paint = (on: boolean, open: string, close: string): Paint => (on ? (s) => `${ESC}${open}m${s}${ESC}${close}m` : (s) => s);

/** Display width that ignores ANSI codes (columns are padded before colouring anyway). */
function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - [...s].length));
}

const MAX_ALIGNED_MESSAGE = 100;

export function formatStylish(report: LintReport, options: Pick<FormatOptions, 'color'>): string {
  const c = options.color;
  const underline = paint(c, '4', '24');
  const dim = paint(c, '2', '22');
  const red = paint(c, '31', '39');
  const yellow = paint(c, '33', '39');
  const bold = paint(c, '1', '22');
  const out: string[] = [];
  const skipped: string[] = [];
  let fixable = 0;
  for (const file of report.files) {
    if (file.format === 'none' && file.diagnostics.length === 0) {
      skipped.push(`${underline(file.path)}: ${dim(`not a micro-plan (${file.formatReason}) — skipped`)}`);
      continue;
    }
    if (file.diagnostics.length === 0) continue;
    const rows = file.diagnostics.map((d) => ({
      at: `${d.span.start.line}:${d.span.start.column}`,
      sev: d.severity,
      // Messages are one line by convention; keep the table intact if a rule breaks it.
      msg: d.message.replace(/\s*\n\s*/g, ' '),
      id: d.ruleId,
    }));
    fixable += file.diagnostics.filter((d) => d.fix).length;
    const wAt = Math.max(...rows.map((r) => r.at.length));
    const wSev = Math.max(...rows.map((r) => r.sev.length));
    // Align rule ids only while messages are short; one long message must not push every id off-screen.
    const wMsg = Math.min(MAX_ALIGNED_MESSAGE, Math.max(...rows.map((r) => [...r.msg].length)));
    out.push('', underline(file.path));
    for (const r of rows) {
      const sev = r.sev === 'error' ? red(pad(r.sev, wSev)) : yellow(pad(r.sev, wSev));
      out.push(`  ${dim(pad(r.at, wAt))}  ${sev}  ${pad(r.msg, wMsg)}  ${dim(r.id)}`.trimEnd());
    }
  }
  // Skipped files after the findings, so they do not split the blocks a reader scans.
  if (skipped.length > 0) out.push(...(out.length > 0 ? [''] : []), ...skipped);
  const total = report.errorCount + report.warningCount;
  if (total > 0) {
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    const colour = report.errorCount > 0 ? red : yellow;
    out.push(
      '',
      colour(bold(`✖ ${plural(total, 'problem')} (${plural(report.errorCount, 'error')}, ${plural(report.warningCount, 'warning')})`)),
    );
    if (fixable > 0) out.push(colour(bold(`  ${plural(fixable, 'problem')} potentially fixable with the \`--fix\` option.`)));
  }
  return out.length > 0 ? out.join('\n') + '\n' : '';
}
