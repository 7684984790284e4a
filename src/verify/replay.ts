/**
 * `verify --run`: replays each task's red → green steps for real, in a temporary worktree.
 *
 * For each task with commits:
 * - red: the task's Step 2 (run-fail) command, on the code before the task with the task's test
 *   files as finally committed laid over it — "the test as written, before the implementation".
 *   When the task's first commit holds only tests (a separate red commit), that commit is the
 *   red state as recorded. The command must fail, and its output must contain any text the
 *   plan's Expected line quotes.
 * - green: the Step 4 (run-pass) command at the task's last commit; it must pass.
 * - lint: the Step 5 command at the same commit; it must pass.
 *
 * Commands run with `sh -c` in a pristine checkout (`git clean -ffdx`): nothing installed, nothing
 * built. `setup` (e.g. `npm ci`) runs after every checkout, before the commands.
 */
import type { Task } from '../plan/types.js';
import { existsAt } from './git.js';
import { killGroup, runShell, stripAnsi, tail } from './shell.js';
import { isTestPath } from './test-finder.js';
import type { CommandRun, CommitInfo, Problem, ReplayOptions, RunPhase, TaskReport, VerifyReport } from './types.js';
import { short, type Verification } from './verify.js';
import { TempWorktree } from './worktree.js';

const EXIT_ON: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

export { isTestPath };

/** Texts an Expected line quotes ("…", `…`, “…”), which the output must contain. Bare FAIL/PASS words are not texts. */
export function expectedTexts(expected: string | undefined): string[] {
  if (!expected) return [];
  const out: string[] = [];
  for (const m of expected.matchAll(/"([^"]+)"|`([^`]+)`|“([^”]+)”/g)) {
    const t = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (t !== '' && !/^(?:FAIL(?:ED|URE)?|PASS(?:ED)?|ok|ERROR)$/i.test(t)) out.push(t);
  }
  return out;
}

function normalizeForMatch(s: string): string {
  return stripAnsi(s).replace(/\s+/g, ' ').toLowerCase();
}

/** Expected texts missing from an output (case and spacing ignored). */
export function missingTexts(output: string, texts: readonly string[]): string[] {
  const hay = normalizeForMatch(output);
  return texts.filter((t) => !hay.includes(normalizeForMatch(t).trim()));
}

interface PlannedCommand {
  run: string;
  expected: string | undefined;
}

