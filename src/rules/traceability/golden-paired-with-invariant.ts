import type { Rule } from '../types.js';
import type { TestStrategyRow } from '../../plan/types.js';
import { citedTasks, contractIdsIn } from './refs.js';
import type { Plan } from '../../plan/types.js';

const GOLDEN = /\bgolden\b/i;
const INVARIANT = /\binvariant\b/i;
/** A golden row that only reruns golden tests already in the repository ("existing, must still pass"). */
const EXISTING = /\bexisting\b|\bunchanged\b|\bstill pass|\bbyte-identical\b|\bno regression\b|\bregression check/i;

/** Contracts and tasks a row is about, as "BC-1" / "task:3" keys. */
function keys(plan: Plan, row: TestStrategyRow): Set<string> {
  const out = new Set(contractIdsIn(plan, row.contract));
  for (const n of citedTasks(row.task.text).numbers) out.add(`task:${n}`);
  return out;
}

export const goldenPairedWithInvariant: Rule = {
  id: 'golden-paired-with-invariant',
  family: 'traceability',
  severity: 'error',
  formats: ['full'],
  description:
    'Every Golden row of the test-strategy table that adds or changes a golden test is paired with at least one Invariant row for the same contract or the same task (spec Phase 6, "MANDATORY"; the spec asks it "when adding a golden test", so a row that reruns existing golden tests unchanged is not reported). Golden tests only say the output did not change; if the golden values encode a bug, only an invariant test derived from the specification (conservation, monotonicity, causality, determinism) catches it.',
  instruction: (config) =>
    `Pair every Golden test with an Invariant test for the same contract or task, checking a system law rather than recorded values${
      config.invariants.length > 0 ? ` (e.g. ${config.invariants.slice(0, 2).map((i) => i.split(':')[0]).join(', ')})` : ''
    }; add its row to the test-strategy table.`,
  check(plan) {
    const rows = plan.testStrategy.rows;
    const invariantKeys = new Set<string>();
    for (const row of rows) if (INVARIANT.test(row.type.text)) for (const k of keys(plan, row)) invariantKeys.add(k);
    return rows
      .filter((row) => GOLDEN.test(row.type.text) && !INVARIANT.test(row.type.text))
      // The pairing is owed "when adding a golden test": rerunning existing ones adds none.
      .filter((row) => !EXISTING.test(`${row.name.text} ${row.task.text}`))
      .filter((row) => ![...keys(plan, row)].some((k) => invariantKeys.has(k)))
      .map((row) => {
        const about = contractIdsIn(plan, row.contract)[0] ?? row.contract.text.trim();
        return {
          message: `Golden test for ${about || 'this row'} has no paired Invariant test: add an Invariant row for the same contract or task that checks a system law (e.g. request conservation), not recorded output.`,
          span: row.type.span,
        };
      });
  },
};
