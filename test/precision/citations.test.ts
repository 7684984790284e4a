/**
 * Citation checks against hand-judged citations of the real corpus plans (citations.jsonl), each
 * read at the commit its plan was written against, and some against the repository's main.
 *
 * Each item: the plan, its base commit, the citation as written and the plan line it is on, what
 * the plan claims is there, the code at the cited lines, and the verdict — ok, drifted (the code
 * is at other lines, or changed), gone, ambiguous (a bare name several files share, the citation
 * giving no code to tell them apart) — with the reason; `to` is the line a drifted citation
 * belongs at when the code moved unchanged. `claimInProse` marks a drift or loss the plan ties no
 * code to (the claim is in the surrounding words, "Modify: `a.go:52` (remove field)", "Remove
 * `f` check (a.go:12)"): the checker reads those only from the names the sentence gives, a weaker
 * claim, and some not at all; they are counted with the rest and also shown apart.
 *
 * Most items are judged at their plan's base. Those with `atRevision` are judged at a later
 * revision (`base` names it: a midway commit of main, main itself, or the PR's head): the findings
 * the reading of names in the sentence gave on the corpus plans there, every one judged by hand.
 *
 * Needs ../shared (the inference-sim bundle and the corpus) beside the repository, as in CI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/engine/run.js';
import { classifyCitation, type CitationStatus } from '../../src/ground/citations.js';
import { GroundingSession } from '../../src/ground/open.js';
import { parsePlan } from '../../src/plan/parse.js';

interface Judgement {
  verdict: 'ok' | 'drifted' | 'gone' | 'ambiguous' | 'malformed';
  to?: number;
  reason: string;
}
interface Item extends Judgement {
  id: string;
  plan: string;
  base: string;
  planLine: number;
  path: string;
  startLine: number;
  claimInProse?: true;
  /** Judged at a revision later than the plan's base: which one `base` is. */
  atRevision?: 'midway' | 'main' | 'pr-head';
  against?: Judgement & { revision: string };
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = join(ROOT, '..', 'shared');
const BUNDLE = join(SHARED, 'repos', 'inference-sim.bundle');
const PLANS = join(SHARED, 'corpus', 'plans');
const available = existsSync(BUNDLE) && existsSync(PLANS);
if (!available) console.warn(`test/precision/citations: skipped, ${BUNDLE} or ${PLANS} is missing (CI keeps shared/ beside the clone)`);

