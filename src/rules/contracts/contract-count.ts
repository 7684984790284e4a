import type { Rule } from '../types.js';
import type { Plan } from '../../plan/types.js';
import { contractsAnchor } from './util.js';

/** "Scenario:" lines in Gherkin blocks: contracts written in another notation. */
function gherkinScenarios(plan: Plan): number {
  return plan.codeBlocks.filter((b) => b.lang === 'gherkin' || /^\s*Feature:/m.test(b.content)).reduce((n, b) => n + (b.content.match(/^\s*Scenario(?: Outline)?:/gm) ?? []).length, 0);
}

export const contractCount: Rule = {
  id: 'contract-count',
  family: 'contracts',
  severity: 'warning',
  formats: ['full', 'compact'],
  description:
    'A plan defines between 3 and 15 behavioral contracts (the project\'s `budgets.contracts`). Fewer usually means behavior is left implicit; more than 15 means the PR is probably too large and should be split. Compact plans (small mechanical PRs) are only held to the upper bound and to having at least one contract.',
  instruction: (config) =>
    `Write ${config.budgets.contracts[0]}–${config.budgets.contracts[1]} behavioral contracts (BC-1 … BC-N); if you need more than ${config.budgets.contracts[1]}, split the PR.`,
  check(plan, { config }) {
    const [min, max] = config.budgets.contracts;
    const n = plan.contracts.length;
    if (n > max) {
      const extra = plan.contracts[max]!;
      return [{
        message: `The plan has ${n} contracts, more than ${max}: split the PR or merge contracts that promise the same behavior (the ${max + 1}th is ${extra.id}).`,
        span: extra.idSpan,
      }];
    }
    const floor = plan.format === 'compact' ? 1 : min;
    if (n < floor) {
      return [{
        message: n === 0 && gherkinScenarios(plan) > 0
          ? `The contracts are written as ${gherkinScenarios(plan)} Gherkin scenarios: write each as a named contract ("BC-1: <name>" with "- GIVEN …", "- WHEN …", "- THEN …") so tasks, tests and commits can cite it.`
          : n === 0
          ? `The plan defines no behavioral contracts: add ${plan.format === 'compact' ? 'at least one contract' : `${min}–${max} contracts`} ("BC-1: <name>" with "- GIVEN …", "- WHEN …", "- THEN …").`
          : `The plan has ${n} contract${n === 1 ? '' : 's'}, fewer than ${min}: add contracts for the negative cases and error handling this PR must guarantee.`,
        span: contractsAnchor(plan),
      }];
    }
    return [];
  },
};
