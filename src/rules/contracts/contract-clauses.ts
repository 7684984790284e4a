import type { ClauseKeyword } from '../../plan/types.js';
import type { Finding, Rule } from '../types.js';

const REQUIRED: readonly ClauseKeyword[] = ['GIVEN', 'WHEN', 'THEN'];
const PLACEHOLDER: Record<ClauseKeyword, string> = {
  GIVEN: '- GIVEN <precondition>',
  WHEN: '- WHEN <action>',
  THEN: '- THEN <observable outcome>',
  MECHANISM: '- MECHANISM <how>',
};

export const contractClauses: Rule = {
  id: 'contract-clauses',
  family: 'contracts',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'Every contract has a GIVEN (precondition), a WHEN (action) and a THEN (observable outcome), in that order; MECHANISM (how it is achieved) is optional and comes last. The three clauses are what a reviewer validates and what the test is written from: a contract written as free prose, or missing its WHEN, cannot be turned into a test mechanically.',
  instruction: 'Write every contract as "BC-N: <name>" followed by "- GIVEN <precondition>", "- WHEN <action>", "- THEN <observable outcome>" and optionally "- MECHANISM <how>", in that order.',
  check(plan) {
    const findings: Finding[] = [];
    for (const c of plan.contracts) {
      if (c.clauses.length === 0) {
        findings.push({
          message: `Contract ${c.id} has no GIVEN/WHEN/THEN clauses: rewrite it as "${PLACEHOLDER.GIVEN}", "${PLACEHOLDER.WHEN}", "${PLACEHOLDER.THEN}".`,
          span: c.idSpan,
        });
        continue;
      }
      const firstAt = (k: ClauseKeyword): number => c.clauses.findIndex((x) => x.keyword === k);
      const missing = REQUIRED.filter((k) => firstAt(k) < 0);
      for (const k of missing) {
        findings.push({ message: `Contract ${c.id} has no ${k} clause: add "${PLACEHOLDER[k]}".`, span: c.idSpan });
      }
      // Order: GIVEN before the first WHEN, WHEN before the first THEN, MECHANISM after a THEN.
      const present = REQUIRED.filter((k) => firstAt(k) >= 0);
      for (let i = 1; i < present.length; i++) {
        const k = present[i]!;
        const before = present[i - 1]!;
        if (firstAt(k) < firstAt(before)) {
          findings.push({
            message: `In contract ${c.id} the ${k} clause comes before ${before}: write GIVEN, then WHEN, then THEN.`,
            span: c.clauses[firstAt(k)]!.span,
          });
        }
      }
      const then = firstAt('THEN');
      for (const [i, clause] of c.clauses.entries()) {
        if (clause.keyword === 'MECHANISM' && then >= 0 && i < then) {
          findings.push({ message: `In contract ${c.id} MECHANISM comes before THEN: move the MECHANISM clause after THEN.`, span: clause.span });
        }
        if (clause.text.replace(/[*_`:\s-]/g, '') === '') {
          findings.push({ message: `The ${clause.keyword} clause of contract ${c.id} is empty: complete it ("${PLACEHOLDER[clause.keyword]}").`, span: clause.span });
        }
      }
    }
    return findings;
  },
};
