import type { Rule } from '../types.js';

/** Rules of the contracts family, in catalog order. */
export const CONTRACTS_RULES: readonly Rule[] = [];
