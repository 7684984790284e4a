import type { Rule } from '../types.js';

/** Rules of the structure family, in catalog order. */
export const STRUCTURE_RULES: readonly Rule[] = [];
