import type { Rule } from '../types.js';
import { findField } from './fields.js';

export const addsNumberedList: Rule = {
  id: 'adds-numbered-list',
  family: 'header',
  severity: 'warning',
  formats: ['full'],
  description:
    '"What this PR adds" is a numbered list of concrete capabilities, each in plain language with a brief example, within budgets.whatThisPrAddsItems items (spec: 2–4). A prose paragraph or a bulleted list hides how many capabilities the PR delivers; more items than the budget suggests the PR is too large. Items nested under sub-headings (e.g. "*New directories:*") count together.',
  instruction: (config) =>
    `Write "What this PR adds" as a numbered list of ${config.budgets.whatThisPrAddsItems[0]}–${config.budgets.whatThisPrAddsItems[1]} capabilities, each in plain language with a brief example.`,
  check(plan, { config }) {
    const f = findField(plan, 'What this PR adds');
    if (!f) return [];
    const [min, max] = config.budgets.whatThisPrAddsItems;
    if (f.items.length === 0) {
      if (f.value.text.trim() === '') return [];
      return [{ message: `"${f.label}" is prose, not a numbered list: rewrite it as ${min}–${max} numbered items ("1. …"), one capability each.`, span: f.value.span }];
    }
    const whole = { start: f.items[0]!.span.start, end: f.items[f.items.length - 1]!.span.end };
    if (!f.ordered) {
      return [{ message: `"${f.label}" is a bulleted list: number the items ("1. …", "2. …").`, span: whole }];
    }
    const n = f.items.length;
    if (n < min || n > max) {
      const hint = n > max ? 'merge related items or split the PR' : 'name each concrete capability separately';
      return [{ message: `"${f.label}" lists ${n} item${n === 1 ? '' : 's'}, outside the ${min}–${max} budget: ${hint}.`, span: whole }];
    }
    return [];
  },
};
