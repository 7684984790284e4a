import { sentenceBudgetRule } from './sentence-budget.js';

export const architectureLength = sentenceBudgetRule({
  id: 'architecture-length',
  field: 'Architecture',
  budget: 'architectureSentences',
  purpose: 'the technical approach — packages, key types, integration points',
  advice: 'the packages, key types and integration points; file-level detail belongs in the Appendix.',
});
