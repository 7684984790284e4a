import type { Rule } from '../types.js';

/** Rules of the checklist family, in catalog order. */
export const CHECKLIST_RULES: readonly Rule[] = [];
