/**
 * The README demo (examples/verify-demo): its plan lints clean with its own config, the history
 * make-history.sh builds is exactly that plan executed, and verify --run replays it red → green.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintFiles, parsePlan, presetConfig } from '../../src/index.js';
import { replayLedger } from '../../src/verify/replay.js';
import { verifyPlan } from '../../src/verify/verify.js';
import { DEMO, EXAMPLE_PLAN, gitIn, makeExample, removeTempDirs, runCli } from './helpers.js';

afterAll(removeTempDirs);

const PLAN_IN_REPO = 'docs/plans/slugify-plan.md';
const plan = parsePlan(readFileSync(EXAMPLE_PLAN, 'utf8'), EXAMPLE_PLAN);

describe('the verify demo plan', () => {
  it('lints clean with its own config, through the library entry point', async () => {
    const path = relative(process.cwd(), EXAMPLE_PLAN);
    const report = await lintFiles([path]);
    expect(report.problems).toEqual([]);
    expect(report.files.map((f) => [f.path, f.format, f.diagnostics])).toEqual([[path, 'full', []]]);
  });

  it('is held to its config: under the inference-sim preset its lint steps are off', async () => {
    const report = await lintFiles([EXAMPLE_PLAN], { config: presetConfig('inference-sim') });
    const ids = new Set(report.files[0]!.diagnostics.map((d) => d.ruleId));
    expect(ids).toContain('task-lint-command');
    expect(ids).toContain('checklist-complete');
  });

  it('has six tasks, each one red → green → lint → commit cycle', () => {
    expect(plan.tasks.map((t) => t.steps.map((s) => s.kind))).toEqual(Array(6).fill(['test', 'run-fail', 'implement', 'run-pass', 'lint', 'commit']));
  });
});

describe('the demo history (make-history.sh)', () => {
  it('commits the plan and its config on main, so the repository lints clean grounded at the plan\'s base', async () => {
    const dir = await makeExample('good');
    expect(gitIn(dir, 'show', `main:${PLAN_IN_REPO}`)).toBe(readFileSync(EXAMPLE_PLAN, 'utf8').trimEnd());
    expect(gitIn(dir, 'show', 'main:microplan.config.yaml')).toBe(readFileSync(join(DEMO, 'microplan.config.yaml'), 'utf8').trimEnd());
    const report = await lintFiles([join(dir, PLAN_IN_REPO)], { repo: dir });
    expect(report.problems).toEqual([]);
    expect(report.files[0]!.diagnostics).toEqual([]);
  });

  it('is the plan executed: each task\'s commit holds its Step 1 test and Step 3 code, under its Step 6 message', async () => {
    const dir = await makeExample('good');
    const commits = gitIn(dir, 'log', '--reverse', '--format=%H %s', 'main..HEAD').split('\n');
    expect(commits).toHaveLength(plan.tasks.length);
    plan.tasks.forEach((task, i) => {
      const [sha, ...subject] = commits[i]!.split(' ');
      expect(subject.join(' ')).toBe(task.commit!.subject.text);
      const testFile = task.files.find((f) => f.action === 'test')!.path;
      const step = (n: number): string => task.steps.find((s) => s.number === n)!.codeBlocks[0]!.content.trimEnd();
      expect(gitIn(dir, 'show', `${sha}:${testFile}`), `Task ${task.number} test`).toBe(step(1));
      expect(gitIn(dir, 'show', `${sha}:src/slug.js`), `Task ${task.number} code`).toBe(step(3));
    });
  });

  it('verifies ok and replays red → green for all six tasks', async () => {
    const dir = await makeExample('good');
    const v = await verifyPlan({ planPath: join(dir, PLAN_IN_REPO), repo: dir, base: 'main' });
    expect(v.report.ok).toBe(true);
    const report = await replayLedger(v, { timeoutSeconds: 60 });
    expect(report.ok).toBe(true);
    expect(report.ran).toBe(true);
    for (const task of report.tasks) {
      const runs = task.runs!.map((r) => [r.phase, r.ok, r.exitCode === 0]);
      // red: the command failed as the plan expects (ok) with a non-zero exit; green and lint exit 0.
      expect(runs, `Task ${task.task}`).toEqual([
        ['red', true, false],
        ['green', true, true],
        ['lint', true, true],
      ]);
    }
  }, 60_000);

  it('the CLI prints the table and exits 0 with --run', async () => {
    const dir = await makeExample('good');
    const r = await runCli('verify', join(dir, PLAN_IN_REPO), '--repo', dir, '--base', 'main', '--run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ Every task kept its promises (6 tasks, 6 commits, red → green replayed).');
    expect(r.stdout.match(/run {2}red ✓ {2}green ✓ {2}lint ✓/g)).toHaveLength(6);
  }, 60_000);
});
