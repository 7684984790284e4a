import { languageExamples } from '../language-examples.js';
import type { Finding, Rule } from '../types.js';
import { citationStatuses, rewriteCitation } from '../../ground/plan-citations.js';

const lines = (start: number, end: number): string => (end > start ? `lines ${start}-${end}` : `line ${start}`);

export const citationMoved: Rule = {
  id: 'citation-moved',
  family: 'grounding',
  severity: 'warning',
  formats: ['full', 'compact', 'superpowers'],
  needsRepo: true,
  description:
    'The code a citation points at — the quoted snippet or the symbol named next to it, or (with `--against`) the cited lines as they were at the plan\'s base — is now at other lines. With neither next to it, a name the citation\'s sentence gives ("`a.go:94-104` (WindowMetrics struct)") is held to less: reported only when it is declared (or, said to be a call, used) elsewhere in the file and no other name of the sentence is near the cited lines. `lint --fix` rewrites the line numbers when the code occurs in one place only (with `--against`, it also records that revision as the plan\'s `**Base:**`).',
  instruction: (config) => {
    const ex = languageExamples(config);
    return `Name the symbol or quote the code next to each citation ("\`${ex.symbol}\` at \`${ex.file}:42\`"), so moved code can be found again.`;
  },
  async check(plan, { grounding }) {
    if (!grounding) return [];
    const out: Finding[] = [];
    for (const { citation: c, status } of await citationStatuses(plan, grounding)) {
      if (status.kind !== 'moved') continue;
      const where = `${status.path}:${status.to.start}${status.to.end > status.to.start ? `-${status.to.end}` : ''}`;
      // Only a move to the one place the code occurs is rewritten; a line list is never rewritten.
      const fixable = status.unique && !c.lineList;
      out.push({
        message: status.unique
          ? `${status.what} is now at ${where}, not ${lines(c.startLine, c.endLine)}: update the citation${fixable ? ' (lint --fix does)' : ''}.`
          : `${status.what} is not at ${lines(c.startLine, c.endLine)}; it occurs more than once, nearest at ${where}: update the citation.`,
        span: c.span,
        ...(fixable ? { fix: { span: c.span, replacement: rewriteCitation(plan, c, status.to.start, status.to.end), once: true as const } } : {}),
      });
    }
    return out;
  },
};

export const citationChanged: Rule = {
  id: 'citation-changed',
  family: 'grounding',
  severity: 'warning',
  formats: ['full', 'compact', 'superpowers'],
  needsRepo: true,
  description:
    'With `--against <rev>`: the symbol a citation points at still exists, but its text differs from the plan\'s base. The plan may describe code that is no longer so; re-read it.',
  instruction: 'Record the commit the plan was written against as `**Base:** <sha>` in the header, so drift can be reported.',
  async check(plan, { grounding }) {
    if (!grounding) return [];
    const out: Finding[] = [];
    for (const { citation: c, status } of await citationStatuses(plan, grounding)) {
      if (status.kind !== 'changed') continue;
      out.push({
        message: `\`${status.symbol}\` (now ${status.path}:${status.line}) changed since the plan's base: re-check what the plan says about it.`,
        span: c.span,
      });
    }
    return out;
  },
};

export const citationGone: Rule = {
  id: 'citation-gone',
  family: 'grounding',
  severity: 'error',
  formats: ['full', 'compact', 'superpowers'],
  needsRepo: true,
  description:
    'The code a citation points at is no longer in the file: the quoted snippet or named symbol is not there (or, with `--against`, was removed since the plan\'s base). A name the citation\'s sentence removes or modifies without tying it to the citation ("Remove `f` check (a.go:12)") that the file has nowhere is reported as a warning.',
  // DEVIATION flags are the micro-plan's; a superpowers plan says so in its own words.
  instruction: (config) =>
    config.format === 'superpowers'
      ? 'Only cite code that exists now; if the source of work names code that is gone, say so in the plan instead of citing it.'
      : 'Only cite code that exists now; if the source of work names code that is gone, flag it as a DEVIATION.',
  async check(plan, { grounding }) {
    if (!grounding) return [];
    const out: Finding[] = [];
    for (const { citation: c, status } of await citationStatuses(plan, grounding)) {
      if (status.kind !== 'gone') continue;
      out.push({
        message: `${status.what} is not in ${status.path} (${grounding.against?.label ?? grounding.label}): fix or remove the citation.`,
        span: c.span,
        // Read from a name the sentence gives rather than one tied to the citation: a warning.
        ...(status.weak ? { atMostWarning: true as const } : {}),
      });
    }
    return out;
  },
};
