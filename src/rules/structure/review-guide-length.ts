import type { Rule } from '../types.js';
import { firstBySlot, overBudget, reach, readingLines, underBudget } from './layout.js';

export const reviewGuideLength: Rule = {
  id: 'review-guide-length',
  family: 'structure',
  severity: 'warning',
  formats: ['full'],
  description:
    'Section E (Review Guide) directs scarce reviewer attention in budgets.reviewGuideLines lines (spec: 5–10). Lines are reading lines, as for executive-summary-length: the four items are usually one long source line each, so each prose line counts as the lines it wraps to at 100 characters. The budget is a target: a guide is reported when it passes it by 10% (at least 3 lines), or reads as under half the minimum. Only the first section E is measured.',
  instruction: (config) =>
    `Write the Review Guide in ${config.budgets.reviewGuideLines[0]}–${config.budgets.reviewGuideLines[1]} lines.`,
  check(plan, { config }) {
    const e = firstBySlot(plan).get('E');
    if (!e) return [];
    const { end } = reach(plan, e.section);
    const n = readingLines(plan, e.section.heading.span.end.line + 1, end);
    const [min, max] = config.budgets.reviewGuideLines;
    if (!underBudget(n, min) && !overBudget(n, max)) return [];
    const message =
      underBudget(n, min)
        ? `The Review Guide reads as ${n} line${n === 1 ? '' : 's'} (at 100 characters a line), under the ${min}–${max} budget: say what is tricky, what to scrutinize, what to skim and the known debt.`
        : `The Review Guide reads as ${n} lines (at 100 characters a line), over the ${min}–${max} budget: point the reviewer at the few places that matter.`;
    return [{ message, span: e.section.heading.span }];
  },
};
