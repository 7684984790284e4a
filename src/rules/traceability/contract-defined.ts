import type { Rule } from '../types.js';
import type { ContractRef, Plan } from '../../plan/types.js';

const SHELL = new Set(['', 'bash', 'sh', 'shell', 'console', 'zsh', 'text', 'txt', 'markdown', 'md']);
/** A contract head line: "- **BEH-5 — Name.**", "### BC-2: Name", "**NC-1:** …". */
const HEAD = /^\s*(?:#{1,6}\s+|[-*+]\s+)?(?:\*\*|__)?\s*$/;

/**
 * Lines of source code in the plan. Code comments often cite contracts of earlier PRs
 * ("// BC-8: includes snapshots" in the file being modified), so only prose, tables and shell
 * blocks (where commit messages live) are checked.
 */
function codeLines(plan: Plan): Set<number> {
  const out = new Set<number>();
  for (const b of plan.codeBlocks) {
    if (SHELL.has(b.lang)) continue;
    for (let l = b.span.start.line; l <= b.span.end.line; l++) out.add(l);
  }
  return out;
}

/**
 * Lines where the plan traces its own contracts: task titles, "Contracts Implemented" lines,
 * step titles, commit messages and test-strategy rows. Elsewhere (deviation rows, prose, notes)
 * an id is as likely another document's contract ("fixed by BC-14" in an earlier PR, "BC-7 there").
 */
function tracingLines(plan: Plan): Set<number> {
  const out = new Set<number>();
  const add = (s: { start: { line: number }; end: { line: number } } | undefined): void => {
    if (s) for (let l = s.start.line; l <= s.end.line; l++) out.add(l);
  };
  for (const t of plan.tasks) {
    add(t.title.span);
    add(t.contractsSpan);
    for (const step of t.steps) add(step.title.span);
    add(t.commit?.span);
  }
  for (const row of plan.testStrategy.rows) add(row.span);
  return out;
}

export const contractDefined: Rule = {
  id: 'contract-defined',
  family: 'traceability',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'Every contract id the plan traces — in task titles and "Contracts Implemented" lines, step titles, commit messages and the test-strategy table — is defined in the Behavioral Contracts section. A reference to "BC-9" when only BC-1…BC-8 exist is a renumbering leftover or a contract that was never written. Ids in prose, deviation rows and source-code comments are not checked: there they often cite another document\'s contracts ("fixed by BC-14" in an earlier PR); nor are namespaced ids of another document ("BC-MS-3") whose prefix the plan does not use.',
  instruction:
    'Reference only contracts you defined in the Behavioral Contracts section; after renumbering contracts, update every task, table row and commit message that cites them.',
  check(plan) {
    // With no contracts at all the contract rules report the missing section; every mention would be noise here.
    if (plan.contracts.length === 0) return [];
    const defined = new Set(plan.contracts.map((c) => c.id));
    const prefixes = new Set([...plan.contracts.map((c) => c.prefix), 'BC', 'NC', 'EC']);
    const code = codeLines(plan);
    // A head line the contract parser skipped (no GIVEN/WHEN/THEN clauses) still defines the id.
    for (const ref of plan.contractRefs) {
      const before = (plan.lines[ref.span.start.line - 1] ?? '').slice(0, ref.span.start.column - 1);
      if (HEAD.test(before) && ref.span.end.column - ref.span.start.column === ref.id.length) defined.add(ref.id);
    }
    const traced = tracingLines(plan);
    const byId = new Map<string, ContractRef[]>();
    for (const ref of plan.contractRefs) {
      if (defined.has(ref.id) || code.has(ref.span.start.line) || !traced.has(ref.span.start.line)) continue;
      if (!prefixes.has(ref.id.slice(0, ref.id.lastIndexOf('-')))) continue;
      const list = byId.get(ref.id) ?? [];
      list.push(ref);
      byId.set(ref.id, list);
    }
    const ids = plan.contracts.map((c) => c.id).join(', ');
    return [...byId].map(([id, refs]) => ({
      message: `${id} is referenced${refs.length > 1 ? ` ${refs.length} times` : ''} but never defined (contracts: ${ids}): define ${id} in the Behavioral Contracts section or fix the reference.`,
      span: refs[0]!.span,
    }));
  },
};
