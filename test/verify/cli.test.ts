/** `microplan verify` as a command: output formats, exit codes, --run options. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../src/verify/types.js';
import { EXAMPLE_PLAN, makeExample, planVariant, REPLAY_TIMEOUT, removeTempDirs, repoState, runCli, shaOf, short, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const T1 = 'feat(slug): lower-case hyphenated slugs (BC-1)';
const T2 = 'feat(slug): strip punctuation (BC-2)';
const T5 = 'feat(slug): cap slugs at 60 characters on a word boundary (BC-6)';

/** Applies `edit` to the text of one task of the plan only. */
function inTask(n: number, edit: (section: string) => string): (text: string) => string {
  return (text) => {
    const start = text.indexOf(`### Task ${n}:`);
    const next = text.indexOf('### ', text.indexOf('\n', start));
    return text.slice(0, start) + edit(text.slice(start, next)) + text.slice(next);
  };
}

describe('microplan verify', () => {
  it('prints a table and exits 0 when every promise is kept', async () => {
    const dir = await makeExample('good');
    const r = await runCli('verify', join(dir, 'docs/plans/slugify-plan.md'), '--repo', dir, '--base', 'main');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ Task 1  Lower-case hyphenated slugs\n');
    expect(r.stdout).toContain(`    ${short(shaOf(dir, T1))}  ${T1}\n             evidence: plan's subject; files 2/2\n`);
    expect(r.stdout).not.toContain('\x1b[');
    expect(r.stdout).toContain('test ✓ BC-2 "slugify drops punctuation" (test/punctuation.test.js:5)');
    expect(r.stdout).toContain('test ✓ BC-5 "slugify leaves an existing slug unchanged"\n           (test/separators.test.js:9)');
    expect(r.stdout).toContain('✓ Every task kept its promises (6 tasks, 6 commits).');
    // Nothing runs without --run.
    expect(r.stderr).toBe('');
  });

  it('prints JSON in the documented shape and exits 1 on a broken promise', async () => {
    const dir = await makeExample('stray-file');
    const r = await runCli('verify', join(dir, 'docs/plans/slugify-plan.md'), '--repo', dir, '--base', 'main', '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as VerifyReport;
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([]);
    expect(report.tasks[0]).toMatchObject({
      task: 1,
      title: 'Lower-case hyphenated slugs',
      commits: [shaOf(dir, T1)],
      ok: false,
      problems: [{ kind: 'file-unexpected', file: 'notes.txt', task: 1 }],
    });
    expect(report.tasks.slice(1).map((t) => t.ok)).toEqual([true, true, true, true, true]);
  });

  it('reads the plan from outside the repository and HEAD by default; --head picks another tip', async () => {
    const dir = await makeExample('good');
    const r = await runCli('verify', EXAMPLE_PLAN, '--repo', dir, '--base', 'main', '--head', 'HEAD~1', '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as VerifyReport;
    expect(report.head).toBe(shaOf(dir, T5));
    expect(report.tasks[5]!.problems.map((p) => p.kind)).toEqual(['no-commit', 'test-missing']);
  });

  describe('exits 2 with one clear message', () => {
    it('for a missing plan', async () => {
      const dir = await makeExample('good');
      const r = await runCli('verify', join(dir, 'nope.md'), '--repo', dir, '--base', 'main');
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`microplan: cannot read plan ${join(dir, 'nope.md')}: no such file — give the path of the plan Markdown file\n`);
    });

    it('for a directory that is not a git repository', async () => {
      const dir = tempDir();
      const r = await runCli('verify', EXAMPLE_PLAN, '--repo', dir, '--base', 'main');
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`microplan: ${dir} is not inside a git repository: pass --repo <dir> with the repository to verify\n`);
    });

    it('for a revision that names no commit', async () => {
      const dir = await makeExample('good');
      const r = await runCli('verify', EXAMPLE_PLAN, '--repo', dir, '--base', 'no-such-branch');
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`microplan: base revision 'no-such-branch' does not name a commit in ${dir}: give a branch, tag or commit id (see git log)\n`);
      const h = await runCli('verify', EXAMPLE_PLAN, '--repo', dir, '--base', 'main', '--head', '--upload-pack=x');
      expect(h.code).toBe(2);
      expect(h.stderr).toContain("head revision '--upload-pack=x' is not valid");
    });

    it('for a plan with no tasks', async () => {
      const dir = await makeExample('good');
      const plan = join(tempDir(), 'design.md');
      writeFileSync(plan, '# A design doc\n\nNo tasks here.\n');
      const r = await runCli('verify', plan, '--repo', dir, '--base', 'main');
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`microplan: ${plan} has no tasks ("### Task N: <name>" headings), so there is nothing to verify: give the plan the PR executed\n`);
    });

    it('for --setup without --run and for a bad --timeout', async () => {
      const dir = await makeExample('good');
      const s = await runCli('verify', EXAMPLE_PLAN, '--repo', dir, '--base', 'main', '--setup', 'npm ci');
      expect([s.code, s.stderr]).toEqual([2, 'microplan: --setup only applies with --run: add --run to replay the commands\n']);
      const t = await runCli('verify', EXAMPLE_PLAN, '--repo', dir, '--base', 'main', '--run', '--timeout', '0');
      expect([t.code, t.stderr]).toEqual([2, 'microplan: --timeout 0: expected a number of seconds > 0\n']);
    });
  });
});

