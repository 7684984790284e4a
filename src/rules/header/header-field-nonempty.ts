import type { Finding, Rule } from '../types.js';
import { fieldName, isEmptyField, requiredFields } from './fields.js';

export const headerFieldNonempty: Rule = {
  id: 'header-field-nonempty',
  family: 'header',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'Every header field of the format has content after its label (inline or as the list under it). A label with nothing after it — or only "…", "-" or punctuation — is a template left unfilled.',
  instruction: 'Fill in every header field; never leave a label with no value.',
  check(plan) {
    const required = new Set<string>(requiredFields(plan.format));
    const findings: Finding[] = [];
    for (const field of plan.header) {
      const name = fieldName(field);
      if (!name || !required.has(name) || !isEmptyField(field)) continue;
      findings.push({ message: `The "${field.label}" field is empty: write its content after the label.`, span: field.span });
    }
    return findings;
  },
};
