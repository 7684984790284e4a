import type { Rule, Finding } from '../types.js';
import { partSection } from '../../plan/tables.js';
import { trimmedLine } from '../../plan/source.js';
import { codeLines } from '../code-lines.js';
import type { Plan, Text } from '../../plan/types.js';

/** The header row of a table in [from, to] that is not in a code block. */
function firstTableRow(plan: Plan, from: number, to: number): Text | undefined {
  for (let l = from; l <= to; l++) {
    const line = plan.lines[l - 1] ?? '';
    if (!/^\s*\|.*\|\s*$/.test(line)) continue;
    if (codeLines(plan).has(l)) continue;
    return trimmedLine(l, line);
  }
  return undefined;
}

export const deviationLog: Rule = {
  id: 'deviation-log',
  family: 'deviations',
  severity: 'error',
  formats: ['full'],
  description:
    'Section D (Deviation Log) compares the plan with its source as a table "| Source Says | Micro Plan Does | Reason |" (the source column may name the source: "Macro Plan Says"), or states "No deviations from source document." — never both, never neither. Reviewers read this table to see where the plan departs from what was asked.',
  instruction:
    'In section D, list each difference from the source as a row of "| Source Says | Micro Plan Does | Reason |"; if there are none, write exactly "No deviations from source document."',
  check(plan) {
    const section = partSection(plan.sections, 'deviations');
    // A plan without section D is reported by the structure rules.
    if (!section) return [];
    const { table, rows, noDeviations } = plan.deviations;
    if (!table) {
      if (noDeviations) return [];
      const other = firstTableRow(plan, section.bodyStart, section.bodyEnd);
      if (other) {
        return [{
          message: `The deviation table's columns (${other.text}) are not the spec's: use "| Source Says | Micro Plan Does | Reason |", one row per deviation.`,
          span: other.span,
        }];
      }
      return [
        {
          message:
            'The deviation log has no "| Source Says | Micro Plan Does | Reason |" table: list each deviation as a table row, or write "No deviations from source document."',
          span: section.heading.span,
        },
      ];
    }
    const out: Finding[] = [];
    const header = table.header.map((h) => h.text);
    const missing = [
      header.some((h) => /says|^source/i.test(h)) ? undefined : 'Source Says',
      header.some((h) => /does|micro/i.test(h)) ? undefined : 'Micro Plan Does',
      header.some((h) => /reason|rationale|why/i.test(h)) ? undefined : 'Reason',
    ].filter((x): x is string => x !== undefined);
    if (missing.length > 0) {
      out.push({
        message: `The deviation table lacks the ${missing.map((m) => `"${m}"`).join(', ')} column${missing.length > 1 ? 's' : ''}: use "| Source Says | Micro Plan Does | Reason |".`,
        span: table.header[0]?.span ?? table.span,
      });
    }
    if (rows.length === 0 && !noDeviations) {
      out.push({ message: 'The deviation table has no rows: add the deviations, or replace the table with "No deviations from source document."', span: table.span });
    }
    if (rows.length > 0 && noDeviations) {
      out.push({
        message: `The deviation log says "No deviations" but its table lists ${rows.length}: remove the sentence or the table.`,
        span: noDeviations.span,
      });
    }
    return out;
  },
};
