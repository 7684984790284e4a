import type { Rule } from '../types.js';
import { deviationLog } from './deviation-log.js';
import { deviationCategory } from './deviation-category.js';
import { deviationNotADeviation } from './deviation-not-a-deviation.js';

/** Rules of the deviations family, in catalog order. */
export const DEVIATIONS_RULES: readonly Rule[] = [deviationLog, deviationCategory, deviationNotADeviation];
