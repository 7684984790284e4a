import { describe, expect, it } from 'vitest';
import { formatStylish } from '../../src/output/stylish.js';
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
        'docs/design.md: not a plan (no behavioral contracts) — skipped',
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
    expect(formatStylish(report, { color: false })).toBe('docs/design.md: not a plan (no behavioral contracts) — skipped\n');
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

  describe('at a terminal width', () => {
    const LONG =
      'The executing-agent line differs from the spec: write exactly "> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task." so that the agent which opens the plan knows which skill runs it, and a reviewer sees the same line in every plan of the repository.';
    function longReport() {
      const report = sampleReport();
      const file = report.files[0]!;
      file.diagnostics = [file.diagnostics[0]!, { ...file.diagnostics[1]!, ruleId: 'agent-line-exact-wording', message: LONG }];
      return report;
    }

    it('wraps a long message under itself within 80 columns, its rule id at the end of its first line', () => {
      const lines = formatStylish(longReport(), { color: false, width: 80 }).split('\n');
      expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
      const first = lines.findIndex((l) => l.startsWith('  12:1'));
      expect(lines[first]).toMatch(/^ {2}12:1 {2}warning {2}The executing-agent line differs .* agent-line-exact-wording$/);
      expect(lines[first + 1]).toMatch(/^ {17}\S/);
      // Short findings keep one line, their ids aligned with the long one's.
      const short = lines.find((l) => l.startsWith('  1:3'))!;
      expect(short.indexOf('title-format')).toBe(lines[first]!.indexOf('agent-line-exact-wording'));
      // Every word of the message is there, in order.
      const text = lines.slice(first, first + 6).join(' ').replace('agent-line-exact-wording', '').replace(/\s+/g, ' ');
      expect(text).toContain(LONG.slice(0, 60));
    });

    it('puts the message below the rule id when the id leaves no room for a message column', () => {
      const report = longReport();
      report.files[0]!.diagnostics[1]!.ruleId = 'a-rule-id-so-long-that-the-message-column-would-be-narrow';
      const lines = formatStylish(report, { color: false, width: 80 }).split('\n');
      expect(lines).toContain('  12:1  warning  a-rule-id-so-long-that-the-message-column-would-be-narrow');
      expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
    });

    it('keeps one line per finding when there is no terminal (a pipe, a CI log), for grep', () => {
      const lines = formatStylish(longReport(), { color: false }).split('\n');
      expect(lines.filter((l) => l.includes(LONG))).toHaveLength(1);
    });
  });
});
