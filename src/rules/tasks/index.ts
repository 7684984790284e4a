import type { Rule } from '../types.js';

/** Rules of the tasks family, in catalog order. */
export const TASKS_RULES: readonly Rule[] = [];
