import type { Rule } from '../types.js';
import { componentInteractionLength } from './component-interaction-length.js';
import { executiveSummaryLength } from './executive-summary-length.js';
import { fenceBalanced } from './fence-balanced.js';
import { part1Length } from './part1-length.js';
import { reviewGuideItems } from './review-guide-items.js';
import { reviewGuideLength } from './review-guide-length.js';
import { sectionDuplicate } from './section-duplicate.js';
import { sectionNonempty } from './section-nonempty.js';
import { sectionsOrder } from './sections-order.js';
import { sectionsPresent } from './sections-present.js';

/** Rules of the structure family, in catalog order (skeleton first, then section budgets in A–E order). */
export const STRUCTURE_RULES: readonly Rule[] = [
  sectionsPresent,
  sectionsOrder,
  sectionNonempty,
  sectionDuplicate,
  fenceBalanced,
  part1Length,
  executiveSummaryLength,
  componentInteractionLength,
  reviewGuideLength,
  reviewGuideItems,
];
