import { describe, expect, it } from 'vitest';
import { formatStylish } from '../../src/format/stylish.js';
import { span } from '../../src/plan/source.js';
import { sampleReport } from './fixtures.js';

describe('stylish formatter', () => {
  it('prints a header per file with aligned line:col, severity, message and rule id, then a summary', () => {
    expect(formatStylish(sampleReport(), { color: false })).toBe(
      [
        '',
        'docs/plans/cache-plan.md',
        '  1:3   error    Title "Cache" must end with "Implementation Plan".            title-format',
        '  12:1  warning  Part 1 has 130 lines, over 120: move detail to the appendix.  some-budget',
        '',
        'docs/design.md: not a micro-plan (no behavioral contracts) — skipped',
        '',
        '✖ 2 problems (1 error, 1 warning)',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for clean plans', () => {
    const report = sampleReport();
    report.files = [report.files[1]!];
    report.errorCount = 0;
    report.warningCount = 0;
    expect(formatStylish(report, { color: false })).toBe('');
  });

  it('prints the one-line skip note for a document that is not a plan', () => {
    const report = sampleReport();
    report.files = [report.files[2]!];
    report.errorCount = 0;
    report.warningCount = 0;
    expect(formatStylish(report, { color: false })).toBe('docs/design.md: not a micro-plan (no behavioral contracts) — skipped\n');
  });

  it('uses singular words for one problem and says how many are fixable', () => {
    const report = sampleReport();
    const file = report.files[0]!;
    file.diagnostics = [{ ...file.diagnostics[0]!, fix: { span: span(1, 3, 1, 8), replacement: 'x' } }];
    report.files = [file];
    report.warningCount = 0;
    const out = formatStylish(report, { color: false });
    expect(out).toContain('✖ 1 problem (1 error, 0 warnings)');
    expect(out).toContain('1 problem potentially fixable with the `--fix` option.');
  });

  it('colours severities only when asked, and the text stays the same without the escapes', () => {
    const coloured = formatStylish(sampleReport(), { color: true });
    expect(coloured).toContain('\u001b[31merror  \u001b[39m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m');
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(formatStylish(sampleReport(), { color: false }));
    expect(formatStylish(sampleReport(), { color: false })).not.toContain('\u001b[');
  });
});
