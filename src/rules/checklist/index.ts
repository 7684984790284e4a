import type { Rule } from '../types.js';
import { checklistComplete } from './checklist-complete.js';
import { checklistCheckboxes } from './checklist-checkboxes.js';

/** Rules of the checklist family, in catalog order. */
export const CHECKLIST_RULES: readonly Rule[] = [checklistComplete, checklistCheckboxes];
