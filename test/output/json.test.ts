import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/output/json.js';
import { sampleReport } from './fixtures.js';

describe('json formatter', () => {
  it('prints exactly files (path, format, diagnostics) and the counts', () => {
    expect(JSON.parse(formatJson(sampleReport()))).toEqual({
      files: [
        {
          path: 'docs/plans/cache-plan.md',
          format: 'full',
          diagnostics: [
            { ruleId: 'title-format', severity: 'error', message: 'Title "Cache" must end with "Implementation Plan".', line: 1, column: 3, endLine: 1, endColumn: 8 },
            { ruleId: 'some-budget', severity: 'warning', message: 'Part 1 has 130 lines, over 120: move detail to the appendix.', line: 12, column: 1, endLine: 142, endColumn: 1 },
          ],
        },
        { path: 'docs/plans/clean-plan.md', format: 'compact', diagnostics: [] },
        { path: 'docs/design.md', format: 'none', diagnostics: [] },
      ],
      errorCount: 1,
      warningCount: 1,
    });
  });
});
