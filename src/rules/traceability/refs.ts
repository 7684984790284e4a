/**
 * Shared readers for the traceability, risk and deviation rules: which tasks a table cell cites,
 * which contract ids a cell mentions, and the plan's sections for each part.
 */
import { plainInline } from '../../plan/source.js';
import type { Plan, Span, Text } from '../../plan/types.js';

export interface TaskCitation {
  /** Task numbers named ("Task 3", "Tasks 2-4", "1, 3", "Task 1 + Task 2"). */
  numbers: number[];
  /** "All" / "All tasks" / "Both": every task. */
  all: boolean;
}

const TASK_LIST = /\btasks?\s*#?\s*(\d+(?:\s*(?:[-–—,+&/]|\band\b|\bto\b|\bthrough\b)\s*(?:tasks?\s*)?\d+)*)/gi;
const BARE_LIST = /^\s*(\d+(?:\s*(?:[-–—,+&/]|\band\b)\s*\d+)*)\s*(?:\(.*\))?\s*$/i;

/** Numbers in "2-4, 6" with ranges expanded (at most 30 wide, so a typo cannot explode). */
function expand(list: string): number[] {
  const out: number[] = [];
  const re = /(\d+)(?:\s*(?:[-–—]|\bto\b|\bthrough\b)\s*(?:tasks?\s*)?(\d+))?/gi;
  for (let m = re.exec(list); m; m = re.exec(list)) {
    const a = Number(m[1]);
    const b = m[2] !== undefined ? Number(m[2]) : a;
    if (b >= a && b - a <= 30) for (let k = a; k <= b; k++) out.push(k);
    else out.push(a);
  }
  return out;
}

/** The tasks a cell or phrase cites. */
export function citedTasks(raw: string): TaskCitation {
  const text = plainInline(raw);
  if (/^\s*(?:all(?:\s+tasks)?|both(?:\s+tasks)?|every task)\b/i.test(text)) return { numbers: [], all: true };
  const numbers: number[] = [];
  TASK_LIST.lastIndex = 0;
  for (let m = TASK_LIST.exec(text); m; m = TASK_LIST.exec(text)) numbers.push(...expand(m[1]!));
  if (numbers.length === 0) {
    const bare = BARE_LIST.exec(text);
    if (bare) numbers.push(...expand(bare[1]!));
  }
  return { numbers: [...new Set(numbers)], all: false };
}

/** Task numbers the plan defines. */
export function taskNumbers(plan: Plan): Set<number> {
  return new Set(plan.tasks.map((t) => t.number));
}

function within(inner: Span, outer: Span): boolean {
  const afterStart =
    inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.column >= outer.start.column);
  const beforeEnd = inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.column <= outer.end.column);
  return afterStart && beforeEnd;
}

/** Contract ids mentioned inside a piece of text (ranges such as "BC-1–BC-3" expanded by the parser). */
export function contractIdsIn(plan: Plan, t: Text | Span): string[] {
  const s = 'span' in t ? t.span : t;
  return plan.contractRefs.filter((r) => within(r.span, s)).map((r) => r.id);
}

/** "All", "All contracts", "all BCs": a cell that covers every contract. */
export function citesAllContracts(text: string): boolean {
  return /^\s*all\b(?:\s+(?:contracts|bcs|behavioral contracts))?\s*(?:\(.*\))?\s*$/i.test(plainInline(text)) ||
    /\ball\s+(?:contracts|bcs)\b/i.test(plainInline(text));
}

/** A short, readable quotation of a cell for messages. */
export function quote(text: string, max = 60): string {
  const t = plainInline(text).replace(/\s+/g, ' ').trim().replace(/^["“']+|["”']+$/g, '');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
