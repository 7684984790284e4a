import type { Rule } from '../types.js';
import { span } from '../../plan/source.js';

export const titleFormat: Rule = {
  id: 'title-format',
  family: 'header',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'The plan starts with a level-1 heading of the form "# <PR title> Implementation Plan". Agents and reviewers find plans by this title, and the executing skill expects it.',
  instruction: 'Start the plan with exactly one level-1 heading: "# <PR Title> Implementation Plan".',
  check(plan) {
    if (!plan.title) {
      return [{ message: 'The plan has no title: start it with "# <PR Title> Implementation Plan".', span: span(1, 1, 1, 1) }];
    }
    const text = plan.title.text.trim();
    if (!/\S.*\bImplementation Plan$/.test(text)) {
      return [{ message: `Title "${text}" must end with "Implementation Plan" (e.g. "# ${text.replace(/\s*(plan|implementation plan)$/i, '')} Implementation Plan").`, span: plan.title.span }];
    }
    return [];
  },
};
