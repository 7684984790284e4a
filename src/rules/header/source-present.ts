import type { Rule } from '../types.js';
import { plainInline } from '../../plan/source.js';
import { findField } from './fields.js';

/** What counts as naming a source: an issue, a link, a document path, a macro-plan section or an explicit kind of source. */
const REFERENCE: readonly RegExp[] = [
  /#\d+/, // issue or PR number, also "owner/repo#12"
  /https?:\/\/\S+/, // a link
  /[\w.-]+\/[\w./-]+|\b[\w-]+\.(?:md|txt|rst|adoc)\b/i, // a document path
  /\b(?:phase|pr|part|section|step|milestone|idea|tier|w)\s*[\d-]+/i, // "Phase 2, PR 4"
  /\b(?:macro[- ]?plan|design doc(?:ument)?|issue|discussion|feature request|bug report|conversation|audit|research plan|user request|review)\b/i,
];

export const sourcePresent: Rule = {
  id: 'source-present',
  family: 'header',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'The Source field names where the work comes from, so a reviewer can check the plan against it: a GitHub issue ("GitHub issue #42", a link), a design doc path, a macro-plan section ("Phase 2, PR 4 in docs/plans/macro-plan.md") or an explicit feature request or bug report. A Source that is empty of any reference ("TBD", "see above") is reported; a missing field is reported by header-fields-present.',
  instruction:
    'Name the source of work in "**Source:**": the GitHub issue(s) ("GitHub issue #42"), the design doc path, or the macro-plan section ("Phase 2, PR 4 in docs/plans/macro-plan.md").',
  check(plan) {
    const f = findField(plan, 'Source');
    if (!f) return [];
    const text = [f.value.text, ...f.items.map((i) => i.text)].join(' ');
    if (REFERENCE.some((re) => re.test(text) || re.test(plainInline(text)))) return [];
    const shown = plainInline(text).trim();
    return [
      {
        message: `The Source ${shown === '' ? 'is empty' : `"${shown.slice(0, 60)}" names no issue, link, document or macro-plan section`}: cite it, e.g. "GitHub issue #42" or "Phase 2, PR 4 in docs/plans/macro-plan.md".`,
        span: shown === '' ? f.span : f.value.span,
      },
    ];
  },
};
