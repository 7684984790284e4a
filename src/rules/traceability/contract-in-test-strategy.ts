import type { Rule } from '../types.js';
import { partSection } from '../../plan/tables.js';
import { citesAllContracts, contractIdsIn } from './refs.js';

export const contractInTestStrategy: Rule = {
  id: 'contract-in-test-strategy',
  family: 'traceability',
  severity: 'error',
  formats: ['full'],
  description:
    'Section H (Test Strategy) holds a table "| Contract | Task | Test Type | Test Name / Description |" and every behavioral contract appears in its Contract column (ranges such as "BC-1–BC-3" count). The table is how a reviewer checks that each guarantee is proven by a test; a contract missing from it is usually a contract with no test.',
  instruction:
    'In section H, write the table "| Contract | Task | Test Type | Test Name / Description |" with at least one row for every contract.',
  check(plan) {
    const section = partSection(plan.sections, 'testStrategy');
    // A plan without section H is reported by the structure rules.
    if (!section) return [];
    const table = plan.testStrategy.table;
    if (!table) {
      return [
        {
          message: 'Section H has no test-strategy table: add "| Contract | Task | Test Type | Test Name / Description |" with a row for every contract.',
          span: section.heading.span,
        },
      ];
    }
    const covered = new Set<string>();
    for (const row of plan.testStrategy.rows) {
      if (citesAllContracts(row.contract.text)) return [];
      for (const id of contractIdsIn(plan, row.span)) covered.add(id);
    }
    return plan.contracts
      .filter((c) => !covered.has(c.id))
      .map((c) => ({
        message: `Contract ${c.id} is missing from the test-strategy table (section H): add a row "| ${c.id} | Task N | <type> | <test name> |".`,
        span: c.idSpan,
      }));
  },
};
