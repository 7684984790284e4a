/**
 * The demo plan (examples/verify-demo) against real histories: one that keeps every promise and
 * one per broken promise. Each is checked statically and then replayed for real (`--run`).
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replayLedger } from '../../src/verify/replay.js';
import type { Problem, VerifyReport } from '../../src/verify/types.js';
import { verifyPlan } from '../../src/verify/verify.js';
import { gitIn, makeExample, REPLAY_TIMEOUT, removeTempDirs, repoState, shaOf, short, type Variant } from './helpers.js';

afterAll(removeTempDirs);

const PLAN = 'docs/plans/slugify-plan.md';
const T1 = 'feat(slug): lower-case hyphenated slugs (BC-1)';
const T2 = 'feat(slug): strip punctuation (BC-2)';
const T3 = 'feat(slug): fold accented letters (BC-3)';
const T4 = 'feat(slug): treat underscores and slashes as separators (BC-4, BC-5)';
const T5 = 'feat(slug): cap slugs at 60 characters on a word boundary (BC-6)';
const T6 = 'feat(slug): reject titles with nothing to slugify (BC-7)';

type Found = Pick<Problem, 'kind' | 'task' | 'message'>;

/** Problems as task number, kind and message, task problems first. */
function problems(report: VerifyReport, kinds?: (k: Problem['kind']) => boolean): Found[] {
  const all = [...report.tasks.flatMap((t) => t.problems), ...report.problems];
  return all.filter((p) => !kinds || kinds(p.kind)).map((p) => ({ kind: p.kind, task: p.task, message: p.message }));
}

const REPLAY_KINDS = new Set<Problem['kind']>(['red-passed', 'test-passed-before-implementation', 'red-unexpected', 'red-not-checkable', 'green-failed', 'lint-failed', 'setup-failed', 'command-timeout']);

interface Case {
  variant: Variant;
  /** Problems visible without running anything. */
  history: (dir: string) => Found[];
  /** Problems only the replay finds. */
  replay: (dir: string) => Found[];
}

const cases: Case[] = [
  { variant: 'good', history: () => [], replay: () => [] },
  {
    variant: 'skip-red',
    history: () => [],
    replay: (dir) => [
      {
        kind: 'red-passed',
        task: 2,
        message: `Task 2's failing-test step did not fail: \`node --test test/punctuation.test.js\` passed at ${short(shaOf(dir, T1))} (the commit before the task) with the task's tests (test/punctuation.test.js) in place, so the test does not detect the missing behavior — write a test that fails before the implementation.`,
      },
    ],
  },
  {
    variant: 'test-passes-first',
    history: () => [],
    replay: (dir) => [
      {
        kind: 'test-passed-before-implementation',
        task: 2,
        message: `Task 2's test passed before its implementation: \`node --test test/punctuation.test.js\` passed at its test commit ${short(shaOf(dir, 'test(slug): cover punctuation stripping (BC-2)'))}, before the implementing commit ${short(shaOf(dir, T2))}; a test must fail until the behavior it checks exists.`,
      },
    ],
  },
  {
    variant: 'stray-file',
    history: (dir) => [
      {
        kind: 'file-unexpected',
        task: 1,
        message: `Commit ${short(shaOf(dir, T1))} of Task 1 changes notes.txt, outside every directory the plan works in: drop it, move it to its own commit, or add it to the plan.`,
      },
    ],
    replay: () => [],
  },
  {
    variant: 'orphan',
    history: (dir) => [
      {
        kind: 'orphan-commit',
        task: undefined,
        message: `Commit ${short(shaOf(dir, 'chore: bump version to 0.2.0'))} "chore: bump version to 0.2.0" comes among the plan's tasks but belongs to none: fold it into its task's commit, or add the work to the plan.`,
      },
    ],
    replay: () => [],
  },
  {
    variant: 'unreferenced',
    history: () => [
      {
        kind: 'commit-missing-contract',
        task: 6,
        message: `Task 6's commit message does not name BC-7, which the plan's commit message names: add "(BC-7)" to the subject.`,
      },
    ],
    replay: () => [],
  },
  {
    variant: 'missing-test',
    history: (dir) => [
      {
        kind: 'test-missing',
        task: 6,
        message: `Test "slugify rejects an empty title" that the test strategy names for BC-7 is not declared in the head tree (${short(shaOf(dir, T6))}; no commit of the PR writes it): add the test, or correct its name in the table.`,
      },
    ],
    replay: () => [],
  },
  {
    variant: 'missing-task',
    history: (dir) => [
      {
        kind: 'no-commit',
        task: 6,
        message: `Task 6 (Reject titles with nothing to slugify) has no commit in main..HEAD: commit it with the plan's message "${T6}".`,
      },
      {
        kind: 'test-missing',
        task: 6,
        message: `Test "slugify rejects an empty title" that the test strategy names for BC-7 is not declared in the head tree (${short(shaOf(dir, T5))}; no commit of the PR writes it): add the test, or correct its name in the table.`,
      },
    ],
    replay: () => [],
  },
  {
    variant: 'bad-message',
    history: (dir) => [
      {
        kind: 'commit-format',
        task: 1,
        message: `Commit ${short(shaOf(dir, 'Lower-case hyphenated slugs'))} subject "Lower-case hyphenated slugs" is not a conventional commit: write it as "type(scope): description", e.g. "${T1}".`,
      },
      {
        kind: 'commit-missing-contract',
        task: 1,
        message: `Task 1's commit message does not name BC-1, which the plan's commit message names: add "(BC-1)" to the subject.`,
      },
    ],
    replay: () => [],
  },
];

