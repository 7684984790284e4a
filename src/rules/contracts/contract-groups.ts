import type { Finding, Rule } from '../types.js';
import { contractsAnchor } from './util.js';

export const contractGroups: Rule = {
  id: 'contract-groups',
  family: 'contracts',
  severity: 'error',
  formats: ['full'],
  description:
    'In the full format, contracts are grouped under labels: positive contracts (what MUST happen), negative contracts (what MUST NOT happen) and error handling. The grouping makes the reviewer check each kind of promise; a contract outside any group is reported, and a section B with no group labels at all is reported once.',
  instruction: 'Group the contracts under "**Positive Contracts:**", "**Negative Contracts:**" and "**Error Handling Contracts:**" labels.',
  check(plan) {
    if (plan.contracts.length === 0) return [];
    const ungrouped = plan.contracts.filter((c) => c.group === undefined);
    if (ungrouped.length === 0) return [];
    if (ungrouped.length === plan.contracts.length) {
      return [{
        message: 'The contracts are not grouped: put them under "Positive Contracts", "Negative Contracts" and "Error Handling Contracts" labels.',
        span: contractsAnchor(plan),
      }];
    }
    return ungrouped.map((c): Finding => ({
      message: `Contract ${c.id} is not under a group label: move it under "Positive Contracts", "Negative Contracts" or "Error Handling Contracts".`,
      span: c.idSpan,
    }));
  },
};
