import type { Rule } from '../types.js';
import { titleFormat } from './title-format.js';

/** Rules of the header family, in catalog order. */
export const HEADER_RULES: readonly Rule[] = [titleFormat];
