import type { Finding, Rule } from '../types.js';
import { lineSpan } from '../../plan/source.js';
import { firstBySlot, slotsFor } from './layout.js';

export const sectionsPresent: Rule = {
  id: 'sections-present',
  family: 'structure',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'The plan has every section of its format. Full: "Part 1" with sections A) Executive Summary to E) Review Guide, "Part 2" with F) Implementation Overview to I) Risk Analysis, "Part 3" with J) Sanity Checklist, and the Appendix (K, file-level details). Compact: "## Behavioral Contracts", "## Tasks" and "## Sanity Checklist". Headings are recognised by letter or by name ("### B) Behavioral Contracts", "### B. …", "## Appendix: …"); an unlettered "Sanity Checklist" stands in for J. The reviewer and the executing agent navigate by these headings.',
  instruction:
    'Use every section heading of the format: full — "## Part 1: Design Validation" with "### A) Executive Summary" … "### E) Review Guide", "## Part 2: Executable Implementation" with "### F) Implementation Overview" … "### I) Risk Analysis", "## Part 3: Quality Assurance" with "### J) Sanity Checklist", and "## Appendix: File-Level Implementation Details"; compact — "## Behavioral Contracts", "## Tasks", "## Sanity Checklist".',
  check(plan) {
    const slots = slotsFor(plan);
    const first = firstBySlot(plan);
    const findings: Finding[] = [];
    slots.forEach((slot, i) => {
      if (first.has(slot.key)) return;
      // Point at where it belongs: the nearest present slot before it, else the title.
      const before = slots.slice(0, i).reverse().map((s) => first.get(s.key)).find((p) => p !== undefined);
      const after = slots.slice(i + 1).map((s) => first.get(s.key)).find((p) => p !== undefined);
      // The tasks are there without their heading: it belongs right before the first one.
      const firstTask = plan.tasks[0];
      if ((slot.key === 'G' || slot.key === 'tasks') && firstTask) {
        const line = firstTask.span.start.line;
        findings.push({ message: `The plan is missing ${slot.label}: add "${slot.heading}" before "${(plan.lines[line - 1] ?? '').trim()}".`, span: lineSpan(plan.lines, line) });
        return;
      }
      const where = after ? `before ${after.slot.label}` : before ? `after ${before.slot.label}` : 'after the header';
      const line = (after ?? before)?.section.heading.span.start.line ?? plan.title?.span.start.line ?? 1;
      findings.push({ message: `The plan is missing ${slot.label}: add "${slot.heading}" ${where}.`, span: lineSpan(plan.lines, line) });
    });
    return findings;
  },
};
