import { languageExamples } from '../language-examples.js';
import { span } from '../../plan/source.js';
import type { Clause, Contract } from '../../plan/types.js';
import type { Finding, Rule } from '../types.js';
import { planVocabulary, structureHits, type StructureHit, type StructureKind } from './then-structure.js';

const ADVICE: Record<StructureKind, (c: Contract, token: string, more: number) => string> = {
  type: (c, t, more) =>
    `THEN of ${c.id} names the type \`${t}\`${and(more)}: describe the behavior a caller or user observes (what is returned, emitted or happens), not which type is involved.`,
  field: (c, t, more) =>
    `THEN of ${c.id} references the field \`${t}\`${and(more)}: describe the observable outcome (output, return value, later behavior) instead of internal state.`,
  formula: (c, t, more) =>
    `THEN of ${c.id} reproduces the formula \`${t}\`${and(more)}: describe the ordering or outcome it produces (which result is larger, what grows with what), not how it is computed.`,
};

function and(more: number): string {
  return more > 0 ? ` (and ${more} more)` : '';
}

/** Line pieces of a clause's text: [line, from, to) with 0-based offsets. */
function clausePieces(clause: Clause, lines: readonly string[]): Array<{ line: number; from: number; to: number }> {
  const s = clause.textSpan;
  const out: Array<{ line: number; from: number; to: number }> = [];
  for (let l = s.start.line; l <= s.end.line; l++) {
    const text = lines[l - 1] ?? '';
    out.push({ line: l, from: l === s.start.line ? s.start.column - 1 : 0, to: l === s.end.line ? s.end.column - 1 : text.length });
  }
  return out;
}

export const contractThenObservable: Rule = {
  id: 'contract-then-observable',
  family: 'contracts',
  severity: 'warning',
  formats: ['full', 'compact'],
  description:
    'The THEN quality gate: every THEN clause describes observable behavior, because it becomes the test assertion and a structural THEN produces a structural test. A THEN is reported when it names a concrete type — on evidence: "returns a `ConstantPriority`", `*ClusterSimulator`, `Config{…}`, or a type the plan\'s code declares; a name that only looks like a type (`LatencyModel`) may be an interface or the result a caller reads, and is not reported —, references an internal field (`cs.scoreCache`, `len(x.items)`, or `limiter.tokens` when the plan\'s code declares the field; a Capitalized Go field such as `decision.TargetInstance` is exported output and is not reported), or reproduces a formula (`0.6*cacheHit + 0.4*(1-load)`). Method calls (`Decide()`), CLI flags, file paths and serialized output keys are observable and not reported. One finding per kind per clause, at the first offending token.',
  instruction: (config) =>
    `Write every THEN as observable behavior that survives a refactor: no type names ("returns a policy that computes 0.0", not "returns a ${languageExamples(config).typeName}"), no internal fields ("the next decision uses cached scores", not "scoreCache has 3 entries"), no formulas ("higher cache hit rates rank higher", not "score = 0.6*cacheHit + 0.4*(1-load)").`,
  check(plan) {
    const thens = plan.contracts.flatMap((c) => c.clauses.filter((x) => x.keyword === 'THEN').map((clause) => ({ c, clause })));
    if (thens.length === 0) return [];
    const vocab = planVocabulary(plan);
    const findings: Finding[] = [];
    for (const { c, clause } of thens) {
      const byKind = new Map<StructureKind, Array<StructureHit & { line: number }>>();
      for (const p of clausePieces(clause, plan.lines)) {
        for (const h of structureHits(plan.lines[p.line - 1] ?? '', p.from, p.to, vocab)) {
          const list = byKind.get(h.kind) ?? [];
          if (!list.some((x) => x.text === h.text)) list.push({ ...h, line: p.line });
          byKind.set(h.kind, list);
        }
      }
      for (const kind of ['type', 'field', 'formula'] as const) {
        const list = byKind.get(kind);
        if (!list || list.length === 0) continue;
        const first = list[0]!;
        findings.push({ message: ADVICE[kind](c, first.text, list.length - 1), span: span(first.line, first.from + 1, first.line, first.to + 1) });
      }
    }
    return findings;
  },
};
