/** Deviation categories of spec Phase 3, and how a row says it is not a deviation at all. */
import { plainInline } from '../../plan/source.js';
import type { DeviationRow, Plan, Text } from '../../plan/types.js';

export const DEVIATION_CATEGORIES = ['CLARIFICATION', 'SIMPLIFICATION', 'CORRECTION', 'DEFERRAL', 'ADDITION', 'SCOPE_CHANGE'] as const;

/** Per category: written upper-case near the start, and written in any case as the first word (compiled once). */
const CATEGORY_PATTERNS = DEVIATION_CATEGORIES.map((c) => ({
  category: c,
  upper: new RegExp(`(?:^|[^A-Z_])${c}(?![A-Z_])`),
  first: new RegExp(`^${c.replace('_', '[_ ]')}\\b`, 'i'),
}));

/** The category a cell names: upper-case anywhere near its start ("DES SIMPLIFICATION —", "REORDER + SCOPE_CHANGE"), or any case as its first word. */
export function categoryIn(text: string): string | undefined {
  const t = plainInline(text).trim();
  const head = t.slice(0, 48);
  for (const { category, upper, first } of CATEGORY_PATTERNS) {
    if (upper.test(head)) return category;
    if (first.test(t)) return category;
  }
  return undefined;
}

/** "No deviation", "MATCH", "Direct match", "N/A — no deviation", "—": a row that records agreement, not a deviation. */
export function isNonDeviation(row: DeviationRow): boolean {
  const reason = plainInline(row.reason.text).trim();
  const does = plainInline(row.microDoes.text).trim();
  const none = /^(?:no deviation|n\/a\b.*no deviation|(?:direct )?match(?:es|ed)?\b|direct\b|none\b|—|-|n\/a)\s*[.:—–-]?/i;
  if (categoryIn(reason)) return false;
  return none.test(reason) || /^(?:no deviation|same|identical|as specified|implement as specified)\b/i.test(does);
}

/** The cell holding a row's category: a "Category" / "Type" column when the table has one, else the reason. */
export function categoryCell(plan: Plan, index: number): Text {
  const table = plan.deviations.table;
  const row = plan.deviations.rows[index]!;
  if (!table) return row.reason;
  const col = table.header.findIndex((h) => /^(?:category|type|kind)$/i.test(plainInline(h.text)));
  return col >= 0 ? (table.rows[index]?.cells[col] ?? row.reason) : row.reason;
}
