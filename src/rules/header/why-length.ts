import { sentenceBudgetRule } from './sentence-budget.js';

export const whyLength = sentenceBudgetRule({
  id: 'why-length',
  field: 'Why this matters',
  budget: 'whyMattersSentences',
  purpose: 'the link from this PR to the broader project vision',
  advice: 'how this PR connects to the project vision and what downstream work it enables.',
});