describe('microplan verify --run', { timeout: REPLAY_TIMEOUT }, () => {
  it('prints each command before it runs and a progress line per task on stderr', async () => {
    const dir = await makeExample('good');
    const r = await runCli('verify', EXAMPLE_PLAN, '--repo', dir, '--base', 'main', '--run');
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      `verify:   Task 1 red @ ${short(shaOf(dir, 'chore: project skeleton and slugify plan'))} + 1 test file: $ node --test test/slug.test.js`,
      `verify:   Task 1 green @ ${short(shaOf(dir, T1))}: $ node --test`,
      `verify:   Task 1 lint @ ${short(shaOf(dir, T1))}: $ node --check src/slug.js`,
      expect.stringMatching(/^verify: Task 1\/6 Lower-case hyphenated slugs — red ✓ green ✓ lint ✓ \(\d+\.\d+s\)$/),
    ]);
    expect(r.stdout).toContain('run  red ✓  green ✓  lint ✓');
    expect(lines.at(-1)).toMatch(/^verify: Task 6\/6 Reject titles with nothing to slugify — red ✓ green ✓ lint ✓ \(\d+\.\d+s\)$/);
    expect(r.stdout).toContain('✓ Every task kept its promises (6 tasks, 6 commits, red → green replayed).');
  });

  it('reports a passing-test step that fails at the task commit, with the output tail', async () => {
    const dir = await makeExample('good');
    const plan = planVariant(inTask(1, (s) => s.replace('Run: `node --test`\nExpected: PASS', 'Run: `node --test test/slug.test.js test/later.test.js`\nExpected: PASS')));
    const r = await runCli('verify', plan, '--repo', dir, '--base', 'main', '--run', '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as VerifyReport;
    const [p] = report.tasks[0]!.problems;
    expect(p).toMatchObject({
      kind: 'green-failed',
      message: `Task 1's passing-test step failed: \`node --test test/slug.test.js test/later.test.js\` exited 1 at ${short(shaOf(dir, T1))} (the task's commit): make the test pass in that commit.`,
    });
    expect(p!.output).toContain('later.test.js');
  });

  it('reports a lint step that fails', async () => {
    const dir = await makeExample('good');
    const plan = planVariant(inTask(2, (s) => s.replace('Run: `node --check src/slug.js`', 'Run: `node --check src/slug.js && grep -q TODO src/slug.js`')));
    const r = await runCli('verify', plan, '--repo', dir, '--base', 'main', '--run', '--format', 'json');
    const report = JSON.parse(r.stdout) as VerifyReport;
    expect(report.tasks[1]!.problems.map((p) => [p.kind, p.message])).toEqual([
      ['lint-failed', `Task 2's lint step failed: \`node --check src/slug.js && grep -q TODO src/slug.js\` exited 1 at ${short(shaOf(dir, T2))} (the task's commit): fix the lint findings in that commit.`],
    ]);
  });

  it('reports a failing-test step that fails for another reason than the plan expects', async () => {
    const dir = await makeExample('good');
    const plan = planVariant(inTask(2, (s) => s.replace('Expected: FAIL with "Expected values to be strictly equal"', 'Expected: FAIL with "slugify is not a function"')));
    const r = await runCli('verify', plan, '--repo', dir, '--base', 'main', '--run', '--format', 'json');
    const report = JSON.parse(r.stdout) as VerifyReport;
    expect(report.tasks[1]!.problems.map((p) => [p.kind, p.message])).toEqual([
      [
        'red-unexpected',
        `Task 2's failing-test step failed, but not as expected: \`node --test test/punctuation.test.js\` at ${short(shaOf(dir, T1))} (the commit before the task) with the task's tests (test/punctuation.test.js) in place exited 1 without "slugify is not a function" in its output — make the test fail on the missing behavior, or correct Expected.`,
      ],
    ]);
  });

  it('reports a task whose red step has no command to replay', async () => {
    const dir = await makeExample('good');
    const plan = planVariant(inTask(6, (s) => s.replace('Run: `node --test test/empty.test.js`\nExpected: FAIL with "Missing expected exception"', 'Run the new test and watch it fail.')));
    const r = await runCli('verify', plan, '--repo', dir, '--base', 'main', '--run', '--format', 'json');
    const report = JSON.parse(r.stdout) as VerifyReport;
    expect(report.tasks[5]!.problems.map((p) => [p.kind, p.message])).toEqual([
      ['red-not-checkable', 'Task 6 has no Step 2 (run-fail) command, so its red step cannot be replayed: add "Run: <test command>" and "Expected: FAIL …" to the step.'],
    ]);
  });

  it('stops a command at --timeout, with everything it started', async () => {
    const dir = await makeExample('good');
    const plan = planVariant(inTask(1, (s) => s.replace('Run: `node --test test/slug.test.js`\nExpected: FAIL', 'Run: `sleep 30.417 & sleep 30.417`\nExpected: FAIL')));
    const started = Date.now();
    const r = await runCli('verify', plan, '--repo', dir, '--base', 'main', '--run', '--timeout', '1', '--format', 'json');
    expect(Date.now() - started).toBeLessThan(20_000);
    const report = JSON.parse(r.stdout) as VerifyReport;
    expect(report.tasks[0]!.problems.map((p) => [p.kind, p.message])).toEqual([
      ['command-timeout', "Task 1's red command `sleep 30.417 & sleep 30.417` did not finish within 1s and was stopped: raise --timeout or make the command faster."],
    ]);
    // Neither the command nor its background child survives.
    const alive = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((l) => l.startsWith('sleep 30.417'));
    expect(alive).toEqual([]);
  });

  it('runs --setup after every checkout, in the temporary worktree only', async () => {
    const dir = await makeExample('good');
    const before = repoState(dir);
    const plan = planVariant(inTask(1, (s) => s.replace('Run: `node --check src/slug.js`', 'Run: `test -f .setup-done && node --check src/slug.js`')));
    const without = await runCli('verify', plan, '--repo', dir, '--base', 'main', '--run', '--format', 'json');
    expect((JSON.parse(without.stdout) as VerifyReport).tasks[0]!.problems.map((p) => p.kind)).toEqual(['lint-failed']);
    const withSetup = await runCli('verify', plan, '--repo', dir, '--base', 'main', '--run', '--setup', 'touch .setup-done');
    expect(withSetup.code).toBe(0);
    expect(withSetup.stderr).toContain(`verify:   Task 1 setup @ ${short(shaOf(dir, T1))}: $ touch .setup-done`);
    expect(existsSync(join(dir, '.setup-done'))).toBe(false);
    expect(repoState(dir)).toEqual(before);
  });

  it('reports a failing --setup and skips the commands it guards', async () => {
    const dir = await makeExample('good');
    const r = await runCli('verify', EXAMPLE_PLAN, '--repo', dir, '--base', 'main', '--run', '--setup', 'exit 3', '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as VerifyReport;
    expect(report.tasks[0]!.problems.map((p) => [p.kind, p.message])).toEqual([
      ['setup-failed', `The setup command \`exit 3\` failed at ${short(shaOf(dir, 'chore: project skeleton and slugify plan'))} (exit 3), so Task 1's red step was not replayed: fix --setup.`],
      ['setup-failed', `The setup command \`exit 3\` failed at ${short(shaOf(dir, T1))} (exit 3), so Task 1's green step was not replayed: fix --setup.`],
    ]);
    expect(report.tasks[0]!.runs!.map((x) => x.phase)).toEqual(['setup', 'setup']);
  });

  it('keeps the user\'s uncommitted work and untracked files untouched', async () => {
    const dir = await makeExample('good');
    writeFileSync(join(dir, 'src', 'slug.js'), '// work in progress\n');
    mkdirSync(join(dir, 'scratch'));
    writeFileSync(join(dir, 'scratch', 'idea.txt'), 'keep me\n');
    const before = repoState(dir);
    const r = await runCli('verify', EXAMPLE_PLAN, '--repo', dir, '--base', 'main', '--run');
    expect(r.code).toBe(0);
    expect(repoState(dir)).toEqual(before);
    expect(execFileSync('git', ['diff'], { cwd: dir, encoding: 'utf8' })).toContain('+// work in progress');
  });
});
