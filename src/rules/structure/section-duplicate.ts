import type { Finding, Rule } from '../types.js';
import { placedSections } from './layout.js';

export const sectionDuplicate: Rule = {
  id: 'section-duplicate',
  family: 'structure',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'Each section appears once: two "### E) Review Guide" headings or two "## Part 2" headings are reported at the repeat. The parser and every reader take the first one, so the content of the repeat is invisible to the checks that use the section. Numbered subsections such as "K.1" are not repeats of K; a repeated task number is task-numbering\'s finding.',
  instruction: 'Write each section once; merge a repeated section into the first one.',
  check(plan) {
    const findings: Finding[] = [];
    const firstAt = new Map<string, number>();
    for (const p of placedSections(plan)) {
      const line = p.section.heading.span.start.line;
      const seen = firstAt.get(p.slot.key);
      if (seen === undefined) {
        firstAt.set(p.slot.key, line);
        continue;
      }
      findings.push({
        message: `${p.slot.label.charAt(0).toUpperCase() + p.slot.label.slice(1)} appears again (first at line ${seen}): merge this one into it.`,
        span: p.section.heading.span,
      });
    }
    return findings;
  },
};
