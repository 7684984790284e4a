import type { Rule } from '../types.js';
import { firstBySlot, overBudget, reach, readingLines } from './layout.js';

/** A stated reason for a longer section C, as the spec allows for infrastructure PRs. */
const JUSTIFICATION = /\bjustif(?:y|ied|ication)\b/i;

export const componentInteractionLength: Rule = {
  id: 'component-interaction-length',
  family: 'structure',
  severity: 'warning',
  formats: ['full'],
  description:
    'Section C (Component Interaction) is the box-and-arrow view and stays under budgets.componentInteractionLines lines (spec: 40). Infrastructure PRs that introduce several interacting types may use up to budgets.componentInteractionJustifiedLines (spec: 60) when the section states why (a line saying "justification" or "justified"); beyond that the PR scope is likely too broad and it is always reported. Measured in reading lines, as part1-length.',
  instruction: (config) =>
    `Keep section C under ${config.budgets.componentInteractionLines} lines; only an infrastructure PR with several interacting types may go up to ${config.budgets.componentInteractionJustifiedLines}, and then state the justification in the section.`,
  check(plan, { config }) {
    const c = firstBySlot(plan).get('C');
    if (!c) return [];
    const { end } = reach(plan, c.section);
    const from = c.section.heading.span.end.line + 1;
    const n = readingLines(plan, from, end);
    const base = config.budgets.componentInteractionLines;
    const hard = config.budgets.componentInteractionJustifiedLines;
    if (!overBudget(n, base)) return [];
    const justified = plan.lines.slice(from - 1, end).some((l) => JUSTIFICATION.test(l));
    if (!overBudget(n, hard) && justified) return [];
    const message =
      overBudget(n, hard)
        ? `Section C reads as ${n} lines (at 100 characters a line), over even the ${hard}-line limit for justified infrastructure PRs: cut it to the components, boundaries and state changes, or split the PR.`
        : `Section C reads as ${n} lines (at 100 characters a line), over the ${base}-line budget: cut it to ${base} lines, or state why this PR needs up to ${hard} (a "Justification:" line).`;
    return [{ message, span: c.section.heading.span }];
  },
};
