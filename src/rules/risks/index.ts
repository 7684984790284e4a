import type { Rule } from '../types.js';

/** Rules of the risks family, in catalog order. */
export const RISKS_RULES: readonly Rule[] = [];
