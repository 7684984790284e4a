/**
 * The plan's tables: test strategy (section H), deviation log (D) and risks (I). Columns are
 * found by header name, so reordered or extra columns still parse.
 */
import type { Outline } from './blocks.js';
import { plainInline, trimmedLine } from './source.js';
import type { DeviationRow, Plan, Risk, Section, Table, TestStrategyRow, Text } from './types.js';

function tablesIn(o: Outline, section: Section | undefined): Table[] {
  if (!section) return [];
  return o.tables.filter((t) => t.span.start.line >= section.bodyStart && t.span.end.line <= section.bodyEnd);
}

function column(table: Table, ...names: RegExp[]): number {
  for (const re of names) {
    const i = table.header.findIndex((h) => re.test(plainInline(h.text)));
    if (i >= 0) return i;
  }
  return -1;
}

const EMPTY: Text = { text: '', span: { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } } };

function cell(row: { cells: Text[]; span: Table['span'] }, i: number): Text {
  return i >= 0 ? (row.cells[i] ?? { ...EMPTY, span: row.span }) : { ...EMPTY, span: row.span };
}

export function parseTestStrategy(o: Outline, section: Section | undefined): Plan['testStrategy'] {
  const table = tablesIn(o, section).find((t) => column(t, /^contracts?$/i, /contract/i) >= 0);
  if (!table) return { table: undefined, rows: [] };
  const c = column(table, /^contracts?$/i, /contract/i);
  const t = column(table, /^tasks?$/i, /task/i);
  const ty = column(table, /^(?:test )?type$/i, /type/i);
  const n = column(table, /name|description|test$/i);
  const rows: TestStrategyRow[] = table.rows.map((row) => ({
    contract: cell(row, c),
    task: cell(row, t),
    type: cell(row, ty),
    name: cell(row, n),
    span: row.span,
  }));
  return { table, rows };
}

export function parseDeviations(o: Outline, section: Section | undefined, lines: readonly string[]): Plan['deviations'] {
  const table = tablesIn(o, section).find((t) => column(t, /source says/i, /^source/i) >= 0);
  let noDeviations: Text | undefined;
  if (section) {
    for (let l = section.bodyStart; l <= section.bodyEnd; l++) {
      if (!o.codeMask[l] && /\bno deviations\b/i.test(lines[l - 1] ?? '')) {
        noDeviations = trimmedLine(l, lines[l - 1] ?? '');
        break;
      }
    }
  }
  if (!table) return { table: undefined, rows: [], noDeviations };
  const s = column(table, /source says/i, /^source/i);
  const m = column(table, /micro/i, /plan does/i, /does/i);
  const r = column(table, /reason/i, /category/i, /why/i);
  const rows: DeviationRow[] = table.rows.map((row) => ({
    sourceSays: cell(row, s),
    microDoes: cell(row, m),
    reason: cell(row, r),
    span: row.span,
  }));
  return { table, rows, noDeviations };
}

export function parseRisks(o: Outline, section: Section | undefined): Plan['risks'] {
  const table = tablesIn(o, section).find((t) => column(t, /likelihood|probability/i) >= 0 || column(t, /impact/i) >= 0);
  if (!table) return { table: undefined, rows: [] };
  const d = column(table, /^risk/i, /description/i);
  const l = column(table, /likelihood|probability/i);
  const i = column(table, /impact|severity/i);
  const m = column(table, /mitigation/i);
  const t = column(table, /task/i, /mitigated by/i);
  const rows: Risk[] = table.rows.map((row) => ({
    description: cell(row, d >= 0 ? d : 0),
    likelihood: l >= 0 ? cell(row, l) : undefined,
    impact: i >= 0 ? cell(row, i) : undefined,
    mitigation: m >= 0 ? cell(row, m) : undefined,
    task: t >= 0 ? cell(row, t) : undefined,
    span: row.span,
  }));
  return { table, rows };
}
