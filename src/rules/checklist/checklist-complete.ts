import type { Finding, Rule } from '../types.js';
import { partSection } from '../../plan/tables.js';
import type { Plan, Section } from '../../plan/types.js';
import { codeLines } from '../code-lines.js';
import { covered, inRange, itemWords } from './match.js';

/** The plan's checklist section: J in the full format, "## Sanity Checklist" in the compact one. */
export function checklistSection(plan: Plan): Section | undefined {
  return partSection(plan.sections, 'checklist') ?? plan.sections.find((s) => s.kind.type === 'compact' && s.kind.name === 'checklist');
}

function short(text: string): string {
  const first = text.split(/\.(?:\s|$)|:\s|\s—|\(/)[0]!.trim();
  return first.length > 50 ? `${first.slice(0, 49)}…` : first;
}

export const checklistComplete: Rule = {
  id: 'checklist-complete',
  family: 'checklist',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'The sanity checklist (section J; "## Sanity Checklist" in compact plans) carries every item of the Phase 8 template: each plan-specific check and each antipattern rule of the project (none by default; the config or its preset lists them, e.g. R1–R23 in `inference-sim`). Antipattern items are found by id ("R7:"), plan-specific ones by their words, so paraphrase is fine; an item that does not apply is still listed and ticked with a reason.',
  instruction: (config) => {
    const checks = `one "- [ ]" item for each of the ${config.planSpecificChecks.length} plan-specific checks`;
    const first = config.antipatterns[0]?.id;
    const last = config.antipatterns[config.antipatterns.length - 1]?.id;
    const rules =
      config.antipatterns.length === 0
        ? ''
        : ` and one "- [ ] ${first ?? 'R1'}: …" item for each of the ${config.antipatterns.length} antipattern rule${config.antipatterns.length === 1 ? '' : 's'}${first && last && first !== last ? ` (${first}–${last})` : ''}`;
    return `End the plan with the sanity checklist: ${checks}${rules}; mark non-applicable ones "(N/A: why)".`;
  },
  check(plan, { config }) {
    const section = checklistSection(plan);
    // A plan without a checklist section is reported by the structure rules.
    if (!section) return [];
    const items = plan.checklist;
    const index = itemWords(items);
    const out: Finding[] = [];
    const missingChecks = config.planSpecificChecks.filter((e) => !covered(e, items, index));
    // "**Antipattern rules:** All R1-R23 are Go-specific … not applicable": a range stated in the
    // section's prose covers its ids as a ticked "R17-R23: N/A" item does.
    const code = codeLines(plan);
    const prose = plan.lines.slice(section.bodyStart - 1, section.bodyEnd).filter((_, i) => !code.has(section.bodyStart + i));
    const missingRules = config.antipatterns.filter((e) => !covered(e, items, index) && !(e.id !== undefined && prose.some((l) => inRange(e.id!, l))));
    if (missingChecks.length > 0) {
      out.push({
        message: `Sanity checklist is missing ${missingChecks.length} plan-specific check${missingChecks.length > 1 ? 's' : ''}: add "- [ ]" items for ${missingChecks.map((e) => `"${short(e.text)}"`).join(', ')}.`,
        span: section.heading.span,
      });
    }
    if (missingRules.length > 0) {
      out.push({
        message: `Sanity checklist is missing antipattern rule${missingRules.length > 1 ? 's' : ''} ${missingRules.map((e) => e.id ?? short(e.text)).join(', ')}: add a "- [ ] ${missingRules[0]!.id ?? ''}: ${short(missingRules[0]!.text)}" item for each.`,
        span: section.heading.span,
      });
    }
    return out;
  },
};
