/**
 * Construction-site audits written in a plan (Phase 0, item 5): the type they are about and the
 * sites they list. Read from Markdown prose: a line that mentions "construction site" and names a
 * type in inline code, then the citations on that line and in the list that follows it.
 */
import type { Citation, Plan } from '../plan/types.js';

export interface WrittenAudit {
  /** As written: `Header`, or `tar.Header` with its package. */
  typeName: string;
  /** Line of the audit's heading/lead line. */
  line: number;
  span: Citation['span'];
  listed: Citation[];
  /** The plan says there are none ("no existing construction sites", "new type"). */
  saysNone: boolean;
}

/** `T`, `pkg.T`, `*T`, `&pkg.T{}`: the package qualifier, when written, is kept (`tar.Header` is not `http.Header`). */
const TYPE_IN_CODE = /`(?:\*|&)?((?:[a-z_][\w]*\.)?[A-Z][A-Za-z0-9_]*)(?:\{\})?`/;

export function findAudits(plan: Plan): WrittenAudit[] {
  const audits: WrittenAudit[] = [];
  const phase0 = plan.sections.find((s) => s.kind.type === 'phase0');
  const from = phase0 ? phase0.bodyStart : 1;
  const to = phase0 ? phase0.bodyEnd : plan.lines.length;
  const fenced = new Set<number>();
  for (const b of plan.codeBlocks) for (let l = b.span.start.line; l <= b.span.end.line; l++) fenced.add(l);
  for (let l = from; l <= to; l++) {
    const text = plan.lines[l - 1] ?? '';
    if (fenced.has(l) || !/construction[- ]sites?\b/i.test(text) || /^\s*[-*]\s+\[[ xX]\]/.test(text)) continue;
    const type = TYPE_IN_CODE.exec(text);
    if (!type) continue;
    // The audit's list: following lines until a blank line followed by a non-list line, or a heading.
    let end = l;
    for (let k = l + 1; k <= to; k++) {
      const t = plan.lines[k - 1] ?? '';
      if (/^#{1,6}\s/.test(t)) break;
      if (t.trim() === '') {
        const next = plan.lines[k] ?? '';
        if (!/^\s*(?:[-*+]|\d+[.)])\s/.test(next)) break;
        continue;
      }
      if (!/^\s*(?:[-*+]|\d+[.)])\s/.test(t) && !/^\s{2,}\S/.test(t)) break;
      end = k;
    }
    const listed = plan.citations.filter((c) => c.span.start.line >= l && c.span.start.line <= end);
    const block = plan.lines.slice(l - 1, end).join(' ');
    audits.push({
      typeName: type[1]!,
      line: l,
      span: { start: { line: l, column: 1 }, end: { line: l, column: text.length + 1 } },
      listed,
      saysNone: /\bno (?:existing |other )?construction sites\b|\bnew type\b|\bnone\b/i.test(block),
    });
  }
  return audits;
}
