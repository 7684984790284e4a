import type { Rule } from '../types.js';
import { firstBySlot, overBudget, reach, readingLines, underBudget } from './layout.js';

export const executiveSummaryLength: Rule = {
  id: 'executive-summary-length',
  family: 'structure',
  severity: 'warning',
  formats: ['full'],
  description:
    'Section A (Executive Summary) says in budgets.executiveSummaryLines lines (spec: 5–10) what the PR builds, where it fits, which blocks it touches and any deviation flags. The spec\'s "lines" are read as reading lines — each prose line counts as the lines it wraps to at 100 characters — because real plans write the summary as one paragraph on one source line, and counting source lines would call a 600-character summary one line. The spec\'s lengths are targets: a section is reported only when it passes the budget by 10% (at least 3 lines), or reads as under half the minimum, where one of the four points is surely missing.',
  instruction: (config) =>
    `Write the Executive Summary in ${config.budgets.executiveSummaryLines[0]}–${config.budgets.executiveSummaryLines[1]} lines (about one sentence each): what it builds, where it fits, adjacent blocks, deviation flags.`,
  check(plan, { config }) {
    const a = firstBySlot(plan).get('A');
    if (!a) return [];
    const { end } = reach(plan, a.section);
    const n = readingLines(plan, a.section.heading.span.end.line + 1, end);
    const [min, max] = config.budgets.executiveSummaryLines;
    if (!underBudget(n, min) && !overBudget(n, max)) return [];
    const message =
      underBudget(n, min)
        ? `The Executive Summary reads as ${n} line${n === 1 ? '' : 's'} (at 100 characters a line), under the ${min}–${max} budget: cover what it builds, where it fits, adjacent blocks and deviation flags.`
        : `The Executive Summary reads as ${n} lines (at 100 characters a line), over the ${min}–${max} budget: keep it to what it builds, where it fits, adjacent blocks and deviation flags.`;
    return [{ message, span: a.section.heading.span }];
  },
};
