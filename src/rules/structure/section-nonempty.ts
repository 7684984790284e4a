import type { Finding, Rule } from '../types.js';
import { firstBySlot, hasContentLine, reach } from './layout.js';

export const sectionNonempty: Rule = {
  id: 'section-nonempty',
  family: 'structure',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'Every section of the format has content. A section runs from its heading to the next structural heading at any depth, so tasks written as "### Task 1" right after "### G) Task Breakdown" belong to G. Part headings are containers and are not checked; a section that says "No deviations from source document." is not empty.',
  instruction: 'Write content under every section heading; if a section does not apply, say so and why (e.g. "No deviations from source document.").',
  check(plan) {
    const findings: Finding[] = [];
    for (const p of firstBySlot(plan).values()) {
      if (/^P\d$/.test(p.slot.key)) continue;
      const { end } = reach(plan, p.section);
      if (hasContentLine(plan, p.section.heading.span.end.line + 1, end)) continue;
      findings.push({
        message: `${p.slot.label.charAt(0).toUpperCase() + p.slot.label.slice(1)} is empty: write its content, or state why it does not apply.`,
        span: p.section.heading.span,
      });
    }
    return findings;
  },
};
