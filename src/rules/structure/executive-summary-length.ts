import type { Rule } from '../types.js';
import { firstBySlot, reach, readingLines } from './layout.js';

export const executiveSummaryLength: Rule = {
  id: 'executive-summary-length',
  family: 'structure',
  severity: 'warning',
  formats: ['full'],
  description:
    'Section A (Executive Summary) says in budgets.executiveSummaryLines lines (spec: 5–10) what the PR builds, where it fits, which blocks it touches and any deviation flags. The spec\'s "lines" are read as reading lines — each prose line counts as its sentences — because real plans write the summary as one paragraph on one source line; counting source lines would call a five-sentence summary one line, while counting sentences matches what a reviewer reads. Fewer lines than the minimum usually means one of the four points is missing.',
  instruction: (config) =>
    `Write the Executive Summary in ${config.budgets.executiveSummaryLines[0]}–${config.budgets.executiveSummaryLines[1]} lines (about one sentence each): what it builds, where it fits, adjacent blocks, deviation flags.`,
  check(plan, { config }) {
    const a = firstBySlot(plan).get('A');
    if (!a) return [];
    const { end } = reach(plan, a.section);
    const n = readingLines(plan, a.section.heading.span.end.line + 1, end);
    const [min, max] = config.budgets.executiveSummaryLines;
    if (n === 0 || (n >= min && n <= max)) return [];
    const message =
      n < min
        ? `The Executive Summary reads as ${n} line${n === 1 ? '' : 's'}, under the ${min}–${max} budget: cover what it builds, where it fits, adjacent blocks and deviation flags.`
        : `The Executive Summary reads as ${n} lines, over the ${min}–${max} budget: keep it to what it builds, where it fits, adjacent blocks and deviation flags.`;
    return [{ message, span: a.section.heading.span }];
  },
};