describe('verify against the demo plan', { timeout: REPLAY_TIMEOUT }, () => {
  it.each(cases)('reports exactly the broken promises of the $variant history, statically and replayed', async ({ variant, history, replay }) => {
    const dir = await makeExample(variant);
    const before = repoState(dir);
    const v = await verifyPlan({ planPath: `${dir}/${PLAN}`, repo: dir, base: 'main' });
    expect(problems(v.report)).toEqual(history(dir));
    expect(v.report.ok).toBe(history(dir).length === 0);

    const report = await replayLedger(v, { timeoutSeconds: 60 });
    expect(report.ran).toBe(true);
    expect(problems(report, (k) => REPLAY_KINDS.has(k))).toEqual(replay(dir));
    expect(problems(report, (k) => !REPLAY_KINDS.has(k))).toEqual(history(dir));
    expect(report.ok).toBe(history(dir).length === 0 && replay(dir).length === 0);
    // Replaying never touches the user's repository state.
    expect(repoState(dir)).toEqual(before);
  });

  it('maps each task of the kept history to its commit, with its tests found and every step replayed', async () => {
    const dir = await makeExample('good');
    const v = await verifyPlan({ planPath: `${dir}/${PLAN}`, repo: dir, base: 'main' });
    expect(v.report.tasks.map((t) => [t.task, t.commits])).toEqual([
      [1, [shaOf(dir, T1)]],
      [2, [shaOf(dir, T2)]],
      [3, [shaOf(dir, T3)]],
      [4, [shaOf(dir, T4)]],
      [5, [shaOf(dir, T5)]],
      [6, [shaOf(dir, T6)]],
    ]);
    expect(v.report.tasks[1]!.tests).toEqual([{ contract: 'BC-2', name: 'slugify drops punctuation', found: { file: 'test/punctuation.test.js', line: 5 } }]);
    // One test file may hold the tests of two contracts.
    expect(v.report.tasks[3]!.tests).toEqual([
      { contract: 'BC-4', name: 'slugify turns underscores and slashes into hyphens', found: { file: 'test/separators.test.js', line: 5 } },
      { contract: 'BC-5', name: 'slugify leaves an existing slug unchanged', found: { file: 'test/separators.test.js', line: 9 } },
    ]);
    const report = await replayLedger(v, { timeoutSeconds: 60 });
    const runs = report.tasks[0]!.runs!;
    expect(runs.map((r) => [r.phase, r.command, r.commit, r.overlay, r.ok])).toEqual([
      ['red', 'node --test test/slug.test.js', shaOf(dir, 'chore: project skeleton and slugify plan'), ['test/slug.test.js'], true],
      ['green', 'node --test', shaOf(dir, T1), [], true],
      ['lint', 'node --check src/slug.js', shaOf(dir, T1), [], true],
    ]);
    expect(runs[0]!.exitCode).not.toBe(0);
    expect(runs[0]!.outputTail).toContain('# fail 1');
  });
});

describe('verify and the plan itself', () => {
  it('counts a commit that only edits the plan as part of the PR, not as an orphan', async () => {
    const dir = await makeExample('good');
    appendFileSync(join(dir, PLAN), '\n<!-- executed -->\n');
    gitIn(dir, 'commit', '-qam', 'docs: mark the plan executed');
    const v = await verifyPlan({ planPath: join(dir, PLAN), repo: dir, base: 'main' });
    expect(problems(v.report)).toEqual([]);
    expect(v.report.commits.map((c) => [c.subject, c.task])).toEqual([
      [T1, 1],
      [T2, 2],
      [T3, 3],
      [T4, 4],
      [T5, 5],
      [T6, 6],
      ['docs: mark the plan executed', undefined],
    ]);
  });
});

describe('verify on a history committed out of the plan order', () => {
  it('attaches the late commit to its task and reports the order', async () => {
    const dir = await makeExample('good');
    // Rebuild the feature branch with Task 3 committed before Task 2 (only the tests' contents matter here).
    const order = [
      [T3, 'accents'],
      [T2, 'punctuation'],
      [T4, 'separators'],
      [T5, 'length'],
      [T6, 'empty'],
    ] as const;
    const tests = new Map(order.map(([, test]) => [test, gitIn(dir, 'show', `HEAD:test/${test}.test.js`)]));
    gitIn(dir, 'reset', '-q', '--hard', shaOf(dir, T1));
    for (const [subject, test] of order) {
      appendFileSync(join(dir, 'src/slug.js'), `// ${subject}\n`);
      writeFileSync(join(dir, `test/${test}.test.js`), tests.get(test)!);
      gitIn(dir, 'add', '.');
      gitIn(dir, 'commit', '-qm', subject);
    }
    const v = await verifyPlan({ planPath: join(dir, PLAN), repo: dir, base: 'main' });
    expect(v.report.tasks.map((t) => t.commits.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(problems(v.report)).toEqual([
      {
        kind: 'out-of-order',
        task: 2,
        message: `Commit ${short(shaOf(dir, T2))} "${T2}" belongs to Task 2 but comes after commits of Task 3: commit tasks in the plan's order so each builds on the previous ones.`,
      },
    ]);
  });
});
