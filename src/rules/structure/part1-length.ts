import type { Rule } from '../types.js';
import { firstBySlot, overBudget, readingLines } from './layout.js';

const PART2_KEYS = ['P2', 'F', 'G', 'H', 'I', 'P3', 'J', 'K'];

export const part1Length: Rule = {
  id: 'part1-length',
  family: 'structure',
  severity: 'warning',
  formats: ['full'],
  description:
    'Part 1 (Design Validation, sections A–E) is the human review surface and stays within budgets.part1Lines lines (spec: under 120). It is measured from the Part 1 heading (or section A) to the start of Part 2 (or the first of F–K), in reading lines: each prose line counts as the lines it wraps to at 100 characters, code, table and heading lines count one each, blank lines count zero; it is reported only once over by 10% (at least 3 lines). Detail beyond the budget belongs in the Appendix.',
  instruction: (config) =>
    `Keep Part 1 (sections A–E) under ${config.budgets.part1Lines} lines; move file-level detail to the Appendix.`,
  check(plan, { config }) {
    const first = firstBySlot(plan);
    const start = first.get('P1') ?? first.get('A');
    if (!start) return [];
    const from = start.section.heading.span.start.line;
    const ends = PART2_KEYS.map((k) => first.get(k)?.section.heading.span.start.line).filter((l): l is number => l !== undefined && l > from);
    if (ends.length === 0) return [];
    const n = readingLines(plan, from, Math.min(...ends) - 1);
    const max = config.budgets.part1Lines;
    if (!overBudget(n, max)) return [];
    return [
      {
        message: `Part 1 reads as ${n} lines (at 100 characters a line), over the ${max}-line budget: tighten sections A–E and move file-level detail to the Appendix.`,
        span: start.section.heading.span,
      },
    ];
  },
};
