import type { Rule } from '../types.js';

/** Rules of the deviations family, in catalog order. */
export const DEVIATIONS_RULES: readonly Rule[] = [];
