import type { Rule } from '../types.js';
import { citedTasks, quote, taskNumbers } from './refs.js';

export const testStrategyTask: Rule = {
  id: 'test-strategy-task',
  family: 'traceability',
  severity: 'error',
  formats: ['full'],
  description:
    'Each row of the test-strategy table names the task that writes the test ("Task 3", "Tasks 2-3", "All"), and that task exists. The table maps contracts to tasks; a row with no task or "N/A", or a task number the plan does not have breaks that map.',
  instruction: 'In every test-strategy row, name the task that writes the test ("Task N"), using task numbers that exist in the plan.',
  check(plan) {
    const table = plan.testStrategy.table;
    if (!table) return [];
    if (!table.header.some((h) => /task/i.test(h.text))) {
      return [{ message: 'The test-strategy table has no Task column: use "| Contract | Task | Test Type | Test Name / Description |".', span: table.header[0]?.span ?? table.span }];
    }
    const known = taskNumbers(plan);
    const out = [];
    for (const row of plan.testStrategy.rows) {
      const cited = citedTasks(row.task.text);
      if (cited.all) continue;
      // "Existing" with a named test: the contract is covered by a test the PR does not write.
      if (cited.numbers.length === 0 && /^\W*(?:existing|pre-?existing|already exists?)\b/i.test(row.task.text) && row.name.text.trim() !== '') continue;
      if (cited.numbers.length === 0) {
        const what = row.task.text.trim() === '' ? 'no task' : `"${quote(row.task.text)}" instead of a task`;
        out.push({ message: `Test-strategy row names ${what}: write the task that adds this test ("Task N").`, span: row.task.text.trim() === '' ? row.span : row.task.span });
        continue;
      }
      // Without parsed tasks the task rules report the breakdown; every row would be noise here.
      if (known.size === 0) continue;
      const missing = cited.numbers.filter((n) => !known.has(n));
      if (missing.length > 0) {
        out.push({
          message: `Test-strategy row cites ${missing.map((n) => `Task ${n}`).join(', ')}, which the plan does not have (tasks: ${[...known].sort((a, b) => a - b).join(', ')}): fix the task number.`,
          span: row.task.span,
        });
      }
    }
    return out;
  },
};
