import type { Finding, Rule } from '../types.js';

export const contractIdPrefix: Rule = {
  id: 'contract-id-prefix',
  family: 'contracts',
  severity: 'warning',
  formats: ['full', 'compact'],
  description:
    'Every contract is named BC-N. Plans sometimes invent other prefixes (NC-1 for negative contracts, EC-1 for error handling, FIX-1, BEH-1); the group label already says what kind a contract is, and one id space keeps "BC-1..BC-N all mapped to tasks" checkable. Reported once per foreign prefix, at its first contract, with the BC numbers to use.',
  instruction: 'Name every contract BC-N — negative and error-handling contracts too (put them under their group label instead of using NC-/EC- prefixes).',
  check(plan) {
    const findings: Finding[] = [];
    let next = Math.max(0, ...plan.contracts.filter((c) => c.prefix === 'BC').map((c) => c.number)) + 1;
    const reported = new Set<string>();
    for (const c of plan.contracts) {
      if (c.prefix === 'BC' || reported.has(c.prefix)) continue;
      reported.add(c.prefix);
      const same = plan.contracts.filter((x) => x.prefix === c.prefix);
      const ids = same.length === 1 ? c.id : `${same[0]!.id}…${same[same.length - 1]!.id}`;
      const target = same.length === 1 ? `BC-${next}` : `BC-${next}…BC-${next + same.length - 1}`;
      next += same.length;
      findings.push({
        message: `Contract${same.length === 1 ? '' : 's'} ${ids} use${same.length === 1 ? 's' : ''} the prefix "${c.prefix}": the spec names every contract BC-N — renumber as ${target} and update every reference.`,
        span: c.idSpan,
      });
    }
    return findings;
  },
};
