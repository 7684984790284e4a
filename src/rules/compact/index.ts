import type { Rule } from '../types.js';
import { compactFileCount } from './compact-file-count.js';
import { compactCriteria } from './compact-criteria.js';

/** Rules of the compact family, in catalog order. */
export const COMPACT_RULES: readonly Rule[] = [compactFileCount, compactCriteria];
