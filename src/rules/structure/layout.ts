/**
 * The skeleton of a plan as the structure rules see it: which structural sections it has, in
 * which order, and how long a stretch of it reads.
 */
import { plainInline } from '../../plan/source.js';
import { SECTION_NAMES, type Plan, type Section, type SectionLetter } from '../../plan/types.js';
import { codeLines } from '../code-lines.js';

/** A place in the spec's skeleton: a Part heading, a lettered section or a compact section. */
export interface Slot {
  key: string;
  /** What to call it in messages. */
  label: string;
  /** The heading to suggest when it is missing. */
  heading: string;
}

const part = (n: 1 | 2 | 3, title: string): Slot => ({ key: `P${n}`, label: `the "Part ${n}: ${title}" heading`, heading: `## Part ${n}: ${title}` });
const letter = (l: SectionLetter): Slot => ({ key: l, label: `section ${l} (${SECTION_NAMES[l]})`, heading: `### ${l}) ${SECTION_NAMES[l]}` });

/** The full format's skeleton, in order. The appendix is one slot: "Appendix" or "K)" satisfy it. */
export const FULL_SLOTS: readonly Slot[] = [
  part(1, 'Design Validation'),
  ...(['A', 'B', 'C', 'D', 'E'] as const).map(letter),
  part(2, 'Executable Implementation'),
  ...(['F', 'G', 'H', 'I'] as const).map(letter),
  part(3, 'Quality Assurance'),
  letter('J'),
  { key: 'K', label: 'the Appendix (section K, File-Level Implementation Details)', heading: '## Appendix: File-Level Implementation Details' },
];

export const COMPACT_SLOTS: readonly Slot[] = [
  { key: 'contracts', label: 'the "Behavioral Contracts" section', heading: '## Behavioral Contracts' },
  { key: 'tasks', label: 'the "Tasks" section', heading: '## Tasks' },
  { key: 'checklist', label: 'the "Sanity Checklist" section', heading: '## Sanity Checklist' },
];

const COMPACT_BY_LETTER: Partial<Record<SectionLetter, string>> = { B: 'contracts', G: 'tasks', J: 'checklist' };
const LETTER_BY_COMPACT: Record<string, SectionLetter> = { contracts: 'B', tasks: 'G', checklist: 'J' };

export function slotsFor(plan: Plan): readonly Slot[] {
  return plan.format === 'compact' ? COMPACT_SLOTS : FULL_SLOTS;
}

/**
 * The slot a section fills, if any. In a full plan an unlettered "## Sanity Checklist" stands in
 * for J only when there is no lettered J (`fallback`); in a compact plan "B)", "G)" and "J)"
 * headings stand in for the compact sections.
 */
export function slotKey(section: Section, format: Plan['format']): { key: string; fallback: boolean } | undefined {
  const k = section.kind;
  if (format === 'compact') {
    if (k.type === 'compact' && k.name !== 'deviations') return { key: k.name, fallback: false };
    if (k.type === 'lettered' && COMPACT_BY_LETTER[k.letter]) return { key: COMPACT_BY_LETTER[k.letter]!, fallback: true };
    return undefined;
  }
  // "## Appendix: …" fills the K slot only when no "### K)" section follows it (the spec writes both).
  if (k.type === 'part') return k.part === 'appendix' ? { key: 'K', fallback: true } : { key: `P${k.part}`, fallback: false };
  if (k.type === 'lettered') return { key: k.letter, fallback: false };
  if (k.type === 'compact' && LETTER_BY_COMPACT[k.name]) return { key: LETTER_BY_COMPACT[k.name]!, fallback: true };
  return undefined;
}

export interface Placed {
  slot: Slot;
  section: Section;
  rank: number;
}

/** Every section that fills a slot, in document order (duplicates included; fallbacks only where the slot is otherwise empty). */
export function placedSections(plan: Plan): readonly Placed[] {
  // Several rules, and reach() once per section, ask for the same plan's placement.
  let placed = placements.get(plan);
  if (!placed) {
    placed = placeSections(plan);
    placements.set(plan, placed);
  }
  return placed;
}

const placements = new WeakMap<Plan, readonly Placed[]>();

function placeSections(plan: Plan): Placed[] {
  const slots = slotsFor(plan);
  const all = plan.sections.flatMap((section) => {
    const at = slotKey(section, plan.format);
    if (!at) return [];
    const rank = slots.findIndex((s) => s.key === at.key);
    return rank < 0 ? [] : [{ slot: slots[rank]!, section, rank, fallback: at.fallback }];
  });
  const direct = new Set(all.filter((p) => !p.fallback).map((p) => p.slot.key));
  return all.filter((p) => !p.fallback || !direct.has(p.slot.key)).map(({ slot, section, rank }) => ({ slot, section, rank }));
}

