import type { Rule } from '../types.js';

/** Rules of the compact family, in catalog order. */
export const COMPACT_RULES: readonly Rule[] = [];
