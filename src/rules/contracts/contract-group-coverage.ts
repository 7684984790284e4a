import { groupLabel } from '../../plan/contracts.js';
import type { Contract, ContractGroup } from '../../plan/types.js';
import { codeLines } from '../code-lines.js';
import type { Finding, Rule } from '../types.js';
import { contractsAnchor, contractsSection } from './util.js';

const WANTED: ReadonlyArray<{ group: ContractGroup; label: string; what: string }> = [
  { group: 'negative', label: 'Negative Contracts', what: 'what MUST NOT happen: invariants this PR could break, state leaks, regressions' },
  { group: 'error', label: 'Error Handling Contracts', what: 'what happens on invalid input or resource exhaustion: panic, error return or log-and-continue' },
];

const NEGATIVE = /\bMUST NOT\b|\bnever\b|\bno (?:longer )?(?:change|leak|regression)/i;
/** An outcome that is an error signal: an error return, a panic, a rejection, a failing exit. */
const ERROR_OUTCOME = /\breturns? (?:an? |a non-nil )?error|\berror (?:is )?returned|\b(?:MUST |it |then )panics?\b|\bpanics with|\brejects?\b|\bis rejected|\bfails? with|\bexits? (?:with|non-zero)|error message|\blogs? (?:a |an )?(?:warning|error)/i;
const BAD_INPUT = /\binvalid\b|\bmalformed\b|\bNaN\b|\bout of range\b/i;

function kindsByContent(c: Contract): ContractGroup[] {
  const text = (k: string): string => c.clauses.filter((x) => x.keyword === k).map((x) => x.text).join(' ');
  const kinds: ContractGroup[] = [];
  if (NEGATIVE.test(text('THEN'))) kinds.push('negative');
  if (ERROR_OUTCOME.test(text('THEN')) || BAD_INPUT.test(`${text('GIVEN')} ${text('WHEN')}`)) kinds.push('error');
  return kinds;
}

export const contractGroupCoverage: Rule = {
  id: 'contract-group-coverage',
  family: 'contracts',
  severity: 'warning',
  formats: ['full'],
  description:
    'A full plan has negative contracts (what MUST NOT happen) and error-handling contracts besides the positive ones — the two kinds of promise most often forgotten. A contract of the kind written under another label counts (a THEN that says what MUST NOT happen is negative; one about invalid input, errors or failure is error handling): the labels themselves are the concern of contract-groups. A small PR may genuinely have none of one kind: then say so under the label ("**Error Handling Contracts:** none — this PR adds no failure paths"), which satisfies the rule and tells the reviewer it was considered.',
  instruction: 'Include negative contracts and error-handling contracts; if the PR has none of one kind, keep the label and write "none — <reason>" under it.',
  check(plan) {
    // With no group labels at all, contract-groups reports the one problem; what kinds are missing is unknowable.
    if (plan.contracts.length === 0 || plan.contracts.every((c) => c.group === undefined)) return [];
    const present = new Set<ContractGroup>(plan.contracts.flatMap((c) => (c.group ? [c.group] : [])));
    // A kind written under another label still exists: a THEN that MUST NOT happen is a negative
    // contract, one about invalid input or failure is error handling (contract-groups is about labels).
    for (const c of plan.contracts) for (const g of kindsByContent(c)) present.add(g);
    // A label with no contracts under it ("Error Handling Contracts: none — …") declares the group considered.
    const section = contractsSection(plan);
    if (section) {
      for (let l = section.bodyStart; l <= section.bodyEnd; l++) {
        if (codeLines(plan).has(l)) continue;
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
