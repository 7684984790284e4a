import type { Rule } from '../types.js';
import { plainInline } from '../../plan/source.js';
import type { TestStrategyRow } from '../../plan/types.js';
import { quote } from './refs.js';

/** The test types of spec Phase 6. */
export const TEST_TYPES = ['Unit', 'Integration', 'Golden', 'Invariant', 'Failure', 'Benchmark'] as const;
const ACCEPTED = new RegExp(`\\b(?:${TEST_TYPES.join('|')})\\b`, 'i');

export const testStrategyType: Rule = {
  id: 'test-strategy-type',
  family: 'traceability',
  severity: 'warning',
  formats: ['full'],
  description: `Each row of the test-strategy table has a Test Type among the spec's: ${TEST_TYPES.join(', ')}. Types such as "Behavioral", "Regression", "Manual", "Build" or "Code review" say little about what kind of evidence the test gives ("Manual" and "Build" are not tests); a cell may combine types ("Golden + Invariant") or qualify one ("Unit (table-driven)").`,
  instruction: `Give every test-strategy row a Test Type among ${TEST_TYPES.join(', ')}; a contract checked only by compiling or by hand needs a real test.`,
  check(plan) {
    const table = plan.testStrategy.table;
    if (!table) return [];
    if (!table.header.some((h) => /type/i.test(h.text))) {
      return [{ message: `The test-strategy table has no Test Type column: add one with ${TEST_TYPES.join(' / ')}.`, span: table.header[0]?.span ?? table.span }];
    }
    // One finding per distinct type, at its first row: fifteen identical "Behavioral" warnings are noise.
    const groups = new Map<string, TestStrategyRow[]>();
    for (const row of plan.testStrategy.rows) {
      if (ACCEPTED.test(plainInline(row.type.text).replace(/\(.*?\)/g, ''))) continue;
      const key = (plainInline(row.type.text).toLowerCase().trim().split(/[\s/+(—–-]/)[0] ?? '');
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    return [...groups.values()].map((rows) => {
      const row = rows[0]!;
      const more = rows.length > 1 ? ` (${rows.length} rows)` : '';
      return {
        message:
          row.type.text.trim() === ''
            ? `Test-strategy row has no test type${more}: write one of ${TEST_TYPES.join(', ')}.`
            : `Test type "${quote(row.type.text)}"${more} is not one of ${TEST_TYPES.join(', ')}: name the kind of test that proves the contract.`,
        span: row.type.text.trim() === '' ? row.span : row.type.span,
      };
    });
  },
};
