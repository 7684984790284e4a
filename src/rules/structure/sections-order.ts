import type { Finding, Rule } from '../types.js';
import { firstBySlot } from './layout.js';

export const sectionsOrder: Rule = {
  id: 'sections-order',
  family: 'structure',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'Sections appear in the order of the spec — Part 1, A–E, Part 2, F–I, Part 3, J, Appendix (compact: Behavioral Contracts, Tasks, Sanity Checklist) — because the plan is read top to bottom: design before execution, execution before the checklist. Only the first heading of each section is placed (repeats are section-duplicate\'s business); a section is reported when it comes after one it should precede.',
  instruction: 'Keep the sections in spec order: Part 1 (A–E) → Part 2 (F–I) → Part 3 (J) → Appendix; compact: Behavioral Contracts → Tasks → Sanity Checklist.',
  check(plan) {
    const placed = [...firstBySlot(plan).values()].sort((a, b) => a.section.heading.span.start.line - b.section.heading.span.start.line);
    const findings: Finding[] = [];
    let latest: (typeof placed)[number] | undefined;
    for (const p of placed) {
      if (latest && p.rank < latest.rank) {
        findings.push({
          message: `${capitalize(p.slot.label)} comes after ${latest.slot.label}: move it before ${latest.slot.label}.`,
          span: p.section.heading.span,
        });
        continue;
      }
      latest = p;
    }
    return findings;
  },
};

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
