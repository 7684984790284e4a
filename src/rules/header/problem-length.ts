import { sentenceBudgetRule } from './sentence-budget.js';

export const problemLength = sentenceBudgetRule({
  id: 'problem-length',
  field: 'The problem today',
  budget: 'problemSentences',
  purpose: 'what is missing or broken without this PR and why it matters to users',
  advice: 'what users cannot do today and why that matters.',
});
