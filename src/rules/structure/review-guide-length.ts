import type { Rule } from '../types.js';
import { firstBySlot, reach, readingLines } from './layout.js';

export const reviewGuideLength: Rule = {
  id: 'review-guide-length',
  family: 'structure',
  severity: 'warning',
  formats: ['full'],
  description:
    'Section E (Review Guide) directs scarce reviewer attention in budgets.reviewGuideLines lines (spec: 5–10). Lines are reading lines, as for executive-summary-length: the four items are usually one source line each, and counting source lines would call every guide four lines. Only the first section E is measured.',
  instruction: (config) =>
    `Write the Review Guide in ${config.budgets.reviewGuideLines[0]}–${config.budgets.reviewGuideLines[1]} lines.`,
  check(plan, { config }) {
    const e = firstBySlot(plan).get('E');
    if (!e) return [];
    const { end } = reach(plan, e.section);
    const n = readingLines(plan, e.section.heading.span.end.line + 1, end);
    const [min, max] = config.budgets.reviewGuideLines;
    if (n === 0 || (n >= min && n <= max)) return [];
    const message =
      n < min
        ? `The Review Guide reads as ${n} line${n === 1 ? '' : 's'}, under the ${min}–${max} budget: say what is tricky, what to scrutinize, what to skim and the known debt.`
        : `The Review Guide reads as ${n} lines, over the ${min}–${max} budget: point the reviewer at the few places that matter.`;
    return [{ message, span: e.section.heading.span }];
  },
};