/** The first section of each slot. */
export function firstBySlot(plan: Plan): Map<string, Placed> {
  const first = new Map<string, Placed>();
  for (const p of placedSections(plan)) if (!first.has(p.slot.key)) first.set(p.slot.key, p);
  return first;
}

/**
 * A section's reach: from its heading to the next structural heading, at any depth. Real plans
 * put "### Task 1" at the same depth as "### G) Task Breakdown", so the heading-depth span would
 * leave G empty.
 */
export function reach(plan: Plan, section: Section): { start: number; end: number } {
  const start = section.heading.span.start.line;
  const next = placedSections(plan).find((p) => p.section.heading.span.start.line > start);
  // A heading of the same or a higher level ends it too ("## B) Targeted Recon Summary" after
  // "## A) …"), except a task heading, which real plans put beside "### G) Task Breakdown".
  const sibling = plan.sections.find(
    (s) => s.heading.span.start.line > start && s.depth <= section.depth && !/^task\s+\d+/i.test(s.heading.text.replace(/^[#*\s]+/, '')),
  );
  const stop = Math.min(next?.section.heading.span.start.line ?? Infinity, sibling?.heading.span.start.line ?? Infinity);
  let end = stop === Infinity ? plan.lines.length : stop - 1;
  while (end > start && isBlankOrRule(plan.lines[end - 1] ?? '')) end--;
  return { start, end };
}

function isBlankOrRule(line: string): boolean {
  return /^\s*$|^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(line);
}

/** Whether [from, to] has a line with content — not blank, not a thematic break (stops at the first: sections run long). */
export function hasContentLine(plan: Plan, from: number, to: number): boolean {
  for (let l = from; l <= to; l++) if (!isBlankOrRule(plan.lines[l - 1] ?? '')) return true;
  return false;
}

/**
 * How many lines a stretch reads as. Real plans write a paragraph or a list item as one long
 * source line, so counting source lines would call a 600-character summary "1 line"; here a
 * prose line counts as the lines it wraps to at READING_WIDTH characters (at least 1), while
 * code, table rows and headings count 1 per line. Blank lines and thematic breaks count 0.
 */
export function readingLines(plan: Plan, from: number, to: number): number {
  let weights = LINE_WEIGHTS.get(plan);
  if (!weights) {
    weights = new Int32Array(plan.lines.length + 2).fill(-1);
    LINE_WEIGHTS.set(plan, weights);
  }
  const code = codeLines(plan);
  let n = 0;
  for (let l = from; l <= to; l++) {
    let w = weights[l] ?? 0;
    if (w < 0) w = weights[l] = lineWeight(plan.lines[l - 1] ?? '', code.has(l));
    n += w;
  }
  return n;
}

/** Each line's reading weight (-1: not yet read), once per plan: Part 1 and the sections inside it are measured alike. */
const LINE_WEIGHTS = new WeakMap<Plan, Int32Array>();

function lineWeight(line: string, inCode: boolean): number {
  if (isBlankOrRule(line)) return 0;
  if (inCode || /^\s*(?:#{1,6}\s|\|)/.test(line)) return 1;
  const prose = plainInline(line.replace(/^\s*(?:>\s*)?(?:\d+[.)]|[-*+])?\s*(?:\[[ xX]\]\s*)?/, ''));
  return Math.max(1, Math.ceil(prose.length / READING_WIDTH));
}

/** Characters of prose a reading line holds (a rendered Markdown page, or a wide terminal). */
export const READING_WIDTH = 100;

/**
 * Whether `n` reading lines are over a budget of `max`. The spec's lengths are targets, not
 * limits, and wrapping is an estimate: a stretch is over once it passes the budget by 10% (at
 * least 3 lines). Reviewers judged guides of 11–12 lines against "5–10" a matter of taste.
 */
export function overBudget(n: number, max: number): boolean {
  return n >= max + Math.max(3, Math.ceil(max / 10));
}

/**
 * Whether `n` reading lines are short of a minimum. Four one-line review items are a fine guide:
 * a stretch is short only under half the minimum, where a point is surely missing.
 */
export function underBudget(n: number, min: number): boolean {
  return n > 0 && n < Math.ceil(min / 2);
}
