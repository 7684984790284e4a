import type { Finding, Rule } from '../types.js';
import { isDocsOnly, isVerificationOnly, taskHeadSpan } from './shared.js';

const ALL_CONTRACTS = /\ball (?:the )?(?:contracts|BCs)\b|\bcontracts?(?: implemented)?:?\**:?\s*all\b/i;

export const taskContractCount: Rule = {
  id: 'task-contract-count',
  family: 'tasks',
  severity: 'warning',
  formats: ['full', 'compact'],
  description:
    'Each task implements a small number of related contracts (1–3 by default, `budgets.contractsPerTask`), named on a "Contracts Implemented:" line or in the title\'s parentheses. A task with no contract cannot be traced to the behavior it delivers; one with many packs unrelated work together. Verification-only tasks (no files, no test/implement/commit step) need none, nor do docs-only tasks (documentation updates such as CLAUDE.md rarely implement a contract), a wrap-up task may say "Contracts: all", and when the plan defines no contracts at all the contracts rules report that instead. A warning, because cross-cutting tasks sometimes touch more contracts.',
  instruction: (config) =>
    `Give each task a "Contracts Implemented:" line naming ${config.budgets.contractsPerTask[0]}–${config.budgets.contractsPerTask[1]} related contracts; don't split one contract across tasks or pack unrelated ones together.`,
  check(plan, { config }) {
    const [min, max] = config.budgets.contractsPerTask;
    const out: Finding[] = [];
    for (const task of plan.tasks) {
      // "**Contracts:** all", "(all BCs)": a wrap-up task that covers every contract by design.
      const contractsLine = task.contractsSpan ? (plan.lines[task.contractsSpan.start.line - 1] ?? '') : '';
      if (ALL_CONTRACTS.test(contractsLine) || ALL_CONTRACTS.test(task.title.text)) continue;
      const ids = [...new Set(task.contracts.map((c) => c.id))];
      const at = task.contractsSpan ?? taskHeadSpan(plan, task);
      // With no contracts in the plan at all, the contracts rules report the real problem.
      if (ids.length < min && !isVerificationOnly(task) && !isDocsOnly(task) && plan.contracts.length > 0) {
        out.push({
          message: `Task ${task.number} names no contract: add "Contracts Implemented: BC-N" (or "(BC-N)" in the title) for the contract${min > 1 ? 's' : ''} it implements.`,
          span: at,
        });
      } else if (ids.length > max) {
        out.push({
          message: `Task ${task.number} names ${ids.length} contracts (${ids.join(', ')}), more than ${max}: split it into tasks of at most ${max} related contracts.`,
          span: at,
        });
      }
    }
    return out;
  },
};
