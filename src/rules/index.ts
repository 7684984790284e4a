/**
 * The rule catalog. One file per rule under `./<family>/`, listed in that family's index.
 * Order here is the order of the reference docs and of the agent instructions.
 */
import type { Rule } from './types.js';
import { HEADER_RULES } from './header/index.js';
import { STRUCTURE_RULES } from './structure/index.js';
import { CONTRACTS_RULES } from './contracts/index.js';
import { TASKS_RULES } from './tasks/index.js';
import { TEST_CODE_RULES } from './test-code/index.js';
import { TRACEABILITY_RULES } from './traceability/index.js';
import { DEVIATIONS_RULES } from './deviations/index.js';
import { RISKS_RULES } from './risks/index.js';
import { CHECKLIST_RULES } from './checklist/index.js';
import { COMPACT_RULES } from './compact/index.js';
import { GROUNDING_RULES } from './grounding/index.js';
import { SUPERPOWERS_RULES } from '../formats/superpowers/rules/index.js';

export const RULES: readonly Rule[] = [
  ...HEADER_RULES,
  ...STRUCTURE_RULES,
  ...CONTRACTS_RULES,
  ...TASKS_RULES,
  ...TEST_CODE_RULES,
  ...TRACEABILITY_RULES,
  ...DEVIATIONS_RULES,
  ...RISKS_RULES,
  ...CHECKLIST_RULES,
  ...COMPACT_RULES,
  ...GROUNDING_RULES,
  ...SUPERPOWERS_RULES,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

export type { Rule, RuleFamily, Finding, Diagnostic, RuleContext, Severity, SeveritySetting, Fix, RuleExample, RuleExamples } from './types.js';
