/**
 * A temporary, detached git worktree for replaying a plan's commands. The user's working tree,
 * index, HEAD and branches are never touched: everything happens in a directory under the
 * system temp dir, registered with `git worktree add --detach` and removed with
 * `git worktree remove --force` + `git worktree prune` — on success, on failure and on a signal.
 *
 * Hooks are disabled for every git call here: a post-checkout hook of the user's repository has
 * no business running on a replay checkout.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { RepoError } from '../repo/types.js';
import { gitEnv, runGit } from './git.js';

const NO_HOOKS = ['-c', 'core.hooksPath=/dev/null'];
const TMP_PREFIX = 'microplan-verify-';
/** Beside the worktree, in its temporary directory: the process that made it. */
const OWNER_FILE = 'owner.pid';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the worktrees an earlier run left registered when it was killed (SIGKILL leaves no
 * chance to clean up): ours by their directory's name, stale when the process that wrote their
 * owner file is gone. `git worktree prune` alone keeps them, as their directories still exist.
 */
export function pruneStaleWorktrees(root: string): string[] {
  const opts = { cwd: root, env: gitEnv(), encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'], timeout: 30_000 };
  let listing: string;
  try {
    listing = execFileSync('git', ['worktree', 'list', '--porcelain', '-z'], opts);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of listing.split('\0')) {
    if (!entry.startsWith('worktree ')) continue;
    const tree = entry.slice('worktree '.length);
    const tmp = dirname(tree);
    if (basename(tree) !== 'tree' || !basename(tmp).startsWith(TMP_PREFIX)) continue;
    let owner: number | undefined;
    try {
      owner = Number(readFileSync(join(tmp, OWNER_FILE), 'utf8').trim());
    } catch {
      owner = undefined; // no owner file: a run killed before writing it, or the directory is gone
    }
    if (owner !== undefined && Number.isInteger(owner) && owner > 0 && isAlive(owner)) continue;
    try {
      execFileSync('git', [...NO_HOOKS, 'worktree', 'remove', '--force', '--force', tree], opts);
    } catch {
      // Already half gone: the rm and prune below settle it.
    }
    rmSync(tmp, { recursive: true, force: true });
    removed.push(tree);
  }
  if (removed.length > 0) {
    try {
      execFileSync('git', ['worktree', 'prune'], opts);
    } catch {
      // Nothing left to prune.
    }
  }
  return removed;
}

export class TempWorktree {
  private removed = false;
  /** The git process working on the worktree right now, stopped first when removing it. */
  private active: ChildProcess | undefined;

  private constructor(
    /** Repository root (the main working tree). */
    readonly root: string,
    /** The temporary directory holding the worktree. */
    readonly tmp: string,
    /** The worktree itself. */
    readonly path: string,
  ) {}

  /**
   * Reserves the temp directory; `add` registers the worktree. Split in two so a signal handler
   * can be installed before git starts writing anything.
   */
  static reserve(root: string): TempWorktree {
    pruneStaleWorktrees(root);
    const tmp = mkdtempSync(join(tmpdir(), TMP_PREFIX));
    writeFileSync(join(tmp, OWNER_FILE), `${process.pid}\n`);
    return new TempWorktree(root, tmp, join(tmp, 'tree'));
  }

  async add(sha: string): Promise<void> {
    const r = await runGit(this.root, [...NO_HOOKS, 'worktree', 'add', '--detach', '--quiet', this.path, sha], { onSpawn: (c) => (this.active = c) });
    if (r.code !== 0) throw new RepoError(`cannot create a temporary worktree at ${this.path}: ${r.stderr.split('\n')[0] ?? ''}`);
  }

  /**
   * A pristine checkout of `sha` (untracked and ignored files removed, so no build output of an
   * earlier step leaks into this one), optionally with `files` taken from `overlayFrom`.
   */
  async checkout(sha: string, overlay?: { from: string; files: string[] }): Promise<void> {
    await this.git(['checkout', '--detach', '--force', '--quiet', sha]);
    await this.git(['clean', '-ffdxq']);
    if (overlay && overlay.files.length > 0) await this.git(['checkout', overlay.from, '--', ...overlay.files]);
  }

  private async git(args: string[]): Promise<void> {
    const r = await runGit(this.path, [...NO_HOOKS, ...args], { onSpawn: (c) => (this.active = c) });
    if (r.code !== 0) throw new RepoError(`git ${args[0] ?? ''} failed in the temporary worktree ${this.path}: ${r.stderr.split('\n')[0] ?? ''}`);
  }

  /**
   * Removes the worktree and its directory. Synchronous so a signal handler can call it right
   * before exiting; safe to call twice and after a partial `add`.
   */
  removeSync(): void {
    if (this.removed) return;
    this.removed = true;
    // A checkout still writing would recreate files after the rm below.
    if (this.active && this.active.exitCode === null && this.active.signalCode === null) this.active.kill('SIGKILL');
    const opts = { cwd: this.root, env: gitEnv(), stdio: 'ignore' as const, timeout: 30_000 };
    try {
      execFileSync('git', [...NO_HOOKS, 'worktree', 'remove', '--force', '--force', this.path], opts);
    } catch {
      // Not registered (add never ran) or already gone: the rm and prune below settle it.
    }
    rmSync(this.tmp, { recursive: true, force: true });
    try {
      execFileSync('git', ['worktree', 'prune'], opts);
    } catch {
      // Nothing left to prune.
    }
  }
}
