import type { Rule } from '../types.js';
import { countSentences } from '../../plan/source.js';
import { findField } from './fields.js';

export const goalOneSentence: Rule = {
  id: 'goal-one-sentence',
  family: 'header',
  severity: 'warning',
  formats: ['full', 'compact'],
  description:
    'The Goal is one sentence: the capability this PR adds, in words a non-contributor understands. Extra sentences are usually the problem statement or the design leaking into the goal; they belong in "The problem today" and "Architecture". Sentences are counted by terminal punctuation, ignoring periods in code spans, numbers and abbreviations such as "e.g.".',
  instruction: 'Write the Goal as exactly one sentence; move detail into "The problem today" or "Architecture".',
  check(plan) {
    const goal = findField(plan, 'Goal');
    if (!goal) return [];
    // Code spans are kept for the count: a sentence that starts with `blis observe …` still starts a sentence.
    const n = countSentences([goal.value.text, ...goal.items.map((i) => i.text)].join(' ').replace(/\*\*|__|\[([^\]]*)\]\([^)]*\)/g, '$1'));
    if (n <= 1) return [];
    return [
      {
        message: plan.format === 'compact'
          ? `The Goal has ${n} sentences: state the capability in one sentence; the rest belongs in the contracts or the tasks.`
          : `The Goal has ${n} sentences: state the capability in one sentence and move the rest into "The problem today" or "Architecture".`,
        span: goal.value.span,
      },
    ];
  },
};
