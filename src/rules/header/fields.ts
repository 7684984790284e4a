/** Shared helpers for the header rules: which fields a format needs, and their prose. */
import { countSentences, plainInline } from '../../plan/source.js';
import {
  COMPACT_HEADER_FIELDS,
  HEADER_FIELDS,
  type HeaderField,
  type HeaderFieldName,
  type Plan,
  type PlanFormat,
} from '../../plan/types.js';

/**
 * "What this PR removes/changes/fixes" is how real removal or fix PRs title the capabilities
 * list; it serves the same purpose, so the header rules accept it as "What this PR adds".
 */
const ADDS_ALIAS = /^what this pr (?:adds|removes|changes|fixes|does)$/i;

export function fieldName(field: HeaderField): HeaderFieldName | undefined {
  if (field.name) return field.name;
  return ADDS_ALIAS.test(field.label.trim()) ? 'What this PR adds' : undefined;
}

/** The first header field of that name, if the plan has one. */
export function findField(plan: Plan, name: HeaderFieldName): HeaderField | undefined {
  return plan.header.find((f) => fieldName(f) === name);
}

/** The fields the header of this format must carry, in order. */
export function requiredFields(format: PlanFormat): readonly HeaderFieldName[] {
  return format === 'compact' ? COMPACT_HEADER_FIELDS : HEADER_FIELDS;
}

/** True when the value and its list items say nothing. */
export function isEmptyField(field: HeaderField): boolean {
  return plainInline(field.value.text).replace(/[\s.…:—–-]/g, '') === '' && field.items.every((i) => plainInline(i.text).trim() === '');
}

/** Sentences in a field: its inline value plus each list item (an item without a period is one). */
export function fieldSentences(field: HeaderField): number {
  let n = countSentences(plainInline(field.value.text));
  for (const item of field.items) n += Math.max(1, countSentences(plainInline(item.text)));
  return n;
}

/** The field's label as written in the plan, for messages ("**The problem today:**"). */
export function labelOf(name: HeaderFieldName): string {
  return `**${name}:**`;
}

/** Whether the Source names a macro-plan section (the only case where Closes may be left out). */
export function sourceIsMacroPlan(plan: Plan): boolean {
  const source = findField(plan, 'Source');
  if (!source) return false;
  const text = plainInline([source.value.text, ...source.items.map((i) => i.text)].join(' '));
  return /macro[- ]?plan/i.test(text) && !/#\d+/.test(text.replace(/\bPR\s*#?\d+/gi, ''));
}
