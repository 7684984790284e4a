/**
 * The superpowers rules' precision on real plans, guarded: findings on the 30 labelled fixtures (at
 * their own paths), the held-out plans and the corpus's 6, judged in thirty-seven rounds by independent
 * reviewers against the writing-plans skill (verdict, reason, the plan text it rests on). Findings
 * judged right must still be reported (unless retired on purpose, with the reason recorded), a
 * verdict holds only for the message it was given on, and the share of judged findings still
 * reported that are right must not fall below today's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { presetConfig } from '../../src/config/presets.js';
import type { Config } from '../../src/config/types.js';
import { withStrictRulesOn } from '../../src/engine/lint.js';
import { lintText } from '../../src/engine/run.js';
import { RULES } from '../../src/rules/index.js';
import type { Diagnostic } from '../../src/rules/types.js';
import { CORPUS, HAS_CORPUS } from './corpus.js';

interface Judged {
  id: string;
  set: 'superpowers' | 'superpowers-heldout' | 'corpus';
  plan: string;
  ruleId: string;
  line: number;
  message: string;
  verdict: 'correct' | 'wrong-message' | 'false' | 'ambiguous' | 'excerpt';
  reason: string;
  evidence: string;
  retired?: string;
  /**
   * 1: the first sample; 2: findings not judged before; 3 to 18 and 20 on: every finding on a blind
   * held-out batch; 19: every finding on the sample's plans not judged before (they appeared after fixes).
   */
  round?: number;
}

/**
 * Right / still reported over all rounds: 304 / 322 when the seventh round was judged, 303 / 311
 * after the weakest rules were narrowed, 471 / 489 with rounds 8 to 12 (five more blind rounds)
 * and the fixes they led to (2026-12-06); 645 / 672 (96.0%) with rounds 17 and 18 and their fixes;
 * 694 / 723 (96.0%) once round 19 judged the 74 findings on the sample's plans never judged before,
 * and its fixes were in; 775 / 807 (96.0%) with blind round 20 and its fixes, 808 / 841 (96.1%) with
 * round 21 and its, 850 / 885 (96.0%) with round 22 and its, 869 / 904 (96.1%) with round 23 and its, 880 / 915 (96.2%) with round 24 and its, 916 / 954 (96.0%) with round 25 and its, 934 / 972 (96.1%) with round 26 and its, 975 / 1,015 (96.1%) with round 27 and its, 987 / 1,028 (96.0%) with round 28 and its,
 * 995 / 1,036 (96.0%) with round 29 and its, 1,039 / 1,082 (96.0%) with round 30 and its, 1,069 / 1,114 (96.0%) with round 31 and its,
 * 1,086 / 1,131 (96.0%) with round 32 and its, 1,080 / 1,123 (96.2%) after sp-run-expected kept to test, build and
 * check runs, 1,112 / 1,158 (96.0%) with round 33 and its, 1,165 / 1,210 (96.3%) with round 34 and its, 1,223 / 1,273
 * (96.1%) with round 35 and its, 1,228 / 1,278 (96.1%) with round 36 and its, 1,264 / 1,314 (96.2%) with round 37 and its
 * (1,263 / 1,321 before its fixes), 1,370 / 1,422 (96.3%) with round 38 and its (1,371 / 1,428 before),
 * 1,417 / 1,471 (96.3%) with round 39 and its (1,410 / 1,503 before: 93.8%, under the floor), 1,418 / 1,471 after a parser fix
 * (2026-12-07), 1,487 / 1,541 (96.5%) with round 40 and its (1,486 / 1,553 before), 1,551 / 1,605 (96.6%) with round 41 and its
 * (1,550 / 1,611 before), 1,624 / 1,679 (96.7%) with round 42 and its (1,623 / 1,682 before), 1,785 / 1,845 (96.7%) with round 43
 * and its (1,783 / 1,856 before), 1,786 / 1,845 (96.8%) after a fence fix, 1,852 / 1,912 (96.9%) with round 44 and its
 * (1,852 / 1,919 before), 1,899 / 1,958 (97.0%) with round 45 and its (1,899 / 1,965 before), 2,000 / 2,061 (97.0%) with
 * round 46 and its (1,993 / 2,064 before), 2,364 / 2,435 (97.1%) with round 50 and its (2,359 / 2,449 before), 2,432 / 2,505
 * (97.1%) with round 51 and its (2,429 / 2,509 before), 2,439 / 2,511 (97.1%) with round 52 and its and two later fixes
 * (2,439 / 2,513 before), 2,543 / 2,618 (97.1%) with round 53 and its (2,542 / 2,642 before: 96.2%), 2,556 / 2,631 with
 * round 54 and its, 2,565 / 2,640 (97.2%) with round 55 (no fix), 2,567 / 2,642 with round 56 (no fix), 2,567 / 2,641
 * after bg-032's fix, 2,568 / 2,641 after ak-012's, 2,569 / 2,641 (97.3%) after r-014's, 2,570 / 2,641 after q-018's,
 * 2,774 / 2,849 (97.4%) with round 57 and its (2,746 / 2,843 before: 96.6%), 2,835 / 2,912 (97.4%) with round 58 and
 * its (2,835 / 2,918 before), 2,836 / 2,913 with round 59 (no fix), 2,836 / 2,912 after the Architecture word floor,
 * 2,836 / 2,911 after the Goal's branch note, 3,013 / 3,092 (97.4%) with round 60 and its (2,998 / 3,103 before: 96.6%), 3,067 / 3,149 (97.4%) with round 61 and its
 * (3,067 / 3,163 before: 97.0%), 3,069 / 3,151 with round 62 and its (3,069 / 3,156 before),
 * 3,069 / 3,149 (97.5%) after x-057's and aa-018's fixes, 3,092 / 3,174 (97.4%) with the tasks of lettered parts read,
 * 3,092 / 3,172 (97.5%) after two of the false ones they drew were quieted by class, 3,313 / 3,399 (97.5%) with round 63
 * and its (3,306 / 3,412 before: 96.9%), 3,365 / 3,451 (97.5%) with round 64 and its (3,365 / 3,455 before), 3,396 / 3,482
 * (97.5%) with round 65 and its (3,396 / 3,484 before), 3,398 / 3,484 with tasks headed "Task A.1" read.
 * The floor sits just below that. The blind
 * measures, each batch judged before any rule saw it,
 * are in docs/precision.md.
 */
