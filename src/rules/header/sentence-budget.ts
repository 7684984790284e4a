/** One factory for the header fields whose length the spec gives in sentences. */
import type { Budgets } from '../../config/types.js';
import type { HeaderFieldName } from '../../plan/types.js';
import type { Rule } from '../types.js';
import { fieldSentences, findField } from './fields.js';

type SentenceBudget = 'problemSentences' | 'whyMattersSentences' | 'architectureSentences';

export function sentenceBudgetRule(options: {
  id: string;
  field: HeaderFieldName;
  budget: SentenceBudget;
  purpose: string;
  advice: string;
}): Rule {
  const { id, field, budget, purpose, advice } = options;
  const range = (b: Budgets): string => `${b[budget][0]}–${b[budget][1]}`;
  return {
    id,
    family: 'header',
    severity: 'warning',
    formats: ['full'],
    description: `"${field}" is ${purpose}, in the number of sentences set by budgets.${budget} (spec: 2–3 for the problem and the architecture, 1–2 for why it matters). Sentences are counted across the inline value and any list under the field (a list item without a period counts as one); periods in code spans, numbers and abbreviations do not end a sentence.`,
    instruction: (config) => `Write "${field}" in ${range(config.budgets)} sentences: ${advice}`,
    check(plan, { config }) {
      const f = findField(plan, field);
      if (!f) return [];
      const n = fieldSentences(f);
      const [min, max] = config.budgets[budget];
      if (n === 0 || (n >= min && n <= max)) return [];
      const verb = n < min ? 'expand it' : 'tighten it';
      return [
        {
          message: `"${f.label}" has ${n} sentence${n === 1 ? '' : 's'}, outside the ${min}–${max} budget: ${verb} to ${min}–${max} sentences — ${advice}`,
          span: f.items.length > 0 && f.value.text.trim() === '' ? { start: f.items[0]!.span.start, end: f.items[f.items.length - 1]!.span.end } : f.value.span,
        },
      ];
    },
  };
}
