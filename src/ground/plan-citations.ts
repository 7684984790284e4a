/** Citation statuses of one plan, computed once and shared by the citation rules. */
import type { Citation, Plan } from '../plan/types.js';
import { classifyCitation, type CitationStatus } from './citations.js';
import type { Grounding } from './types.js';

const cache = new WeakMap<Plan, WeakMap<Grounding, Promise<Array<{ citation: Citation; status: CitationStatus }>>>>();

export function citationStatuses(plan: Plan, g: Grounding): Promise<Array<{ citation: Citation; status: CitationStatus }>> {
  let byGrounding = cache.get(plan);
  if (!byGrounding) {
    byGrounding = new WeakMap();
    cache.set(plan, byGrounding);
  }
  let result = byGrounding.get(g);
  if (!result) {
    result = Promise.all(plan.citations.map(async (citation) => ({ citation, status: await classifyCitation(citation, g) })));
    byGrounding.set(g, result);
  }
  return result;
}

/** The citation's text with its line numbers replaced ("a.go:12-20" → "a.go:40-48"). */
export function rewriteCitation(plan: Plan, c: Citation, start: number, end: number): string {
  const line = plan.lines[c.span.start.line - 1] ?? '';
  const original = line.slice(c.span.start.column - 1, c.span.end.column - 1);
  const pathAt = original.indexOf(c.path);
  const head = original.slice(0, pathAt + c.path.length);
  let n = 0;
  const tail = original.slice(pathAt + c.path.length).replace(/\d+/g, (digits) => {
    n++;
    if (n === 1) return String(start);
    if (n === 2) return String(end);
    return digits;
  });
  return head + tail;
}
