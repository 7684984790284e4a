import type { Rule } from '../types.js';
import { citationStatuses } from '../../ground/plan-citations.js';

export const citationExists: Rule = {
  id: 'citation-exists',
  family: 'grounding',
  severity: 'error',
  formats: ['full', 'compact', 'superpowers'],
  needsRepo: true,
  description:
    'Every code citation (`path:line`, `path:line-line`, "`path` (line N)") names a file that exists in the repository, unambiguously, by a path from the repository root (not absolute, no `..`), and lines inside it (from 1, ranges in order). Runs with `--repo`; reads the plan\'s recorded `**Base:**` commit when there is one, else `--base` or the working tree.',
  instruction: 'Cite code as `path/from/repo/root.ext:line` (or `:start-end`) with the full path, and only lines that exist.',
  async check(plan, { grounding }) {
    if (!grounding) return [];
    const findings = [];
    for (const { citation: c, status } of await citationStatuses(plan, grounding)) {
      if (status.kind === 'missing-file') {
        findings.push({ message: `Cited file ${c.path} does not exist in ${grounding.label}: fix the path or drop the citation.`, span: c.span });
      } else if (status.kind === 'ambiguous') {
        const shown = status.candidates.slice(0, 4).join(', ') + (status.candidates.length > 4 ? `, … (${status.candidates.length} in all)` : '');
        findings.push({ message: `Cited file ${c.path} matches ${status.candidates.length} files (${shown}): write the full path.`, span: c.span });
      } else if (status.kind === 'malformed') {
        findings.push({ message: `Malformed citation ${c.path}:${c.startLine}: ${status.reason}.`, span: c.span });
      } else if (status.kind === 'unreadable') {
        findings.push({ message: `Cited file ${c.path} cannot be read: ${status.reason}`, span: c.span });
      } else if (status.kind === 'past-end') {
        findings.push({ message: `${c.path} has ${status.lineCount} lines, but the citation points at line ${c.endLine}: cite lines that exist.`, span: c.span });
      }
    }
    return findings;
  },
};
