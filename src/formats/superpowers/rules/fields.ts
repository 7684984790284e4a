/** Header fields as superpowers plans write them (`**Goal:**`, `**Tech Stack:**`), by label. */
import type { HeaderField, Plan } from '../../../plan/types.js';

export function headerField(plan: Plan, label: RegExp): HeaderField | undefined {
  return plan.header.find((f) => label.test(f.label.trim()));
}
