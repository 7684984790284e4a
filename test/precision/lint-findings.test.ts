/**
 * The linter's precision on real plans, guarded: a sample of its findings on the corpus, drawn
 * across every rule that fires and each judged by hand against the spec (verdict, reason, the
 * plan text it rests on). Every finding judged right must still be reported, and of the sampled
 * findings still reported at least 95% must be judged right.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../src/config/presets.js';
import { lintText } from '../../src/engine/run.js';
import type { Diagnostic } from '../../src/rules/types.js';
import { CORPUS, HAS_CORPUS, NO_CORPUS } from './corpus.js';

type Verdict = 'correct' | 'wrong-message' | 'false' | 'ambiguous';

interface JudgedFinding {
  id: string;
  plan: string;
  ruleId: string;
  line: number;
  message: string;
  verdict: Verdict;
  reason: string;
  evidence: string;
}

const sample = JSON.parse(readFileSync(new URL('./lint-findings.json', import.meta.url), 'utf8')) as { findings: JudgedFinding[] };

/**
 * The corpus linted as the sample was: its micro-plans, judged against the micro-plan spec. The
 * corpus's superpowers plans are judged against the writing-plans skill, in their own sample
 * (bench/superpowers-findings.mjs writes the candidates).
 */
async function lintCorpus(plans: readonly string[]): Promise<Map<string, Diagnostic[]>> {
  // The corpus plans were written for the spec's own project: they are linted with its preset.
  const config = presetConfig('inference-sim');
  const out = new Map<string, Diagnostic[]>();
  for (const plan of plans) {
    const r = await lintText(readFileSync(join(CORPUS, plan), 'utf8'), plan, { config });
    if (r.format !== 'superpowers') out.set(plan, r.diagnostics);
  }
  return out;
}

describe.skipIf(!HAS_CORPUS)('lint precision on the hand-judged corpus sample', () => {
  // The same finding: rule, line and the message's opening words (a rule may report two things at
  // one line, and a later rewording of the advice must not hide a finding).
  const opening = (m: string): string => m.split(' ').slice(0, 5).join(' ');
  const reported = (all: Map<string, Diagnostic[]>, f: JudgedFinding): boolean =>
    (all.get(f.plan) ?? []).some((d) => d.ruleId === f.ruleId && d.span.start.line === f.line && opening(d.message) === opening(f.message));

  it('is a sample of at least 150 findings, each with a verdict, a reason and the plan text it rests on', () => {
    expect(sample.findings.length).toBeGreaterThanOrEqual(150);
    for (const f of sample.findings) {
      expect(['correct', 'wrong-message', 'false', 'ambiguous'], f.id).toContain(f.verdict);
      expect(f.reason.length, f.id).toBeGreaterThan(10);
      expect(f.evidence.length, f.id).toBeGreaterThan(5);
    }
  });

  it('still reports every finding judged right, and at least 95% of the sampled findings it reports are right', async () => {
    const all = await lintCorpus([...new Set(sample.findings.map((f) => f.plan))]);
    const lost = sample.findings.filter((f) => f.verdict === 'correct' && !reported(all, f)).map((f) => `${f.id} ${f.ruleId} ${f.plan}:${f.line}`);
    expect(lost).toEqual([]);
    const still = sample.findings.filter((f) => reported(all, f));
    const right = still.filter((f) => f.verdict === 'correct').length;
    expect(right / still.length).toBeGreaterThanOrEqual(0.95);
  });

  it('covers every rule that fires on the corpus (a rule that starts firing must be judged too)', async () => {
    const { readdirSync } = await import('node:fs');
    const all = await lintCorpus(readdirSync(CORPUS).filter((f) => f.endsWith('.md')));
    const firing = new Set([...all.values()].flatMap((ds) => ds.map((d) => d.ruleId)));
    const sampled = new Set(sample.findings.map((f) => f.ruleId));
    expect([...firing].filter((r) => !sampled.has(r)).sort()).toEqual([]);
  });
});

if (!HAS_CORPUS) describe('lint precision on the corpus sample', () => it.skip(NO_CORPUS, () => undefined));
