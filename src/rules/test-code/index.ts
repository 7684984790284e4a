import type { Rule } from '../types.js';
import { testAssertionBehavioral } from './test-assertion-behavioral.js';
import { testNamePattern } from './test-name-pattern.js';

/** Rules of the test-code family, in catalog order. */
export const TEST_CODE_RULES: readonly Rule[] = [testAssertionBehavioral, testNamePattern];
