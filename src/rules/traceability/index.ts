import type { Rule } from '../types.js';

/** Rules of the traceability family, in catalog order. */
export const TRACEABILITY_RULES: readonly Rule[] = [];
