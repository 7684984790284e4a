/**
 * Verification of a PR's git history against its plan: the TDD ledger.
 *
 * A task of the plan promises a commit that names its contracts, touches only the files it lists,
 * and a test that fails before the implementation and passes after it. `verifyPlan` checks what
 * the history shows; `replayLedger` (`--run`) replays the red → green steps in a temporary
 * worktree.
 */

/** Every broken promise has a stable kind, so reports and tests can match on it. */
export type ProblemKind =
  // A task and its commits.
  | 'no-commit'
  | 'out-of-order'
  | 'commit-format'
  | 'commit-missing-contract'
  | 'commit-other-contract'
  | 'tasks-combined'
  | 'file-missing'
  | 'file-unexpected'
  | 'test-missing'
  // Plan-wide.
  | 'contract-unreferenced'
  | 'orphan-commit'
  | 'plan-statement-broken'
  // Replay (`--run`).
  | 'red-passed'
  | 'test-passed-before-implementation'
  | 'red-unexpected'
  | 'red-not-checkable'
  | 'green-failed'
  | 'lint-failed'
  | 'setup-failed'
  | 'command-timeout';

export interface Problem {
  kind: ProblemKind;
  /** One sentence: what is wrong and how to fix it. */
  message: string;
  /** Task number, when the problem belongs to a task. */
  task?: number;
  /** Full commit id the problem is about. */
  commit?: string;
  contract?: string;
  file?: string;
  test?: string;
  /** Tail of a command's output (replay problems). */
  output?: string;
}

/** A commit of the PR as verification sees it. */
export interface CommitInfo {
  sha: string;
  parents: string[];
  subject: string;
  /** The whole message (subject, blank line, body). */
  message: string;
  /** Repo-relative paths the commit adds, modifies or deletes (renames count as delete + add). */
  files: string[];
}

/** Where a test named by the plan is declared. */
export interface TestLocation {
  file: string;
  line: number;
  /** The declared name, when the plan's name selects a longer one (`go test -run TestX` runs TestX_Case). */
  name?: string;
}

/**
 * Finds test declarations by name in one tree. Kept this small so the shared code index
 * (`src/repo/`) can answer it later: Go `func TestX(t *testing.T)`, JS/TS `test('name')` /
 * `it('name')` / `describe('name')`, Python `def test_x`.
 */
export interface TestFinder {
  exists(name: string): Promise<TestLocation | undefined>;
  close(): Promise<void>;
}

/** A test the test-strategy table names for a contract, and whether the head tree declares it. */
export interface TestCheck {
  contract: string;
  name: string;
  found: TestLocation | undefined;
}

export type RunPhase = 'setup' | 'red' | 'green' | 'lint';

/** One command replayed for a task. */
export interface CommandRun {
  phase: RunPhase;
  command: string;
  /** Commit the worktree was at. */
  commit: string;
  /** Files laid over that commit (the task's tests, for the red step). */
  overlay: string[];
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  durationMs: number;
  /** Last lines of stdout + stderr, interleaved as they came. */
  outputTail: string;
  ok: boolean;
}

/**
 * What a commit of the PR is to the plan: a task's commit, the plan's own commit (the plan and its
 * design documents, or a commit that changes nothing), a review fix or follow-up after the
 * planned work, a commit a merge brought in from another branch, or work the plan does not
 * describe committed among the tasks.
 */
export type CommitGroup = 'task' | 'plan' | 'follow-up' | 'merged' | 'unplanned';

/** Why a commit was given to a task ("plan's subject", "contracts BC-1", "files 2/3"). */
export interface CommitEvidence {
  commit: string;
  reasons: string[];
  /** The commit also carries other tasks (the plan's tasks were committed together). */
  shared?: boolean;
}

export interface TaskReport {
  task: number;
  title: string;
  /** Full commit ids, oldest first. */
  commits: string[];
  /** For each of its commits, the evidence that it is this task's. */
  evidence: CommitEvidence[];
  ok: boolean;
  problems: Problem[];
  tests: TestCheck[];
  /** Present when the ledger was replayed. */
  runs?: CommandRun[];
}

export interface VerifyReport {
  ok: boolean;
  plan: string;
  base: string;
  head: string;
  /** Every non-merge commit of base..head, oldest first. */
  commits: Array<Pick<CommitInfo, 'sha' | 'subject' | 'files'> & { task: number | undefined; group: CommitGroup; tasks?: number[] }>;
  /** Merge commits of the range (not checked against the plan). */
  merges: Array<{ sha: string; subject: string }>;
  tasks: TaskReport[];
  /** Problems that belong to no single task. */
  problems: Problem[];
  /** Whether `--run` replayed the commands. */
  ran: boolean;
}

export interface VerifyOptions {
  /** Path of the plan file (read from the file system, not from the history). */
  planPath: string;
  /** Any directory inside the repository. */
  repo: string;
  base: string;
  head?: string;
  /** Overrides the test finder (the default reads the head tree with ast-grep). */
  testFinder?: TestFinder;
}

export interface ReplayOptions {
  /** Per-command time limit in seconds. */
  timeoutSeconds: number;
  /** Shell command run after each checkout in the temporary worktree (e.g. `npm ci`). */
  setup?: string;
  /** Progress lines and the commands before they run. */
  log?: (line: string) => void;
  /** Receives the running child's process group id (or undefined when none), for signal cleanup. */
  onChild?: (pgid: number | undefined) => void;
}
