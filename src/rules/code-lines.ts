/** Which lines of a plan are code: rules that read prose skip them. */
import type { Plan } from '../plan/types.js';

const CODE_LINES = new WeakMap<Plan, ReadonlySet<number>>();

/** Lines inside fenced or indented code blocks (1-based), computed once per plan. */
export function codeLines(plan: Plan): ReadonlySet<number> {
  let set = CODE_LINES.get(plan);
  if (!set) {
    const lines = new Set<number>();
    for (const b of plan.codeBlocks) for (let l = b.span.start.line; l <= b.span.end.line; l++) lines.add(l);
    CODE_LINES.set(plan, lines);
    set = lines;
  }
  return set;
}