const FLOOR = 0.955;
/**
 * With every rule on, the strict rules' findings count too: those rules are off by default because
 * they are the least reliable on unseen plans, so the whole sample is held to the issue's bar, 95%.
 * At round 16 (2026-12-06): 634 / 662 with every rule on, 558 / 578 with the defaults; at round 17,
 * after its fixes: 695 / 729 and 619 / 644; at round 18, after its fixes: 721 / 757 and 645 / 672;
 * round 19 judged the rest (780 / 828 and 694 / 726 before its fixes, 782 / 823 and 694 / 723 after);
 * with round 20, after its fixes: 864 / 908 and 775 / 807; with round 21: 899 / 945 and 808 / 841;
 * round 22 brought the whole sample to 941 / 1,000 before its fixes (94.1%: under the floor), 941 / 990 after;
 * round 23: 960 / 1,012 before its fixes, 960 / 1,010 after; round 24: 972 / 1,032 before, 972 / 1,022 after;
 * round 25: 1,009 / 1,072 before (94.1%), 1,007 / 1,058 after (one right finding retired on purpose);
 * round 26: 1,026 / 1,078 before, 1,026 / 1,077 after; round 27: 1,070 / 1,134 before (94.4%), 1,068 / 1,120
 * after (two right findings retired with the quoted-note quieting); round 28: 1,080 / 1,139 before, 1,080 / 1,134 after;
 * round 29: 1,088 / 1,143 before, 1,088 / 1,142 after; round 30: 1,128 / 1,194 before, 1,132 / 1,188 after
 * (four re-messaged findings rejudged right); round 31: 1,163 / 1,233 before (94.3%), 1,163 / 1,222 after; round 32: 1,177 / 1,254 before (93.9%),
 * 1,180 / 1,239 after (two findings its fence fix brought out, judged right by the lead); 1,174 / 1,231 after
 * sp-run-expected was kept to test, build and check runs (six right findings retired); round 33: 1,206 / 1,274 before
 * (94.7%), 1,206 / 1,268 after; round 34: 1,254 / 1,331 before (94.2%), 1,260 / 1,321 after (six re-messaged
 * findings rejudged right by the lead); round 35: 1,315 / 1,400 before (93.9%), 1,319 / 1,387 after (four re-messaged
 * findings rejudged right by the lead); round 36: 1,322 / 1,396 before (94.7%), 1,325 / 1,393 after (three findings its
 * fixes brought out, judged right by the lead); round 37: 1,364 / 1,444 before (94.5%), 1,365 / 1,434 after (one re-messaged
 * finding rejudged right by the lead); round 38: 1,472 / 1,549 before (95.0%), 1,471 / 1,541 after (one right finding
 * retired with the agentic-line quieting); round 39: 1,512 / 1,627 before (92.9%), 1,519 / 1,595 after (seven
 * re-messaged findings rejudged right by the lead); 1,520 / 1,595 after a parser fix (one finding it brought out, judged
 * right by the lead); round 40: 1,591 / 1,685 before (94.4%), 1,592 / 1,671 after; round 41: 1,658 / 1,746 before (95.0%),
 * 1,659 / 1,738 after; round 42: 1,748 / 1,838 before (95.1%), 1,749 / 1,831 after (in each, one re-messaged finding
 * rejudged right by the lead); round 43: 1,919 / 2,025 before (94.8%), 1,921 / 2,008 after (two re-messaged findings
 * rejudged right by the lead); 1,922 / 2,008 after a fence fix (ba-067 rejudged right by the lead); round 44: 1,990 / 2,088
 * before (95.3%), 1,990 / 2,079 after; round 45: 2,041 / 2,147 before (95.1%), 2,040 / 2,128 after (one right finding
 * retired with the directory-entry quieting); round 46: 2,136 / 2,242 before (95.3%), 2,143 / 2,235 after (seven findings
 * its fixes brought out, judged right by the lead); 2,144 / 2,234 after the type-only-step fix of sp-failing-test-first
 * (four re-messaged findings rejudged by the lead); rounds 47 and 48: 2,341 / 2,465 before (95.0%), 2,344 / 2,448 after
 * (one finding their fixes brought out and three re-messaged, judged right by the lead); round 49: 2,366 / 2,481 before
 * (95.4%), 2,368 / 2,466 after (two re-messaged findings rejudged right by the lead; the wrapped-path parser fix silenced four judged false); 2,369 / 2,466 after bg-158's fix;
 * round 50: 2,521 / 2,655 before (95.0%), 2,526 / 2,633 after (six re-messaged or moved findings rejudged right by the lead);
 * round 51: 2,591 / 2,710 before (95.6%), 2,594 / 2,704 after (two moved findings rejudged and one brought out, judged right
 * by the lead); round 52: 2,603 / 2,714 before, 2,603 / 2,710 after its fix and two later ones of round 50's findings;
 * round 53: 2,709 / 2,856 before (94.9%), 2,711 / 2,826 after (ay-026 moved and bl-068 re-messaged, judged right by the
 * lead; bf-065 rejudged false: a plan on Hermes Agent's writing-plans template, bold steps and no checkboxes); round 54:
 * 2,725 / 2,843 before, 2,725 / 2,841 after; round 55: 2,734 / 2,850 (no fix); round 56: 2,736 / 2,852 (no fix); 2,736 / 2,851
 * after bg-032's fix (round 48: "Run the helper tests" after the task's one test command); 2,737 / 2,851 after ak-012's
 * (round 27: a check sentence split over two lines; re-messaged, rejudged right by the lead); 2,738 / 2,851 after r-014's
 * (round 11: "Expected result:" after a checklist's last item; re-messaged, rejudged right by the lead); 2,739 / 2,851 after
 * q-018's (round 10: a plan's only commit step now asks to stage the plan's files; it and sixteen findings judged right
 * whose message changed the same way were rejudged right by the lead); round 57: 2,920 / 3,067 before (95.2%), 2,948 / 3,065
 * after (ten moved or re-messaged findings of its own rejudged right by the lead, thirteen it brought out and six Architecture
 * counts on earlier plans judged right by the lead, sixteen earlier findings re-quoted without their `cd <dir> &&`);
 * round 58: 3,012 / 3,138 before (96.0%), 3,012 / 3,131 after; round 59: 3,015 / 3,134 (no fix); 3,015 / 3,133 after the
 * Architecture's fifty-word floor (bq-002, six terse sentences judged ambiguous, quieted); 3,015 / 3,132 after a Goal's
 * closing branch note is no longer counted (bq-059, ambiguous); round 60: 3,180 / 3,334 before (95.4%), 3,195 / 3,317 after
 * (six moved or re-messaged findings of its own and five earlier ones rejudged right by the lead, ten it brought out judged
 * right by the lead, bs-073 retired with the numbered test cases it stood on); round 61: 3,251 / 3,393 before (95.8%),
 * 3,251 / 3,376 after (no finding moved, re-messaged or brought out); round 62: 3,253 / 3,383 before, 3,253 / 3,378 after;
 * 3,253 / 3,376 after x-057's fix (a final verification task's commit) and aa-018's (a wiring step's call given whole);
 * 3,278 / 3,406 once tasks numbered within lettered parts ("Task A1") are read: 30 findings they drew on nine plans judged
 * by reviewer sessions (not blind), 25 right, 4 false, 1 ambiguous; 3,278 / 3,404 after two of the false ones were
 * quieted by class (a note to a document, a bare green rerun); round 63: 3,511 / 3,679 before (95.4%), 3,522 / 3,662 after
 * (seven re-messaged findings of its own rejudged right by the lead, five it brought out or moved judged by the lead, four
 * right and one the wrong message; bi-074, a type-consistency finding judged false, no longer reported); round 64: 3,574 /
 * 3,725 before, 3,574 / 3,719 after; round 65: 3,606 / 3,754 before, 3,606 / 3,752 after; 3,608 / 3,754 once tasks headed
 * "Task A.1" are read (two findings they drew judged right by the lead).
 */
