/** A small lint report shared by the formatter tests. */
import type { LintReport } from '../../src/engine/run.js';
import { span } from '../../src/plan/source.js';

export function sampleReport(): LintReport {
  return {
    files: [
      {
        path: 'docs/plans/cache-plan.md',
        format: 'full',
        formatReason: '11 lettered sections',
        diagnostics: [
          { ruleId: 'title-format', severity: 'error', message: 'Title "Cache" must end with "Implementation Plan".', span: span(1, 3, 1, 8) },
          { ruleId: 'some-budget', severity: 'warning', message: 'Part 1 has 130 lines, over 120: move detail to the appendix.', span: span(12, 1, 142, 1) },
        ],
        errorCount: 1,
        warningCount: 1,
        fixesApplied: 0,
      },
      { path: 'docs/plans/clean-plan.md', format: 'compact', formatReason: 'compact', diagnostics: [], errorCount: 0, warningCount: 0, fixesApplied: 0 },
      { path: 'docs/design.md', format: 'none', formatReason: 'no behavioral contracts', diagnostics: [], errorCount: 0, warningCount: 0, fixesApplied: 0 },
    ],
    problems: [],
    notices: [],
    errorCount: 1,
    warningCount: 1,
  };
}
