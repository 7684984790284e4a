/** One factory for the header fields whose length the spec gives in sentences. */
import type { Budgets } from '../../config/types.js';
import type { HeaderFieldName } from '../../plan/types.js';
import type { Rule } from '../types.js';
import { plainInline } from '../../plan/source.js';
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
    description: `"${field}" is ${purpose}, in the number of sentences set by budgets.${budget} (spec: 2–3 for the problem and the architecture, 1–2 for why it matters). Sentences are counted across the inline value and any list under the field (a list item without a period counts as one); periods in code spans, numbers and abbreviations do not end a sentence. A field under the minimum that is already long (more than 25 words per sentence wanted) is told to split, not to expand: one sentence chained with semicolons needs splitting.`,
    instruction: (config) => `Write "${field}" in ${range(config.budgets)} sentences: ${advice}`,
    check(plan, { config }) {
      const f = findField(plan, field);
      if (!f) return [];
      const n = fieldSentences(f);
      const [min, max] = config.budgets[budget];
      if (n === 0 || (n >= min && n <= max)) return [];
      // One sentence of 50 words ("…; …; …") is long, not short: the advice is to split it.
      const words = plainInline([f.value.text, ...f.items.map((i) => i.text)].join(' ')).split(/\s+/).length;
      const long = n < min && words > 25 * min;
      const verb = long ? `split its ${words} words into` : n < min ? 'expand it to' : 'tighten it to';
      return [
        {
          message: `"${f.label}" has ${n} sentence${n === 1 ? '' : 's'}, outside the ${min}–${max} budget: ${verb} ${min}–${max} sentences — ${advice}`,
          span: f.items.length > 0 && f.value.text.trim() === '' ? { start: f.items[0]!.span.start, end: f.items[f.items.length - 1]!.span.end } : f.value.span,
        },
      ];
    },
  };
}
