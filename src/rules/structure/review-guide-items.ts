import type { Finding, Rule } from '../types.js';
import { plainInline } from '../../plan/source.js';
import { placedSections, reach } from './layout.js';

// The spec asks the guide to direct attention, not to use these words: each point is also
// recognised by what it says ("the highest-risk item", "mechanical", "pre-existing issue").
const ITEMS: ReadonlyArray<{ name: string; re: RegExp }> = [
  { name: 'THE TRICKY PART', re: /\btricky\b|\bsubtle|\berror-prone|\bhighest[- ]risk|\briskiest|\bhardest\b|\bmost (?:delicate|complex|difficult|fragile)/ },
  { name: 'WHAT TO SCRUTINIZE', re: /\bscrutini[sz]|\b(?:check|review|read|verify) (?:\w+ ){0,3}(?:carefully|closely)|\bpay (?:close )?attention|\bfocus (?:on|your review)|\bhardest to verify/ },
  { name: "WHAT'S SAFE TO SKIM", re: /\bskim|\bmechanical\b|\bboilerplate\b|\bsafe to (?:skip|ignore)|\bstraightforward\b/ },
  { name: 'KNOWN DEBT', re: /\bdebt\b|\bpre-existing (?:issue|bug|problem|gap)s?|\bknown (?:issue|limitation|gap)s?|\bnot fixed\b|\bout of scope\b/ },
];

export const reviewGuideItems: Rule = {
  id: 'review-guide-items',
  family: 'structure',
  severity: 'warning',
  formats: ['full'],
  description:
    'Section E (Review Guide) covers the four points of the spec: THE TRICKY PART, WHAT TO SCRUTINIZE, WHAT\'S SAFE TO SKIM and KNOWN DEBT. Matching is tolerant of case, punctuation and wording ("Tricky part", "Safe to skim", "scrutinise", "Known debt: none"), and a point made in other words counts ("the highest-risk item", "mechanical changes", "pre-existing issues"); the points missing are reported together; every section E counts, so a guide split over a repeated E is read whole. "KNOWN DEBT: None." satisfies the last point — saying there is none is the point.',
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
    const missing = ITEMS.filter((item) => !item.re.test(plain)).map((item) => item.name);
    if (missing.length === 0) return [];
    const findings: Finding[] = [{
      message: `The Review Guide does not cover ${missing.join(', ')}: add ${missing.length === 1 ? 'an item' : 'items'} ${missing.map((m) => `"**${m}:** …"`).join(', ')}.`,
      span: guides[0]!.section.heading.span,
    }];
    return findings;
  },
};
