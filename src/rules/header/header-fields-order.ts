import type { HeaderField } from '../../plan/types.js';
import type { Finding, Rule } from '../types.js';
import { fieldName, requiredFields } from './fields.js';

export const headerFieldsOrder: Rule = {
  id: 'header-fields-order',
  family: 'header',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'The header fields appear in the order of the spec — Goal, The problem today, What this PR adds, Why this matters, Architecture, Source, Closes, Behavioral Contracts (compact: Goal, Source, Closes) — because the header is read top to bottom by a reviewer who needs the why before the how. Fields the format does not list are ignored; the fields reported are the fewest that must move to restore the order.',
  instruction: 'Keep the header fields in the spec order: Goal → The problem today → What this PR adds → Why this matters → Architecture → Source → Closes → Behavioral Contracts (compact: Goal → Source → Closes).',
  check(plan) {
    const order = requiredFields(plan.format);
    const seen = new Set<string>();
    const fields: Array<{ field: HeaderField; rank: number }> = [];
    for (const field of plan.header) {
      const name = fieldName(field);
      if (!name || seen.has(name) || !order.includes(name)) continue;
      seen.add(name);
      fields.push({ field, rank: order.indexOf(name) });
    }
    // The fields to move are those outside the longest run already in order, so one misplaced
    // field gives one finding rather than one for every field after it.
    const keep = longestIncreasing(fields.map((f) => f.rank));
    const findings: Finding[] = [];
    fields.forEach(({ field, rank }, i) => {
      if (keep.has(i)) return;
      const prev = fields.filter((f) => f.rank < rank).sort((a, b) => b.rank - a.rank)[0];
      const next = fields.filter((f) => f.rank > rank).sort((a, b) => a.rank - b.rank)[0];
      const where = prev ? `after "${prev.field.label}"` : `before "${next!.field.label}"`;
      findings.push({
        message: `The "${field.label}" field is out of order: move it ${where} (order: ${order.join(' → ')}).`,
        span: field.span.start.line === field.value.span.start.line ? { start: field.span.start, end: field.value.span.start } : field.span,
      });
    });
    return findings;
  },
};

/** Indices of one longest strictly increasing subsequence (n is at most eight fields). */
function longestIncreasing(xs: readonly number[]): Set<number> {
  const len = xs.map(() => 1);
  const prev = xs.map(() => -1);
  for (let i = 0; i < xs.length; i++) {
    for (let j = 0; j < i; j++) {
      if (xs[j]! < xs[i]! && len[j]! + 1 > len[i]!) {
        len[i] = len[j]! + 1;
        prev[i] = j;
      }
    }
  }
  const keep = new Set<number>();
  let at = len.indexOf(Math.max(0, ...len));
  while (at >= 0) {
    keep.add(at);
    at = prev[at]!;
  }
  return keep;
}
