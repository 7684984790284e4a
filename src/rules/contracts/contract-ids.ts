import type { Contract } from '../../plan/types.js';
import type { Finding, Rule } from '../types.js';

export const contractIds: Rule = {
  id: 'contract-ids',
  family: 'contracts',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'Contract ids are unique and numbered 1..N without gaps (BC-1, BC-2, …). Tests, tasks, commits and reviews refer to contracts by id, so a duplicate makes a reference ambiguous and a gap looks like a contract that was dropped. The order in which they are written is free: contracts are grouped (positive, negative, error handling), so a contract added to an earlier group legitimately stands before lower ids. Ids with another prefix (see contract-id-prefix) are checked as their own sequence.',
  instruction: 'Number contracts BC-1, BC-2, … BC-N, each id used once, with no gaps.',
  check(plan) {
    const findings: Finding[] = [];
    const byPrefix = new Map<string, Contract[]>();
    for (const c of plan.contracts) {
      const list = byPrefix.get(c.prefix) ?? [];
      list.push(c);
      byPrefix.set(c.prefix, list);
    }
    for (const [prefix, list] of byPrefix) {
      const first = new Map<number, Contract>();
      for (const c of list) {
        const seen = first.get(c.number);
        if (seen) {
          findings.push({
            message: `Contract id ${c.id} is used twice (first on line ${seen.idSpan.start.line}): give this contract its own number and renumber the rest.`,
            span: c.idSpan,
          });
          continue;
        }
        first.set(c.number, c);
      }
      const numbers = [...first.keys()].sort((a, b) => a - b);
      let prev = 0;
      for (const n of numbers) {
        if (n > prev + 1) {
          const missing = prev + 1 === n - 1 ? `${prefix}-${prev + 1} is` : `${prefix}-${prev + 1}…${prefix}-${n - 1} are`;
          findings.push({
            message: prev === 0
              ? `Contract numbering starts at ${prefix}-${n} (${missing} missing): renumber the contracts from ${prefix}-1 without gaps.`
              : `Contract ids jump from ${prefix}-${prev} to ${prefix}-${n} (${missing} missing): renumber the contracts without gaps.`,
            span: first.get(n)!.idSpan,
          });
        }
        prev = n;
      }
      if (first.has(0)) {
        findings.push({ message: `Contract id ${prefix}-0 is not allowed: number contracts from ${prefix}-1.`, span: first.get(0)!.idSpan });
      }
    }
    return findings;
  },
};
