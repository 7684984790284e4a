import type { Rule } from '../types.js';
import { quote } from '../traceability/refs.js';
import { isNonDeviation } from './categories.js';

export const deviationNotADeviation: Rule = {
  id: 'deviation-not-a-deviation',
  family: 'deviations',
  severity: 'warning',
  formats: ['full', 'compact'],
  description:
    'Rows of the deviation table are deviations. A row whose reason is "No deviation", "MATCH" or "—" records agreement with the source and hides the real deviations among noise; it belongs nowhere (or, when every row is like that, the log is "No deviations from source document.").',
  instruction: 'List only real differences in the deviation table; drop rows where the plan does what the source says.',
  check(plan) {
    return plan.deviations.rows
      .filter((row) => isNonDeviation(row))
      .map((row) => ({
        message: `Deviation row "${quote(row.sourceSays.text, 40)}" is not a deviation (reason "${quote(row.reason.text, 30)}"): remove the row.`,
        span: row.reason.text.trim() === '' ? row.span : row.reason.span,
      }));
  },
};
