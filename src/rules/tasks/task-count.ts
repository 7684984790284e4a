import { sectionByLetter } from '../../plan/sections.js';
import { span } from '../../plan/source.js';
import type { Rule } from '../types.js';

export const taskCount: Rule = {
  id: 'task-count',
  family: 'tasks',
  severity: 'warning',
  formats: ['full'],
  description:
    'A full plan breaks the work into the number of tasks the budget allows (6–12 by default, `budgets.tasks`), each completable in one focused session. Fewer tasks usually means tasks too large to review or execute in one go; more means the PR is too broad. A warning, because small fixes legitimately need fewer tasks.',
  instruction: (config) =>
    `Break the implementation into ${config.budgets.tasks[0]}–${config.budgets.tasks[1]} tasks ("### Task N: <Name>"), each completable in one focused session.`,
  check(plan, { config }) {
    const [min, max] = config.budgets.tasks;
    const numbers = new Set(plan.tasks.map((t) => t.number));
    const n = numbers.size;
    if (n >= min && n <= max) return [];
    const g = sectionByLetter(plan.sections, 'G');
    const at = g?.heading.span ?? plan.tasks[0]?.title.span ?? plan.title?.span ?? span(1, 1, 1, 1);
    const fix = n < min ? `split the work into at least ${min} tasks` : `move work to a follow-up PR or merge related tasks to get at most ${max}`;
    return [{ message: `The plan has ${n} task${n === 1 ? '' : 's'}, outside the ${min}–${max} budget: ${fix}.`, span: at }];
  },
};
