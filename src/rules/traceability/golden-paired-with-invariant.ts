import type { Rule } from '../types.js';
import { contractIdsIn } from './refs.js';
import type { Plan } from '../../plan/types.js';

const GOLDEN = /\bgolden\b/i;
const INVARIANT = /\binvariant\b/i;
/** A golden row that only reruns golden tests already in the repository ("existing, must still pass"). */
const EXISTING = /\bexisting\b|\bunchanged\b|\bstill pass|\bbyte-identical\b|\bno regression\b|\bregression check/i;

/**
 * Whether the plan adds or regenerates golden data: a task touches a golden file, or says it
 * regenerates one. Rerunning existing golden tests ("passes without regeneration") adds none.
 */
function changesGolden(plan: Plan): boolean {
  if (plan.tasks.some((t) => t.files.some((f) => /golden/i.test(f.path) && f.action !== 'test'))) return true;
  for (const t of plan.tasks) {
    for (let l = t.span.start.line; l <= t.span.end.line; l++) {
      const line = plan.lines[l - 1] ?? '';
      if (/\bregenerat\w*\b[^.]{0,60}\bgolden|\bgolden\b[^.]{0,60}\bregenerat|\bgolden\w*\b[^.]{0,30}-update\b/i.test(line) && !/\bwithout regenerat|\bno regenerat|\bnot (?:be )?regenerat/i.test(line)) return true;
    }
  }
  return false;
}

/** "Invariant tests: … already exist and continue to pass" under the test-strategy table. */
function invariantProse(plan: Plan): boolean {
  const table = plan.testStrategy.table;
  if (!table) return false;
  for (let l = table.span.end.line + 1; l <= Math.min(plan.lines.length, table.span.end.line + 30); l++) {
    const line = plan.lines[l - 1] ?? '';
    if (/^#{1,3}\s/.test(line)) break;
    if (/\binvariant tests?\b/i.test(line)) return true;
  }
  return false;
}

export const goldenPairedWithInvariant: Rule = {
  id: 'golden-paired-with-invariant',
  family: 'traceability',
  severity: 'error',
  formats: ['full'],
  description:
    'Every Golden row of the test-strategy table that adds or changes a golden test is paired with invariant testing: an Invariant row in the table, or a statement under it of which invariant tests stand beside the golden ones (spec Phase 6, "MANDATORY"; the spec asks it "when adding a golden test", so it is checked only in a plan that adds or regenerates golden data — a task touching a golden file or saying it regenerates one — and a row that reruns existing golden tests unchanged is not reported). Golden tests only say the output did not change; if the golden values encode a bug, only an invariant test derived from the specification (conservation, monotonicity, causality, determinism) catches it.',
  instruction: (config) =>
    `Pair every Golden test with an Invariant test, checking a system law rather than recorded values${
      config.invariants.length > 0 ? ` (e.g. ${config.invariants.slice(0, 2).map((i) => i.split(':')[0]).join(', ')})` : ''
    }; add its row to the test-strategy table.`,
  check(plan) {
    const rows = plan.testStrategy.rows;
    const goldens = rows
      .filter((row) => GOLDEN.test(row.type.text) && !INVARIANT.test(row.type.text))
      // The pairing is owed "when adding a golden test": rerunning existing ones adds none.
      .filter((row) => !EXISTING.test(`${row.name.text} ${row.task.text}`));
    if (goldens.length === 0 || !changesGolden(plan)) return [];
    // The spec pairs golden tests with invariant tests, not row by row: a plan with invariant rows
    // or prose saying which invariant tests stand beside its golden ones has the pairing.
    if (rows.some((row) => INVARIANT.test(row.type.text)) || invariantProse(plan)) return [];
    return goldens.map((row) => {
      const about = contractIdsIn(plan, row.contract)[0] ?? row.contract.text.trim();
      return {
        message: `Golden test for ${about || 'this row'} has no paired Invariant test: add an Invariant row that checks a system law (e.g. request conservation), not recorded output.`,
        span: row.type.span,
      };
    });
  },
};
