import type { Rule } from '../types.js';
import { quote } from '../traceability/refs.js';
import { DEVIATION_CATEGORIES, categoryCell, categoryIn, isNonDeviation } from './categories.js';

export const deviationCategory: Rule = {
  id: 'deviation-category',
  family: 'deviations',
  severity: 'warning',
  formats: ['full', 'compact'],
  description: `Each deviation's Reason starts with its category — ${DEVIATION_CATEGORIES.join(', ')} — followed by the explanation ("CORRECTION: the issue names the wrong file"). The category tells the reviewer at a glance whether the plan fixes the source, trims it, or goes beyond it.`,
  instruction: `Start every deviation's Reason with one of ${DEVIATION_CATEGORIES.join(', ')}, then a colon and the why.`,
  check(plan) {
    return plan.deviations.rows.flatMap((row, i) => {
      if (isNonDeviation(row)) return [];
      const cell = categoryCell(plan, i);
      if (categoryIn(cell.text) || (cell !== row.reason && categoryIn(row.reason.text))) return [];
      const own = cell !== row.reason; // the table has a column of its own for the category
      return [
        {
          message: own
            ? `Deviation category "${quote(cell.text, 50)}" is not one of the spec's: use one of ${DEVIATION_CATEGORIES.join(', ')}.`
            : `Deviation reason "${quote(cell.text, 50)}" names no category: start it with one of ${DEVIATION_CATEGORIES.join(', ')} and a colon.`,
          span: cell.text.trim() === '' ? row.span : cell.span,
        },
      ];
    });
  },
};
