import type { Finding, Rule } from '../types.js';

export const taskContracts: Rule = {
  id: 'task-contracts',
  family: 'tasks',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'Every contract a task says it implements ("Contracts Implemented: BC-1, BC-2" or the title\'s "(BC-1, BC-2)") is defined in the plan\'s Behavioral Contracts. A reference to a contract that does not exist is a traceability hole: the task builds something no reviewer agreed to, or the contract was renamed. Skipped when the plan defines no contracts at all (the contracts rules report that).',
  instruction: 'In each task, reference only contracts defined in the Behavioral Contracts section (e.g. "Contracts Implemented: BC-1, BC-2").',
  check(plan) {
    if (plan.contracts.length === 0) return [];
    const defined = new Set(plan.contracts.map((c) => c.id));
    const out: Finding[] = [];
    for (const task of plan.tasks) {
      const reported = new Set<string>();
      for (const ref of task.contracts) {
        if (defined.has(ref.id) || reported.has(ref.id)) continue;
        reported.add(ref.id);
        out.push({
          message: `Task ${task.number} references ${ref.id}, which the plan does not define: define it in the Behavioral Contracts or reference an existing contract.`,
          span: ref.span,
        });
      }
    }
    return out;
  },
};
