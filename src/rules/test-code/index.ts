import type { Rule } from '../types.js';

/** Rules of the test-code family, in catalog order. */
export const TEST_CODE_RULES: readonly Rule[] = [];
