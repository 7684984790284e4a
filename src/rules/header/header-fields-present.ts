import type { Finding, Rule } from '../types.js';
import { span } from '../../plan/source.js';
import { HEADER_FIELDS, type Plan } from '../../plan/types.js';
import { findField, labelOf, requiredFields, sourceIsMacroPlan } from './fields.js';

function headerTableLine(plan: Plan): number | undefined {
  const fields = new Set(HEADER_FIELDS.map((f) => f.toLowerCase()));
  for (let l = 1; l <= plan.headerEnd; l++) {
    const m = /^\s*\|\s*(?:\*\*|__)?([^|*_]+?)(?::)?(?:\*\*|__)?\s*\|/.exec(plan.lines[l - 1] ?? '');
    if (m && fields.has(m[1]!.trim().toLowerCase())) return l;
  }
  return undefined;
}

export const headerFieldsPresent: Rule = {
  id: 'header-fields-present',
  family: 'header',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'The header carries every field of its format as a bold label: a full plan has Goal, The problem today, What this PR adds, Why this matters, Architecture, Source, Closes and Behavioral Contracts; a compact plan has Goal, Source and Closes. Reviewers read the why before the how, and agents read the architecture, from these fields. Closes may be left out only when the Source is a macro-plan section with no linked issues, as the spec allows; "What this PR removes/changes/fixes" is accepted for "What this PR adds".',
  instruction:
    `Begin the plan with the header fields, each as "**Label:** value": full plans — ${requiredFields('full').join(', ')}; compact plans — ${requiredFields('compact').join(', ')}. Omit Closes only when the source is a macro-plan section with no linked issues.`,
  check(plan) {
    const findings: Finding[] = [];
    const required = requiredFields(plan.format);
    // "| **Goal** | … |": every field may be there, in a table. One layout problem, one finding.
    const tableAt = plan.header.length === 0 ? headerTableLine(plan) : undefined;
    if (tableAt !== undefined) {
      return [{
        message: `The header is written as a table: write each field as its own "**Label:** value" line (${required.map((n) => labelOf(n)).join(', ')}).`,
        span: span(tableAt, 1, tableAt, (plan.lines[tableAt - 1] ?? '').length + 1),
      }];
    }
    required.forEach((name, i) => {
      if (findField(plan, name) || (name === 'Closes' && sourceIsMacroPlan(plan))) return;
      // Point at where the field belongs: after the nearest present field before it, else under the title.
      const before = required.slice(0, i).map((n) => findField(plan, n)).filter((f) => f !== undefined).pop();
      const where = before ? `after the "${before.label}" field` : 'at the top of the header';
      const line = before?.span.start.line ?? (plan.agentLine ?? plan.title)?.span.end.line ?? 1;
      findings.push({
        message: `The header has no "${name}" field: add "${labelOf(name)} …" ${where}.`,
        span: span(line, 1, line, (plan.lines[line - 1] ?? '').length + 1),
      });
    });
    return findings;
  },
};
