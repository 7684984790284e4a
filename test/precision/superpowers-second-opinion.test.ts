/**
 * How far two reviewers agree: a second, independent reviewer session judged a seeded draw of 120
 * findings from blind rounds 40 to 46 without seeing the first verdict. The blind precision the
 * issue is measured by rests on one reviewer per finding; this is how much that verdict can move.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Verdict = 'correct' | 'wrong-message' | 'false' | 'ambiguous' | 'excerpt';

interface Judged {
  id: string;
  verdict: Verdict;
  round?: number;
  earlier?: { verdict: Verdict };
}

interface Opinion {
  id: string;
  verdict: Verdict;
  reason: string;
  evidence: string;
}

const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8')) as T;
const { findings } = read<{ findings: Judged[] }>('./superpowers-findings.json');
const { opinions } = read<{ opinions: Opinion[] }>('./superpowers-second-opinion.json');
const byId = new Map(findings.map((f) => [f.id, f]));
/** The verdict given blind, before any fix for the finding's round: the earlier one where it was rejudged. */
const first = (id: string): Verdict => {
  const f = byId.get(id)!;
  return f.earlier?.verdict ?? f.verdict;
};

describe('second opinions on blind verdicts', () => {
  it('are 120 distinct judged findings of blind rounds 40 to 46, each with a verdict, a reason and the plan text', () => {
    expect(new Set(opinions.map((o) => o.id)).size).toBe(120);
    for (const o of opinions) {
      const f = byId.get(o.id);
      expect(f, o.id).toBeDefined();
      expect(f!.round, o.id).toBeGreaterThanOrEqual(40);
      expect(first(o.id), o.id).not.toBe('excerpt');
      expect(o.reason.length, o.id).toBeGreaterThan(20);
      expect(o.evidence, o.id).toMatch(/L\d+/);
    }
  });

  it('agree with the first reviewer on 116 of 120, and never call right what the first called wrong', () => {
    const agree = opinions.filter((o) => o.verdict === first(o.id)).length;
    expect(agree).toBe(116);
    const wrongThenRight = opinions.filter((o) => first(o.id) !== 'correct' && o.verdict === 'correct').map((o) => o.id);
    expect(wrongThenRight).toEqual([]);
  });

  it('leave the share of right findings in the draw within four points: 109 of 120 first, 105 second', () => {
    const right = (v: (o: Opinion) => Verdict): number => opinions.filter((o) => v(o) === 'correct').length;
    expect({ first: right((o) => first(o.id)), second: right((o) => o.verdict) }).toEqual({ first: 109, second: 105 });
  });
});
