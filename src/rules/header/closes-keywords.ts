import type { Finding, Rule } from '../types.js';
import { span } from '../../plan/source.js';
import { findField } from './fields.js';

/** GitHub's closing keywords (https://docs.github.com/…/linking-a-pull-request-to-an-issue). */
const KEYWORD = '(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)';
/** An issue reference: "#12", "owner/repo#12" or an issue URL. */
const ISSUE_REF = /(?:[\w.-]+\/[\w.-]+)?#\d+|https?:\/\/github\.com\/[\w.-]+\/[\w.-]+\/issues\/\d+/g;
const KEYWORD_BEFORE = new RegExp(`\\b${KEYWORD}:?\\s+$`, 'i');
/** "N/A — reason", "N/A (reason)", "N/A: reason". */
const NOT_APPLICABLE = /^\W*N\/?A\b\s*[—–:(-]?\s*(.*)$/i;

const NO_CLOSE = /\bno auto-?clos|\balready closed\b|\b(?:does|will|should) not (?:auto-?)?close\b|\bnot (?:be )?closed by\b|\bleaves? (?:it |the issue )?open\b/i;

export const closesKeywords: Rule = {
  id: 'closes-keywords',
  family: 'header',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'The Closes field lists every issue the PR closes with a GitHub closing keyword in front of each ("Fixes #183, fixes #189", "Closes #42"), so that merging the PR closes them; a bare "#1283" or "Related to #580" closes nothing. When no issue is closed, the field says so explicitly with a reason: "N/A — source is macro plan, no linked issues" (or in other words: "Related to #580 — no auto-close, it is already closed"). Vague values ("none", "TBD") are reported. A missing field is reported by header-fields-present.',
  instruction:
    'In "**Closes:**" put a GitHub closing keyword before every issue ("Fixes #183, fixes #189"), or write "N/A — <reason>" when the PR closes no issue.',
  check(plan) {
    const f = findField(plan, 'Closes');
    if (!f) return [];
    const findings: Finding[] = [];
    const parts = [f.value, ...f.items].filter((t) => t.text.trim() !== '');
    const whole = parts.map((p) => p.text).join(' ');
    // "Related to #580 — no auto-close, #580 is already closed": the N/A case in other words.
    const deliberate = NO_CLOSE.test(whole);
    let refs = 0;
    const flagged = new Set<string>();
    for (const part of parts) {
      const { start, end } = part.span;
      for (let line = start.line; line <= end.line; line++) {
        // Work on the source line so spans point at the issue number. Code spans are read as text,
        // and link targets are blanked so "[#12](…/issues/12)" counts once.
        const from = line === start.line ? start.column - 1 : 0;
        const text = (plan.lines[line - 1] ?? '')
          .slice(from)
          .replace(/`/g, ' ')
          .replace(/\]\([^)]*\)/g, (m) => ' '.repeat(m.length));
        for (const m of text.matchAll(ISSUE_REF)) {
          const before = text.slice(0, m.index).replace(/[*_[]/g, '');
          // "from PR #587" names a pull request, not an issue to close.
          if (/\b(?:PR|pull request)\s*$/i.test(before)) continue;
          refs++;
          if (deliberate || KEYWORD_BEFORE.test(before) || flagged.has(m[0])) continue;
          flagged.add(m[0]);
          findings.push({
            message: `Issue ${m[0]} in Closes has no closing keyword, so merging will not close it: write "Fixes ${m[0]}" (or drop it from Closes if the PR does not close it).`,
            span: span(line, from + m.index + 1, line, from + m.index + m[0].length + 1),
          });
        }
      }
    }
    if (refs > 0) return findings;
    const value = parts.map((p) => p.text).join(' ').replace(/[`*_]/g, '').trim();
    const na = NOT_APPLICABLE.exec(value);
    if (na && /\w{3,}/.test(na[1] ?? '')) return [];
    const where = parts[0]?.span ?? f.span;
    return [
      {
        message: na
          ? 'Closes says "N/A" without a reason: write "N/A — <why no issue is closed>", e.g. "N/A — source is macro plan, no linked issues".'
          : `Closes "${value.slice(0, 60)}" names no issue: write "Fixes #<issue>" for each issue the PR closes, or "N/A — <reason>".`,
        span: where,
      },
    ];
  },
};
