import type { Rule } from '../types.js';

/** Rules of the grounding family, in catalog order. */
export const GROUNDING_RULES: readonly Rule[] = [];
