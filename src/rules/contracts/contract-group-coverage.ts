import { groupLabel } from '../../plan/contracts.js';
import type { ContractGroup } from '../../plan/types.js';
import type { Finding, Rule } from '../types.js';
import { contractsAnchor, contractsSection } from './util.js';

const WANTED: ReadonlyArray<{ group: ContractGroup; label: string; what: string }> = [
  { group: 'negative', label: 'Negative Contracts', what: 'what MUST NOT happen: invariants this PR could break, state leaks, regressions' },
  { group: 'error', label: 'Error Handling Contracts', what: 'what happens on invalid input or resource exhaustion: panic, error return or log-and-continue' },
];

export const contractGroupCoverage: Rule = {
  id: 'contract-group-coverage',
  family: 'contracts',
  severity: 'warning',
  formats: ['full'],
  description:
    'A full plan has negative contracts (what MUST NOT happen) and error-handling contracts besides the positive ones — the two kinds of promise most often forgotten. A small PR may genuinely have none of one kind: then say so under the label ("**Error Handling Contracts:** none — this PR adds no failure paths"), which satisfies the rule and tells the reviewer it was considered.',
  instruction: 'Include negative contracts and error-handling contracts; if the PR has none of one kind, keep the label and write "none — <reason>" under it.',
  check(plan) {
    if (plan.contracts.length === 0) return [];
    const present = new Set<ContractGroup>(plan.contracts.flatMap((c) => (c.group ? [c.group] : [])));
    // A label with no contracts under it ("Error Handling Contracts: none — …") declares the group considered.
    const section = contractsSection(plan);
    if (section) {
      for (let l = section.bodyStart; l <= section.bodyEnd; l++) {
        if (plan.codeBlocks.some((b) => b.span.start.line <= l && l <= b.span.end.line)) continue;
        const line = plan.lines[l - 1] ?? '';
        // "**Error Handling Contracts:** none — <a long reason>": judge the bold label alone.
        const g = groupLabel(line) ?? groupLabel(line.replace(/^(\s*(?:\*\*|__)[^*_]+(?:\*\*|__)).*$/, '$1'));
        if (g) present.add(g);
      }
    }
    const findings: Finding[] = [];
    for (const w of WANTED) {
      if (present.has(w.group)) continue;
      findings.push({
        message: `The plan has no ${w.label.toLowerCase()} (${w.what}): add a "${w.label}" group, or write "${w.label}: none — <reason>" if there are none.`,
        span: contractsAnchor(plan),
      });
    }
    return findings;
  },
};