const FLOOR_ALL_RULES = 0.95;

const { findings } = JSON.parse(readFileSync(new URL('./superpowers-findings.json', import.meta.url), 'utf8')) as { findings: Judged[] };
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Each set's SOURCES.md, read once: file -> the plan's path in its repository. */
const SOURCE_PATHS = new Map<string, Map<string, string>>();

function sourcePath(set: string, file: string): string {
  let paths = SOURCE_PATHS.get(set);
  if (!paths) {
    // One read per set: SOURCES.md is megabytes, and a path sliced from it would keep the whole text alive.
    paths = new Map();
    for (const line of readFileSync(join(FIXTURES, set, 'SOURCES.md'), 'utf8').split('\n')) {
      const cells = line.split(' | ');
      if (cells.length > 2 && cells[0]!.startsWith('| `')) paths.set(cells[0]!.slice(3, -1), cells[2]!.replace(/`/g, ''));
    }
    SOURCE_PATHS.set(set, paths);
  }
  return paths.get(file) ?? file;
}

/** Strict rules are off by default; the sample guards them as a project that turns them on runs them. */
const STRICT = RULES.filter((r) => r.strict);

async function lintSample(): Promise<Map<string, Diagnostic[]>> {
  const out = new Map<string, Diagnostic[]>();
  for (const { set, plan } of findings) {
    const key = `${set}/${plan}`;
    if (out.has(key) || (set === 'corpus' && !HAS_CORPUS)) continue;
    const [file, path, config] =
      set === 'corpus' ? [join(CORPUS, plan), plan, presetConfig('inference-sim')] : [join(FIXTURES, set, plan), sourcePath(set, plan), defaultConfig()];
    out.set(key, (await lintText(readFileSync(file, 'utf8'), path, { config: withStrictRulesOn(config, STRICT) })).diagnostics);
  }
  return out;
}

describe('superpowers lint precision on the hand-judged sample', () => {
  const opening = (m: string): string => m.split(' ').slice(0, 5).join(' ');
  const judged = new Set(findings.map((f) => `${f.set}/${f.plan}|${f.ruleId}|${f.line}|${f.message}`));
  // The finding judged on exactly this message, or else one whose message changed since (its opening kept),
  // unless that one was judged on its own: two findings on one line (a task and its subtask) stay apart.
  const current = (all: Map<string, Diagnostic[]>, f: Judged): Diagnostic | undefined => {
    const here = (all.get(`${f.set}/${f.plan}`) ?? []).filter((d) => d.ruleId === f.ruleId && d.span.start.line === f.line);
    return (
      here.find((d) => d.message === f.message) ??
      here.find((d) => opening(d.message) === opening(f.message) && !judged.has(`${f.set}/${f.plan}|${d.ruleId}|${d.span.start.line}|${d.message}`))
    );
  };
  const reported = (all: Map<string, Diagnostic[]>, f: Judged): boolean => current(all, f) !== undefined;

  it('is a sample of at least 100 findings, each with a verdict, a reason and the plan text it rests on', () => {
    expect(findings.length).toBeGreaterThanOrEqual(100);
    for (const f of findings) {
      expect(['correct', 'wrong-message', 'false', 'ambiguous', 'excerpt'], f.id).toContain(f.verdict);
      expect(f.reason.length, f.id).toBeGreaterThan(10);
      expect(f.evidence.length, f.id).toBeGreaterThan(5);
    }
    expect(existsSync(join(FIXTURES, 'superpowers-heldout'))).toBe(true);
  });

  it('still reports every finding judged right (but those retired on purpose), and keeps its share of right findings', async () => {
    const all = await lintSample();
    const counted = findings.filter((f) => f.verdict !== 'excerpt' && (f.set !== 'corpus' || HAS_CORPUS));
    const lost = counted.filter((f) => f.verdict === 'correct' && !f.retired && !reported(all, f)).map((f) => `${f.id} ${f.ruleId} ${f.plan}:${f.line}`);
    expect(lost).toEqual([]);
    // A verdict holds for the message it was given on: a finding whose message changed is judged again.
    const stale = counted.filter((f) => !f.retired && current(all, f) !== undefined && current(all, f)!.message !== f.message).map((f) => `${f.id} ${f.ruleId} ${f.plan}:${f.line}`);
    expect(stale).toEqual([]);
    const still = counted.filter((f) => reported(all, f));
    const right = still.filter((f) => f.verdict === 'correct').length;
    expect(right / still.length).toBeGreaterThanOrEqual(FLOOR_ALL_RULES);
    // What a project with the defaults sees: the strict rules' findings left out.
    const byDefault = still.filter((f) => !STRICT.some((r) => r.id === f.ruleId));
    expect(byDefault.filter((f) => f.verdict === 'correct').length / byDefault.length).toBeGreaterThanOrEqual(FLOOR);
  }, 60_000);

  it('leaves the strict rules out of a default lint, and runs them for a config that turns them on', async () => {
    const f = findings.find((x) => x.id === 'x-010')!;
    const text = readFileSync(join(FIXTURES, f.set, f.plan), 'utf8');
    const ids = async (config: Config): Promise<string[]> => (await lintText(text, sourcePath(f.set, f.plan), { config })).diagnostics.map((d) => d.ruleId);
    expect(await ids(defaultConfig())).not.toContain('sp-failing-test-first');
    const on = defaultConfig();
    on.rules = { 'sp-failing-test-first': 'warning' };
    expect(await ids(on)).toContain('sp-failing-test-first');
  });
});
