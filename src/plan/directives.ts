/**
 * Inline configuration comments, as in ESLint/markdownlint:
 *   <!-- microplan-disable rule-a rule-b -->      … <!-- microplan-enable rule-a -->
 *   <!-- microplan-disable-next-line rule-id -- reason -->
 *   <!-- microplan-disable-line rule-id -->
 * No rule ids means every rule. Text after " -- " is the reason and is ignored.
 */
import type { Outline } from './blocks.js';
import type { Directive } from './types.js';

const DIRECTIVE = /^microplan-(disable-next-line|disable-line|disable|enable)\b(.*)$/s;

export function parseDirectives(o: Outline): Directive[] {
  const out: Directive[] = [];
  for (const c of o.htmlComments) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const ids = m[2]!.split(/\s--\s/)[0]!.split(/[\s,]+/).filter(Boolean);
    out.push({ kind: m[1] as Directive['kind'], ruleIds: ids, line: c.line });
  }
  return out;
}
