import type { Rule } from '../types.js';
import { riskFields } from './risk-fields.js';
import { riskTask } from './risk-task.js';

/** Rules of the risks family, in catalog order. */
export const RISKS_RULES: readonly Rule[] = [riskFields, riskTask];
