import type { Finding, Rule } from '../types.js';
import { plainInline } from '../../plan/source.js';
import { placedSections, reach } from './layout.js';

const ITEMS: ReadonlyArray<{ name: string; re: RegExp }> = [
  { name: 'THE TRICKY PART', re: /\btricky\b/ },
  { name: 'WHAT TO SCRUTINIZE', re: /\bscrutini[sz]/ },
  { name: "WHAT'S SAFE TO SKIM", re: /\bskim/ },
  { name: 'KNOWN DEBT', re: /\bdebt\b/ },
];

export const reviewGuideItems: Rule = {
  id: 'review-guide-items',
  family: 'structure',
  severity: 'warning',
  formats: ['full'],
  description:
    'Section E (Review Guide) covers the four points of the spec: THE TRICKY PART, WHAT TO SCRUTINIZE, WHAT\'S SAFE TO SKIM and KNOWN DEBT. Matching is tolerant of case, punctuation and wording ("Tricky part", "Safe to skim", "scrutinise", "Known debt: none"); every section E counts, so a guide split over a repeated E is read whole. "KNOWN DEBT: None." satisfies the last point — saying there is none is the point.',
  instruction: "In the Review Guide, label four items: THE TRICKY PART, WHAT TO SCRUTINIZE, WHAT'S SAFE TO SKIM, KNOWN DEBT (write \"None\" if there is none).",
  check(plan) {
    const guides = placedSections(plan).filter((p) => p.slot.key === 'E');
    if (guides.length === 0) return [];
    const text = guides
      .map((g) => {
        const { start, end } = reach(plan, g.section);
        return plan.lines.slice(start, end).join('\n');
      })
      .join('\n');
    const plain = plainInline(text).toLowerCase();
    const findings: Finding[] = [];
    for (const item of ITEMS) {
      if (item.re.test(plain)) continue;
      findings.push({
        message: `The Review Guide does not cover ${item.name}: add an item "**${item.name}:** …".`,
        span: guides[0]!.section.heading.span,
      });
    }
    return findings;
  },
};
