import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { fullPlan } from './plan-fixtures.js';

const source = (text: string): string => fullPlan({ source: [`**Source:** ${text}`, ''] });

describe('source-present', () => {
  it('accepts issues, links, design-doc paths and macro-plan sections', async () => {
    for (const s of ['GitHub issue #193', 'https://github.com/o/r/issues/1283', 'Design doc `docs/plans/2026-02-18-hardening-design.md`', 'Phase 2, PR 4 in the macro plan']) {
      expect(await lintRule('source-present', source(s))).toEqual([]);
    }
  });

  it('flags a source that names nothing, at its value', async () => {
    const ds = await lintRule('source-present', source('TBD'));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('"TBD" names no issue, link, document or macro-plan section');
    expect(ds[0]!.span.start).toEqual({ line: 17, column: 13 });
  });
});