const ITEMS: Item[] = readFileSync(new URL('./citations.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Item);

const VERDICT: Record<CitationStatus['kind'] | 'unparsed', Judgement['verdict']> = {
  ok: 'ok',
  foreign: 'ok',
  // A citation the parser does not take for one gets no finding.
  unparsed: 'ok',
  moved: 'drifted',
  changed: 'drifted',
  gone: 'gone',
  'missing-file': 'gone',
  'past-end': 'gone',
  unreadable: 'gone',
  ambiguous: 'ambiguous',
  malformed: 'malformed',
};

interface Outcome {
  item: Item;
  want: Judgement;
  got: CitationStatus | { kind: 'unparsed' };
}

/** Is the checker's answer the label's? A move must land on the labelled line, and only a move to a labelled line may be offered as a rewrite. */
function agrees({ want, got }: Outcome): boolean {
  if (VERDICT[got.kind] !== want.verdict) return false;
  if (got.kind !== 'moved') return true;
  return want.to === undefined ? !got.unique : got.unique && got.to.start === want.to;
}

async function judge(dir: string, mode: 'base' | 'against'): Promise<Outcome[]> {
  const out: Outcome[] = [];
  // One session per plan and revision it is judged at.
  const byPlan = new Map<string, Item[]>();
  for (const item of ITEMS) if (mode === 'base' || item.against) byPlan.set(`${item.plan}@${item.base}`, [...(byPlan.get(`${item.plan}@${item.base}`) ?? []), item]);
  for (const items of byPlan.values()) {
    const name = items[0]!.plan;
    const plan = parsePlan(readFileSync(join(PLANS, name), 'utf8'), name);
    const session = new GroundingSession({ dir, base: items[0]!.base, against: mode === 'against' ? items[0]!.against!.revision : undefined });
    try {
      const g = await session.forPlan(plan);
      for (const item of items) {
        const c = plan.citations.find((x) => x.span.start.line === item.planLine && x.path === item.path && x.startLine === item.startLine);
        const got = c ? await classifyCitation(c, g) : { kind: 'unparsed' as const };
        out.push({ item, want: mode === 'base' ? item : item.against!, got });
      }
    } finally {
      await session.close();
    }
  }
  return out;
}

interface Rewrite {
  id: string;
  from: number;
  to: number;
  want: Judgement | undefined;
}

const CITATION_RULES = ['citation-exists', 'citation-moved', 'citation-changed', 'citation-gone'];

/**
 * `lint --fix` on a copy of each plan the checker offers a rewrite for: every citation whose
 * lines changed, with its label; and whether a second run changed the file again. Against main,
 * the copy records its base as `**Base:**`, as a plan written with microplan does. Only at the
 * plans' own bases, where every citation is judged: at a later revision other citations of the
 * same plans drift too, and no one judged those.
 */
async function fixPlans(dir: string, work: string, outcomes: Outcome[], mode: 'base' | 'against'): Promise<{ rewrites: Rewrite[]; changedAgain: string[] }> {
  const plans = [...new Set(outcomes.filter((o) => o.got.kind === 'moved' && o.got.unique && !o.item.atRevision).map((o) => o.item.plan))];
  const rewrites: Rewrite[] = [];
  const changedAgain: string[] = [];
  for (const name of plans) {
    const items = ITEMS.filter((i) => i.plan === name && !i.atRevision);
    const original = readFileSync(join(PLANS, name), 'utf8');
    // The Base line goes right after the title: every later plan line moves down by two.
    const text = mode === 'base' ? original : original.replace(/^(# .*\n)/, `$1\n**Base:** ${items[0]!.base}\n`);
    const shift = mode === 'base' ? 0 : 2;
    const file = join(work, mode, name);
    writeFileSync(file, text);
    const options = { repo: dir, ruleIds: CITATION_RULES, fix: true, ...(mode === 'base' ? { base: items[0]!.base } : { against: items.find((i) => i.against)!.against!.revision }) };
    await lintFiles([file], options);
    const fixed = readFileSync(file, 'utf8');
    const before = parsePlan(text, name).citations;
    const after = parsePlan(fixed, name).citations;
    for (const c of before) {
      const d = after.find((x) => x.span.start.line === c.span.start.line && x.span.start.column === c.span.start.column);
      if (!d || (d.startLine === c.startLine && d.endLine === c.endLine)) continue;
      const item = items.find((i) => i.planLine + shift === c.span.start.line && i.path === c.path && i.startLine === c.startLine);
      rewrites.push({ id: item?.id ?? `${name}:${c.span.start.line}:${c.path}:${c.startLine}`, from: c.startLine, to: d.startLine, want: item && (mode === 'base' ? item : item.against) });
    }
    await lintFiles([file], options);
    if (readFileSync(file, 'utf8') !== fixed) changedAgain.push(name);
  }
  return { rewrites, changedAgain };
}

const rate = (n: number, d: number): string => `${n}/${d} (${((100 * n) / Math.max(1, d)).toFixed(1)}%)`;

describe.skipIf(!available)('citations of the corpus plans, judged by hand', () => {
  let dir: string;
  let base: Outcome[];
  let against: Outcome[];
  let fixed: Array<{ rewrites: Rewrite[]; changedAgain: string[] }>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mp-isim-'));
    execFileSync('git', ['clone', '-q', BUNDLE, dir]);
    execFileSync('git', ['-C', dir, 'fetch', '-q', BUNDLE, 'refs/pull/*:refs/pull/*']);
    base = await judge(dir, 'base');
    against = await judge(dir, 'against');
    const work = mkdtempSync(join(tmpdir(), 'mp-fix-'));
    try {
      for (const mode of ['base', 'against']) mkdirSync(join(work, mode));
      fixed = [await fixPlans(dir, work, base, 'base'), await fixPlans(dir, work, against, 'against')];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    const findings = (os: Outcome[]): Outcome[] => os.filter((o) => VERDICT[o.got.kind] !== 'ok');
    const atBase = base.filter((o) => !o.item.atRevision);
    const later = base.filter((o) => o.item.atRevision);
    for (const [name, os] of [['at each plan\'s base', atBase], ['at later revisions', later], ['against main', against]] as const) {
      const tied = os.filter((o) => !o.item.claimInProse);
      console.log(
        `citations ${name}: verdicts ${rate(os.filter(agrees).length, os.length)}, ` +
          `of those whose claim the plan ties to code ${rate(tied.filter(agrees).length, tied.length)}; ` +
          `findings right ${rate(findings(os).filter(agrees).length, findings(os).length)}`,
      );
    }
    const weak = findings([...base, ...against]).filter((o) => 'weak' in o.got && o.got.weak);
    console.log(`findings read from names in the sentence: right ${rate(weak.filter(agrees).length, weak.length)}`);
  }, 480_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has at least 200 citations judged at their base, 50 against main and 30 findings at later revisions', () => {
    expect(ITEMS.filter((i) => !i.atRevision).length).toBeGreaterThanOrEqual(200);
    expect(ITEMS.filter((i) => i.against).length).toBeGreaterThanOrEqual(50);
    expect(ITEMS.filter((i) => i.atRevision).length).toBeGreaterThanOrEqual(30);
  });

  it('agrees with at least 97% of the verdicts at the base, the drifts only the prose states included', () => {
    const atBase = base.filter((o) => !o.item.atRevision);
    expect(atBase.filter(agrees).length / atBase.length).toBeGreaterThanOrEqual(0.97);
    const tied = atBase.filter((o) => !o.item.claimInProse);
    expect(tied.filter(agrees).length / tied.length).toBeGreaterThanOrEqual(0.97);
  });

  it('agrees with at least 97% of the verdicts against main', () => {
    expect(against.filter(agrees).length / against.length).toBeGreaterThanOrEqual(0.97);
  });

  it('agrees with at least 95% of the verdicts at later revisions', () => {
    const later = base.filter((o) => o.item.atRevision);
    expect(later.filter(agrees).length / later.length).toBeGreaterThanOrEqual(0.95);
  });

  it('is right in at least 95% of its findings', () => {
    const findings = [...base, ...against].filter((o) => VERDICT[o.got.kind] !== 'ok');
    expect(findings.filter(agrees).length / findings.length).toBeGreaterThanOrEqual(0.95);
  });

  it('is right in at least 95% of the findings it reads from names in the sentence', () => {
    const weak = [...base, ...against].filter((o) => VERDICT[o.got.kind] !== 'ok' && 'weak' in o.got && o.got.weak);
    expect(weak.length).toBeGreaterThan(0);
    expect(weak.filter(agrees).length / weak.length).toBeGreaterThanOrEqual(0.95);
  });

  it('still reports every labelled drift and loss whose claim the plan ties to code', () => {
    const missed = [...base.filter((o) => !o.item.claimInProse), ...against]
      .filter((o) => o.want.verdict !== 'ok' && VERDICT[o.got.kind] === 'ok')
      .map((o) => o.item.id);
    expect(missed).toEqual([]);
  });

  it('with --fix puts every rewritten citation on its labelled line, and a second run changes nothing', () => {
    const rewrites = fixed.flatMap((f) => f.rewrites);
    console.log(`--fix: ${rewrites.length} citations rewritten (${fixed[0]!.rewrites.length} at the base, ${fixed[1]!.rewrites.length} against main)`);
    expect(rewrites.length).toBeGreaterThan(0);
    expect(rewrites.filter((r) => r.want?.verdict !== 'drifted' || r.want.to !== r.to)).toEqual([]);
    expect(fixed.flatMap((f) => f.changedAgain)).toEqual([]);
  });

  it('offers a rewrite only to the labelled line', () => {
    const wrong = [...base, ...against].filter((o) => o.got.kind === 'moved' && o.got.unique && o.got.to.start !== o.want.to).map((o) => o.item.id);
    expect(wrong).toEqual([]);
  });
});