function commandsOf(task: Task, kind: 'run-fail' | 'run-pass' | 'lint'): PlannedCommand[] {
  const fromSteps = task.steps
    .filter((s) => s.kind === kind)
    .flatMap((s) => s.commands)
    .filter((c) => c.run.text.trim() !== '')
    .map((c) => ({ run: c.run.text.trim(), expected: c.expected?.text }));
  if (fromSteps.length > 0 || !task.compact) return fromSteps;
  // Compact tasks: **Verify:** is the green step, **Lint:** the lint step; there is no red step.
  const value = kind === 'run-pass' ? task.compact.verify : kind === 'lint' ? task.compact.lint : undefined;
  const text = value ? (/`([^`]+)`/.exec(value.text)?.[1] ?? value.text).trim() : '';
  return text !== '' ? [{ run: text, expected: undefined }] : [];
}

export async function replayLedger(v: Verification, options: ReplayOptions & { exitOnSignal?: boolean }): Promise<VerifyReport> {
  const log = options.log ?? ((): void => undefined);
  const timeoutMs = Math.max(1, options.timeoutSeconds) * 1000;
  const worktree = TempWorktree.reserve(v.root);
  let child: number | undefined;

  const onSignal = (signal: NodeJS.Signals): void => {
    if (child !== undefined) killGroup(child, 'SIGKILL');
    worktree.removeSync();
    process.stderr.write(`\nmicroplan: ${signal} — stopped the replay and removed its temporary worktree; your working tree was not touched.\n`);
    process.exit(EXIT_ON[signal] ?? 1);
  };
  const signals = options.exitOnSignal ? (['SIGINT', 'SIGTERM', 'SIGHUP'] as const) : [];
  for (const s of signals) process.on(s, onSignal);

  const total = v.plan.tasks.length;
  try {
    await worktree.add(v.report.head);
    for (const [index, task] of v.plan.tasks.entries()) {
      const report = v.report.tasks[index]!;
      const commits = v.commitsOf.get(task.number) ?? [];
      const started = Date.now();
      if (commits.length === 0) {
        log(`verify: Task ${task.number}/${total} ${task.title.text} — no commit, nothing to replay`);
        continue;
      }
      const runs: CommandRun[] = [];
      report.runs = runs;
      const ctx: PhaseContext = {
        task,
        report,
        worktree,
        setup: options.setup,
        timeoutMs,
        log,
        runs,
        onChild: (pgid) => {
          child = pgid;
          options.onChild?.(pgid);
        },
      };
      const red = await replayRed(ctx, v, commits);
      const green = await replayAt(ctx, commits[commits.length - 1]!, [
        ['green', commandsOf(task, 'run-pass')],
        ['lint', commandsOf(task, 'lint')],
      ]);
      const mark = (s: PhaseOutcome): string => (s === 'ok' ? '✓' : s === 'skipped' ? '–' : '✗');
      log(
        `verify: Task ${task.number}/${total} ${task.title.text} — red ${mark(red)} green ${mark(green.green ?? 'skipped')} lint ${mark(green.lint ?? 'skipped')} (${((Date.now() - started) / 1000).toFixed(1)}s)`,
      );
    }
  } finally {
    worktree.removeSync();
    for (const s of signals) process.off(s, onSignal);
  }

  for (const t of v.report.tasks) t.ok = t.problems.length === 0;
  v.report.ok = v.report.tasks.every((t) => t.ok) && v.report.problems.length === 0;
  v.report.ran = true;
  return v.report;
}

type PhaseOutcome = 'ok' | 'failed' | 'skipped';

interface PhaseContext {
  task: Task;
  report: TaskReport;
  worktree: TempWorktree;
  setup: string | undefined;
  timeoutMs: number;
  log: (line: string) => void;
  runs: CommandRun[];
  onChild: (pgid: number | undefined) => void;
}

function problem(ctx: PhaseContext, p: Omit<Problem, 'task'>): void {
  ctx.report.problems.push({ ...p, task: ctx.task.number });
}

async function replayRed(ctx: PhaseContext, v: Verification, commits: CommitInfo[]): Promise<PhaseOutcome> {
  const { task } = ctx;
  const label = `Task ${task.number}`;
  const commands = commandsOf(task, 'run-fail');
  if (commands.length === 0) {
    // Compact tasks have no red step by design.
    if (!task.compact) {
      problem(ctx, {
        kind: 'red-not-checkable',
        message: `${label} has no Step 2 (run-fail) command, so its red step cannot be replayed: add "Run: <test command>" and "Expected: FAIL …" to the step.`,
      });
      return 'failed';
    }
    return 'skipped';
  }
  const first = commits[0]!;
  const last = commits[commits.length - 1]!;
  const testOnlyFirst = commits.length > 1 && first.files.length > 0 && first.files.every(isTestPath);
  let at: string;
  let overlay: string[] = [];
  let where: string;
  if (testOnlyFirst) {
    at = first.sha;
    where = `at its test commit ${short(first.sha)}, before the implementing commit ${short(commits[1]!.sha)}`;
  } else {
    const parent = first.parents[0];
    if (!parent) {
      problem(ctx, {
        kind: 'red-not-checkable',
        commit: first.sha,
        message: `${label}'s first commit ${short(first.sha)} has no parent, so there is no state before the task to run its failing test on: start the PR from a base commit.`,
      });
      return 'failed';
    }
    at = parent;
    const candidates = [...new Set([...task.files.filter((f) => f.action === 'test').map((f) => f.path.replace(/^\.\//, '')), ...commits.flatMap((c) => c.files).filter(isTestPath)])];
    for (const f of candidates) if (await existsAt(v.root, last.sha, f)) overlay.push(f);
    overlay = overlay.sort();
    where =
      overlay.length > 0
        ? `at ${short(parent)} (the commit before the task) with the task's tests (${overlay.join(', ')}) in place`
        : `at ${short(parent)} (the commit before the task, which changes no test file)`;
  }

  const runs = await runPhase(ctx, 'red', at, overlay, last.sha, commands);
  if (runs === undefined) return 'failed';
  let outcome: PhaseOutcome = 'ok';
  for (const [i, { run, output }] of runs.entries()) {
    const cmd = commands[i]!;
    if (run.timedOut) {
      outcome = 'failed';
      timeoutProblem(ctx, run, 'red');
      continue;
    }
    if (run.exitCode === 0) {
      run.ok = false;
      outcome = 'failed';
      problem(ctx, testOnlyFirst
        ? {
            kind: 'test-passed-before-implementation',
            commit: first.sha,
            output: run.outputTail,
            message: `${label}'s test passed before its implementation: \`${cmd.run}\` passed ${where}; a test must fail until the behavior it checks exists.`,
          }
        : {
            kind: 'red-passed',
            commit: first.sha,
            output: run.outputTail,
            message: `${label}'s failing-test step did not fail: \`${cmd.run}\` passed ${where}, so the test does not detect the missing behavior — write a test that fails before the implementation.`,
          });
      continue;
    }
    const missing = missingTexts(output, expectedTexts(cmd.expected));
    if (missing.length > 0) {
      run.ok = false;
      outcome = 'failed';
      problem(ctx, {
        kind: 'red-unexpected',
        commit: first.sha,
        output: run.outputTail,
        message: `${label}'s failing-test step failed, but not as expected: \`${cmd.run}\` ${where} exited ${run.exitCode ?? run.signal} without ${missing.map((t) => `"${t}"`).join(', ')} in its output — make the test fail on the missing behavior, or correct Expected.`,
      });
      continue;
    }
    run.ok = true;
  }
  return outcome;
}

/** Green and lint at the task's last commit. */
async function replayAt(ctx: PhaseContext, commit: CommitInfo, phases: Array<[RunPhase, PlannedCommand[]]>): Promise<Partial<Record<RunPhase, PhaseOutcome>>> {
  const label = `Task ${ctx.task.number}`;
  const outcomes: Partial<Record<RunPhase, PhaseOutcome>> = {};
  const all = phases.flatMap(([phase, cmds]) => cmds.map((c) => ({ phase, c })));
  if (all.length === 0) return outcomes;
  const runs = await runPhase(ctx, 'green', commit.sha, [], commit.sha, all.map((x) => x.c), all.map((x) => x.phase));
  if (runs === undefined) return { green: 'failed', lint: 'failed' };
  for (const [i, { run }] of runs.entries()) {
    const { phase, c } = all[i]!;
    outcomes[phase] ??= 'ok';
    if (run.timedOut) {
      outcomes[phase] = 'failed';
      timeoutProblem(ctx, run, phase);
      continue;
    }
    run.ok = run.exitCode === 0;
    if (run.ok) continue;
    outcomes[phase] = 'failed';
    const what = phase === 'lint' ? 'lint step' : 'passing-test step';
    const fix = phase === 'lint' ? 'fix the lint findings in that commit' : 'make the test pass in that commit';
    problem(ctx, {
      kind: phase === 'lint' ? 'lint-failed' : 'green-failed',
      commit: commit.sha,
      output: run.outputTail,
      message: `${label}'s ${what} failed: \`${c.run}\` exited ${run.exitCode ?? run.signal} at ${short(commit.sha)} (the task's commit): ${fix}.`,
    });
  }
  return outcomes;
}

function timeoutProblem(ctx: PhaseContext, run: CommandRun, phase: RunPhase): void {
  run.ok = false;
  problem(ctx, {
    kind: 'command-timeout',
    commit: run.commit,
    output: run.outputTail,
    message: `Task ${ctx.task.number}'s ${phase} command \`${run.command}\` did not finish within ${ctx.timeoutMs / 1000}s and was stopped: raise --timeout or make the command faster.`,
  });
}

/** A run as stored in the report, plus its whole (bounded) output for matching Expected. */
interface RunWithOutput {
  run: CommandRun;
  output: string;
}

/**
 * Checks out the state, runs setup, then the commands; undefined when setup failed (reported).
 * `phases` names each command's phase (defaults to `phase`).
 */
async function runPhase(
  ctx: PhaseContext,
  phase: RunPhase,
  sha: string,
  overlay: string[],
  overlayFrom: string,
  commands: PlannedCommand[],
  phases?: RunPhase[],
): Promise<RunWithOutput[] | undefined> {
  await ctx.worktree.checkout(sha, overlay.length > 0 ? { from: overlayFrom, files: overlay } : undefined);
  const state = `${short(sha)}${overlay.length > 0 ? ` + ${overlay.length} test file${overlay.length > 1 ? 's' : ''}` : ''}`;
  if (ctx.setup) {
    const { run: setup } = await execute(ctx, 'setup', ctx.setup, sha, overlay, state);
    if (setup.exitCode !== 0 || setup.timedOut) {
      setup.ok = false;
      ctx.report.problems.push({
        kind: 'setup-failed',
        task: ctx.task.number,
        commit: sha,
        output: setup.outputTail,
        message: `The setup command \`${ctx.setup}\` failed at ${short(sha)} (${setup.timedOut ? 'timed out' : `exit ${setup.exitCode ?? setup.signal}`}), so Task ${ctx.task.number}'s ${phase} step was not replayed: fix --setup.`,
      });
      return undefined;
    }
    setup.ok = true;
  }
  const out: RunWithOutput[] = [];
  for (const [i, c] of commands.entries()) out.push(await execute(ctx, phases?.[i] ?? phase, c.run, sha, overlay, state));
  return out;
}

async function execute(ctx: PhaseContext, phase: RunPhase, command: string, sha: string, overlay: string[], state: string): Promise<RunWithOutput> {
  ctx.log(`verify:   Task ${ctx.task.number} ${phase} @ ${state}: $ ${command}`);
  const r = await runShell(command, { cwd: ctx.worktree.path, timeoutMs: ctx.timeoutMs, onChild: ctx.onChild });
  const run: CommandRun = {
    phase,
    command,
    commit: sha,
    overlay,
    exitCode: r.exitCode,
    signal: r.signal,
    timedOut: r.timedOut,
    durationMs: r.durationMs,
    outputTail: tail(r.output),
    ok: false,
  };
  ctx.runs.push(run);
  return { run, output: r.output };
}
