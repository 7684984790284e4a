import type { Finding, Rule } from '../types.js';
import { plainInline } from '../../plan/source.js';
import { citedTasks, quote, taskNumbers } from '../traceability/refs.js';

export const riskTask: Rule = {
  id: 'risk-task',
  family: 'risks',
  severity: 'warning',
  formats: ['full'],
  description:
    'Each risk names the task that mitigates it ("Task 3"), and that task exists. A mitigation no task carries out is a hope, not a plan; the task number tells the executing agent where the protective test or check lives.',
  instruction: 'For every risk, name the task that mitigates it ("Task N") in a Task column.',
  check(plan) {
    const { table, rows } = plan.risks;
    if (rows.length === 0) return [];
    if (table && !table.header.some((h) => /task|mitigated by/i.test(h.text))) {
      return [{ message: 'The risk table has no Task column: add "| Task |" naming the task that mitigates each risk.', span: table.header[0]?.span ?? table.span }];
    }
    const known = taskNumbers(plan);
    const out: Finding[] = [];
    for (const risk of rows) {
      const name = quote(risk.description.text, 40);
      // The task may be named in its own cell or inside the mitigation ("Task 4 adds a guard").
      const cited = citedTasks(risk.task?.text ?? '');
      const inMitigation = citedTasks(risk.mitigation?.text ?? '');
      const numbers = cited.numbers.length > 0 ? cited.numbers : inMitigation.numbers;
      if (cited.all) continue;
      if (numbers.length === 0) {
        const written = plainInline(risk.task?.text ?? '').trim();
        out.push({
          message: `Risk "${name}" names no mitigating task${written ? ` ("${quote(written, 30)}")` : ''}: write the task that mitigates it ("Task N").`,
          span: risk.task && written ? risk.task.span : risk.span,
        });
        continue;
      }
      if (known.size === 0) continue;
      const missing = numbers.filter((n) => !known.has(n));
      if (missing.length > 0) {
        out.push({
          message: `Risk "${name}" cites ${missing.map((n) => `Task ${n}`).join(', ')}, which the plan does not have: fix the task number.`,
          span: risk.task?.span ?? risk.span,
        });
      }
    }
    return out;
  },
};
