import type { Finding, Rule } from '../types.js';
import { taskHeadSpan } from './shared.js';

export const taskNumbering: Rule = {
  id: 'task-numbering',
  family: 'tasks',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'Tasks are numbered Task 1, Task 2, … Task N: each number once, in order, with no gaps. The executing agent, the test strategy table and the commit history all refer to tasks by number, so a duplicated or skipped number makes those references ambiguous.',
  instruction: 'Number tasks "Task 1" to "Task N" in order, each number exactly once, with no gaps.',
  check(plan) {
    const out: Finding[] = [];
    const seen = new Set<number>();
    let expected = 1;
    for (const task of plan.tasks) {
      const at = taskHeadSpan(plan, task);
      if (seen.has(task.number)) {
        out.push({ message: `Task ${task.number} appears more than once: renumber the tasks 1..N so each number is used once.`, span: at });
      } else if (task.number !== expected) {
        const what = task.number > expected ? `skips Task ${expected}${task.number - 1 > expected ? `–${task.number - 1}` : ''}` : 'is out of order';
        out.push({ message: `Task ${task.number} ${what} (expected Task ${expected} here): renumber the tasks 1..N in order.`, span: at });
      }
      seen.add(task.number);
      expected = Math.max(...seen) + 1;
    }
    return out;
  },
};
