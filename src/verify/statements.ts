/**
 * Statements of the plan a commit can break whatever task it belongs to — today the one plans
 * write most: "No golden dataset changes". A commit of the PR (a follow-up included) that changes
 * a golden dataset file breaks it, and the problem quotes the statement.
 */
import type { Plan } from '../plan/types.js';
import type { CommitInfo, Problem } from './types.js';

const NO_GOLDEN = /\b(?:no golden[- ]data(?:set)? (?:changes?|regeneration|impact|updates?)|golden[- ]data(?:set)?s? (?:is |are |remains? |stays? )?unchanged)\b/i;
/** Golden dataset files: testdata/goldendataset.json, roofline_goldendataset.json, golden/*.csv. */
const GOLDEN_FILE = /(?:^|\/)(?:[^/]*golden[^/]*\.(?:json|csv|ya?ml|txt)|golden\/[^/]+)$/i;

export function brokenStatements(plan: Plan, commits: readonly CommitInfo[], short: (sha: string) => string): Problem[] {
  const line = plan.lines.find((l) => NO_GOLDEN.test(l));
  if (line === undefined) return [];
  const statement = NO_GOLDEN.exec(line)![0];
  const out: Problem[] = [];
  for (const c of commits) {
    const files = c.files.filter((f) => GOLDEN_FILE.test(f));
    if (files.length === 0) continue;
    out.push({
      kind: 'plan-statement-broken',
      commit: c.sha,
      file: files[0],
      message: `Commit ${short(c.sha)} "${c.subject.length > 60 ? `${c.subject.slice(0, 59)}…` : c.subject}" changes ${files.join(', ')}, though the plan says "${statement}": revert the change, or record the deviation in the plan.`,
    });
  }
  return out;
}
