import type { Finding, Rule } from '../types.js';
import { lineSpan } from '../../plan/source.js';
import { codeLines } from '../code-lines.js';
import { checklistSection } from './checklist-complete.js';

const BULLET = /^( {0,1})(?:[-*+]|\d+[.)])\s+(?!\[[ xX]\])(\S.*)$/;

export const checklistCheckboxes: Rule = {
  id: 'checklist-checkboxes',
  family: 'checklist',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'Items of the sanity checklist are GitHub task-list checkboxes ("- [ ] item" / "- [x] item"), not plain bullets or numbered lines, so reviewers and agents can tick them off and tools can count them. Nested sub-bullets under an item are explanation and are left alone.',
  instruction: 'Write every sanity-checklist item as a checkbox: "- [ ] <item>" (or "- [x]" once verified).',
  check(plan) {
    const section = checklistSection(plan);
    if (!section) return [];
    const inCode = codeLines(plan);
    const bullets: number[] = [];
    for (let l = section.bodyStart; l <= section.bodyEnd; l++) {
      if (inCode.has(l)) continue;
      if (BULLET.test(plan.lines[l - 1] ?? '')) bullets.push(l);
    }
    if (bullets.length === 0) return [];
    const boxes = plan.checklist.filter((it) => it.span.start.line >= section.bodyStart && it.span.start.line <= section.bodyEnd).length;
    if (boxes === 0 && bullets.length > 3) {
      return [
        {
          message: `None of the ${bullets.length} sanity-checklist items is a checkbox: write each as "- [ ] <item>".`,
          span: section.heading.span,
        },
      ];
    }
    return bullets
      // "- Other rules (R2, R3, R5-R14) not applicable" folds several items into one note: the
      // rules it names are missing from the checklist, which checklist-complete reports once.
      .filter((l) => ((plan.lines[l - 1] ?? '').match(/\b[A-Z]{1,3}\d+\b/g) ?? []).length < 2)
      .map((l): Finding => ({ message: 'Sanity-checklist item is a plain bullet: write it as "- [ ] <item>".', span: lineSpan(plan.lines, l) }));
  },
};
