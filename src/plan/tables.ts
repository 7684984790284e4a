/**
 * The plan's tables: test strategy (section H), deviation log (D) and risks (I). Columns are
 * found by header name, so reordered or extra columns still parse.
 */
import type { Outline } from './blocks.js';
import { plainInline, span, textAt, trimmedLine } from './source.js';
import type { DeviationRow, Plan, Risk, Section, SectionLetter, Table, TestStrategyRow, Text } from './types.js';

/** The parts of a full plan that live in one lettered section, with the names they go by. */
export type PartName = 'deviations' | 'testStrategy' | 'risks' | 'checklist';

const PART_LETTER: Record<PartName, SectionLetter> = { deviations: 'D', testStrategy: 'H', risks: 'I', checklist: 'J' };
/** Heading names, after an optional "D)" / "Part 3:" prefix. */
const PART_NAME: Record<PartName, RegExp> = {
  deviations: /^(?:[A-K](?:\)|\.|:| —| -)\s*|part \w+:?\s*)?deviations?\b/i,
  testStrategy: /^(?:[A-K](?:\)|\.|:| —| -)\s*|part \w+:?\s*)?test strategy\b/i,
  risks: /^(?:[A-K](?:\)|\.|:| —| -)\s*|part \w+:?\s*)?risks?\b/i,
  checklist: /^(?:[A-K](?:\)|\.|:| —| -)\s*|part \w+:?\s*)?(?:[\w-]+ ){0,2}checklist\b/i,
};

/**
 * The section holding one part of the plan. Real plans sometimes letter a section wrongly
 * ("### D. Risks and Mitigations", with the deviation log later under "## Deviation Log"), so
 * the heading's name wins over its letter: the lettered section when its name fits, else the
 * first section named for the part, else the lettered section whatever its name.
 */
export function partSection(sections: readonly Section[], part: PartName): Section | undefined {
  const letter = PART_LETTER[part];
  const named = (s: Section): boolean => PART_NAME[part].test(s.heading.text) && s.depth <= 4;
  const lettered = sections.filter((s) => s.kind.type === 'lettered' && s.kind.letter === letter);
  return (
    lettered.find(named) ??
    sections.find((s) => named(s) && !/^task\s+\d/i.test(s.heading.text)) ??
    (part === 'deviations' ? sections.find((s) => s.kind.type === 'compact' && s.kind.name === 'deviations') : undefined) ??
    lettered[0]
  );
}

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
  // "Source Says", "Macro Plan Says", "Issue says": the first column names what the source says.
  const table = tablesIn(o, section).find((t) => column(t, /source says/i, /\bsays\b/i, /^source/i) >= 0);
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
  const s = column(table, /source says/i, /\bsays\b/i, /^source/i);
  const m = column(table, /micro/i, /plan does/i, /does/i);
  const r = column(table, /reason/i, /rationale/i, /category/i, /why/i);
  const rows: DeviationRow[] = table.rows.map((row) => ({
    sourceSays: cell(row, s),
    microDoes: cell(row, m),
    reason: cell(row, r),
    span: row.span,
  }));
  return { table, rows, noDeviations };
}

export function parseRisks(o: Outline, section: Section | undefined, lines: readonly string[] = []): Plan['risks'] {
  const table = tablesIn(o, section).find(
    (t) => column(t, /likelihood|probability/i) >= 0 || column(t, /impact/i) >= 0 || column(t, /^risks?\b/i) >= 0,
  );
  if (!table) return { table: undefined, rows: section ? riskBlocks(o, section, lines) : [] };
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

/** "- Likelihood: Low", "- **Impact:** High (…)": one field of a risk written as a list. */
const RISK_FIELD = /^(\s*[-*+]\s+(?:\*\*|__)?)(description|risk|likelihood|probability|impact|severity|mitigation|mitigated by|task)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*/i;

/**
 * Risks written as blocks instead of a table (pr1223 in the corpus):
 * "**Risk 1: title**" then "- Likelihood: Low", "- Impact: High", "- Mitigation: …", "- Task: Task 4".
 * A block is a run of field lines; its description is the "Description" field, else the line
 * that introduces the block.
 */
function riskBlocks(o: Outline, section: Section, lines: readonly string[]): Risk[] {
  const risks: Risk[] = [];
  let current: Risk | undefined;
  let intro: Text | undefined;
  for (let l = section.bodyStart; l <= section.bodyEnd; l++) {
    if (o.codeMask[l]) continue;
    const lineText = lines[l - 1] ?? '';
    const m = RISK_FIELD.exec(lineText);
    if (!m) {
      if (lineText.trim() === '') continue;
      if (current) {
        risks.push(current);
        current = undefined;
      }
      intro = trimmedLine(l, lineText);
      continue;
    }
    const value = textAt(l, lineText, m[0].length, lineText.trimEnd().length);
    value.text = value.text.replace(/(?:\*\*|__)$/, '');
    if (!current) {
      current = {
        description: intro ?? value,
        likelihood: undefined,
        impact: undefined,
        mitigation: undefined,
        task: undefined,
        span: span(intro?.span.start.line ?? l, 1, l, lineText.length + 1),
      };
      intro = undefined;
    }
    current.span = span(current.span.start.line, 1, l, lineText.length + 1);
    const field = m[2]!.toLowerCase();
    if (field === 'description' || field === 'risk') current.description = value;
    else if (field === 'likelihood' || field === 'probability') current.likelihood = value;
    else if (field === 'impact' || field === 'severity') current.impact = value;
    else if (field === 'mitigation') current.mitigation = value;
    else current.task = value;
  }
  if (current) risks.push(current);
  return risks;
}
