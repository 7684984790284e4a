/** Header fields as superpowers plans write them (`**Goal:**`, `**Tech Stack:**`), by label. */
import type { HeaderField, Plan } from '../../../plan/types.js';

export function headerField(plan: Plan, label: RegExp): HeaderField | undefined {
  // "**Tech Stack (recap):**" is the Tech Stack: a note after the label does not rename it.
  return plan.header.find((f) => label.test(f.label.replace(/\s*\([^)]*\)\s*$/, '').trim()));
}
