import type { Finding, Rule } from '../types.js';
import { plainInline } from '../../plan/source.js';
import type { Risk, Text } from '../../plan/types.js';
import { partSection } from '../../plan/tables.js';
import { quote } from '../traceability/refs.js';

/** "Low", "Medium (…)", "Med", "Very Low", "High (by design)": the first word(s) carry the level. */
const LEVEL = /^(?:very\s+)?(?:low|med(?:ium)?|high)\b/i;

function blank(t: Text | undefined): boolean {
  return t === undefined || /^(?:|—|-|–|n\/a|tbd)$/i.test(plainInline(t.text).trim());
}

export const riskFields: Rule = {
  id: 'risk-fields',
  family: 'risks',
  severity: 'error',
  formats: ['full'],
  description:
    'Section I lists risks, each with a likelihood and an impact of low / medium / high ("Med" and "Very low" are read as such; a parenthetical reason may follow) and a concrete mitigation (a test or a design choice). A table "| Risk | Likelihood | Impact | Mitigation | Task |" is the usual form; blocks of "- Likelihood: …" lines are read too.',
  instruction:
    'In section I, write "| Risk | Likelihood | Impact | Mitigation | Task |" with likelihood and impact each Low, Medium or High, and a mitigation that names a specific test or design choice.',
  check(plan) {
    const section = partSection(plan.sections, 'risks');
    // A plan without section I is reported by the structure rules.
    if (!section) return [];
    const { rows } = plan.risks;
    if (rows.length === 0) {
      return [
        {
          message: 'Section I lists no risks: add "| Risk | Likelihood | Impact | Mitigation | Task |" with at least one row.',
          span: section.heading.span,
        },
      ];
    }
    const out: Finding[] = [];
    for (const risk of rows) {
      const name = quote(risk.description.text, 40);
      const missing = (['likelihood', 'impact', 'mitigation'] as const).filter((k) => blank(risk[k]));
      if (missing.length > 0) {
        out.push({ message: `Risk "${name}" has no ${missing.join(', ')}: add ${missing.map(hint).join(', ')}.`, span: risk.span });
      }
      for (const k of ['likelihood', 'impact'] as const) {
        const value = risk[k];
        if (blank(value) || LEVEL.test(plainInline(value!.text))) continue;
        out.push({
          message: `Risk "${name}" has ${k} "${quote(value!.text, 30)}": use Low, Medium or High${
            /^(?:none|n\/a|intentional)/i.test(plainInline(value!.text)) ? ' (a risk that cannot happen does not belong in the list)' : ''
          }.`,
          span: value!.span,
        });
      }
    }
    return out;
  },
};

function hint(k: keyof Pick<Risk, 'likelihood' | 'impact' | 'mitigation'>): string {
  return k === 'mitigation' ? 'a mitigation (a specific test or design choice)' : `${k === 'impact' ? 'an' : 'a'} ${k} (Low/Medium/High)`;
}
