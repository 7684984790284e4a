import type { Rule } from '../types.js';
import { plainInline } from '../../plan/source.js';
import type { Plan, Span } from '../../plan/types.js';
import { contractIdsIn } from './refs.js';

/**
 * Contract ids a task claims: its "Contracts Implemented:" line, its title, its step titles
 * ("Step 1: Write failing test for BC-3") and its commit message. Read from the plan-wide
 * references, which know the plan's own prefixes ("FIX-1") and ranges ("BC-1..4").
 */
export function claimedContracts(plan: Plan): Set<string> {
  const spans: Span[] = [];
  for (const t of plan.tasks) {
    spans.push(t.title.span, ...t.steps.map((s) => s.title.span));
    if (t.contractsSpan) spans.push(t.contractsSpan);
    if (t.commit) spans.push(t.commit.span);
  }
  const ids = new Set(plan.tasks.flatMap((t) => t.contracts.map((r) => r.id)));
  for (const s of spans) for (const id of contractIdsIn(plan, s)) ids.add(id);
  return ids;
}

function claimsAll(plan: Plan, task: Plan['tasks'][number]): boolean {
  if (/\ball\s+(?:contracts|bcs)\b/i.test(plainInline(task.title.text))) return true;
  if (!task.contractsSpan) return false;
  const line = plainInline(plan.lines[task.contractsSpan.start.line - 1] ?? '');
  return /contracts?(?:\s+implemented)?\s*:\s*all\b/i.test(line);
}

export const contractImplemented: Rule = {
  id: 'contract-implemented',
  family: 'traceability',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'Every behavioral contract is implemented by some task: its id appears on a task\'s "Contracts Implemented:" line, in the task title ("### Task 3: Foo (BC-2, BC-3)"), in a step title or in the task\'s commit message. A contract no task claims is either dead text or work the executing agent will silently skip. Plans whose tasks could not be found are left to the task rules.',
  instruction:
    'Give every contract to exactly the task that makes it true: list its id on that task\'s "Contracts Implemented:" line (compact plans: in the task title, "### Task N: <Name> (BC-X)").',
  check(plan) {
    if (plan.tasks.length === 0) return [];
    const claimed = claimedContracts(plan);
    // "Task 4: Cluster integration (all BCs)" and "Contracts Implemented: All (verification)" claim every contract.
    if (plan.tasks.some((t) => claimsAll(plan, t))) return [];
    return plan.contracts
      .filter((c) => !claimed.has(c.id))
      .map((c) => ({
        message: `Contract ${c.id} is not implemented by any task: add ${c.id} to the "Contracts Implemented:" line of the task that makes it true.`,
        span: c.idSpan,
      }));
  },
};
