/**
 * ESLint's "stylish" layout: a header per file, aligned `line:col  severity  message  rule-id`
 * rows, a summary. Not on a terminal (a pipe, a CI log) each finding stays on one line, as
 * ESLint and markdownlint print it, for grep. On a terminal of `width` columns a long message
 * wraps under itself, the rule id staying at the end of its first line, so nothing runs past the
 * edge and every id stays visible.
 */
import type { LintReport } from '../engine/run.js';
import { palette } from './color.js';
import type { FormatOptions } from './types.js';
import { displayWidth, padEnd as pad, wrapWords } from './wrap.js';

const MAX_ALIGNED_MESSAGE = 100;
/** Narrower than this, a message column is unreadable: the message goes on lines of its own. */
const MIN_MESSAGE_COLUMN = 24;

interface Row {
  at: string;
  sev: 'error' | 'warning';
  msg: string;
  id: string;
}

export function formatStylish(report: LintReport, options: Pick<FormatOptions, 'color'> & { width?: number | undefined }): string {
  const { underline, dim, red, yellow, bold } = palette(options.color);
  const out: string[] = [];
  const skipped: string[] = [];
  let fixable = 0;
  for (const file of report.files) {
    if (file.format === 'none' && file.diagnostics.length === 0) {
      skipped.push(`${underline(file.path)}: ${dim(`not a plan (${file.formatReason}) — skipped`)}`);
      continue;
    }
    if (file.diagnostics.length === 0) continue;
    const rows: Row[] = file.diagnostics.map((d) => ({
      at: `${d.span.start.line}:${d.span.start.column}`,
      sev: d.severity,
      // Messages are one line by convention; keep the table intact if a rule breaks it.
      msg: d.message.replace(/\s*\n\s*/g, ' '),
      id: d.ruleId,
    }));
    fixable += file.diagnostics.filter((d) => d.fix).length;
    const wAt = Math.max(...rows.map((r) => r.at.length));
    const wSev = Math.max(...rows.map((r) => r.sev.length));
    const wId = Math.max(...rows.map((r) => r.id.length));
    const indent = 2 + wAt + 2 + wSev + 2;
    // Align rule ids only while messages are short; one long message must not push every id off-screen.
    let wMsg = Math.min(MAX_ALIGNED_MESSAGE, Math.max(...rows.map((r) => displayWidth(r.msg))));
    if (options.width !== undefined) wMsg = Math.min(wMsg, options.width - indent - 2 - wId);
    out.push('', underline(file.path));
    for (const r of rows) {
      const sev = r.sev === 'error' ? red(pad(r.sev, wSev)) : yellow(pad(r.sev, wSev));
      const lead = `  ${dim(pad(r.at, wAt))}  ${sev}  `;
      if (options.width === undefined || displayWidth(r.msg) <= wMsg) {
        out.push(`${lead}${pad(r.msg, wMsg)}  ${dim(r.id)}`.trimEnd());
        continue;
      }
      const under = ' '.repeat(indent);
      const rest = Math.max(MIN_MESSAGE_COLUMN, options.width - indent);
      if (wMsg < MIN_MESSAGE_COLUMN) {
        // Too narrow for a message column: the id on the finding's line, the message below it.
        out.push(`${lead}${dim(r.id)}`, ...wrapWords(r.msg, rest).map((l) => `${under}${l}`));
        continue;
      }
      const [first, ...more] = wrapWords(r.msg, wMsg, rest);
      out.push(`${lead}${pad(first!, wMsg)}  ${dim(r.id)}`, ...more.map((l) => `${under}${l}`));
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
