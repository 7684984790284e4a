/**
 * The git questions verification asks (commits of a range, files of a commit, a path at a
 * commit), over the repository layer's git runner — which strips the variables that would
 * redirect git to another repository or index.
 */
import { stat } from 'node:fs/promises';
import { runGit } from '../repo/git.js';
import { RepoError } from '../repo/types.js';
import type { CommitInfo } from './types.js';

export { cleanEnv, gitEnv, runGit } from '../repo/git.js';

/** Runs git and returns stdout as text, or throws RepoError with git's first line of complaint. */
export async function git(cwd: string, args: readonly string[]): Promise<string> {
  const r = await runGit(cwd, args);
  if (r.code !== 0) {
    const reason = r.stderr.split('\n')[0] || `exit code ${r.code}`;
    throw new RepoError(`git ${args[0] ?? ''} failed in ${cwd}: ${reason}`);
  }
  return r.stdout.toString('utf8');
}

/** The top directory of the repository containing `dir`. */
export async function repoRoot(dir: string): Promise<string> {
  const st = await stat(dir).catch(() => undefined);
  if (!st || !st.isDirectory()) throw new RepoError(`${dir} is not a directory: pass --repo <dir> with the repository to verify`);
  const r = await runGit(dir, ['rev-parse', '--show-toplevel']);
  if (r.code !== 0) throw new RepoError(`${dir} is not inside a git repository: pass --repo <dir> with the repository to verify`);
  return r.stdout.toString('utf8').trim();
}

/** The full commit id a revision names; RepoError naming the revision when there is none. */
export async function resolveCommit(root: string, rev: string, what: string): Promise<string> {
  // A revision that starts with "-" would be read as an option.
  if (rev === '' || rev.startsWith('-')) throw new RepoError(`${what} revision '${rev}' is not valid: give a branch, tag or commit id`);
  const r = await runGit(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  if (r.code !== 0) throw new RepoError(`${what} revision '${rev}' does not name a commit in ${root}: give a branch, tag or commit id (see git log)`);
  return r.stdout.toString('utf8').trim();
}

/** Non-merge commits reachable from head but not from base, oldest first. */
export async function listCommits(root: string, base: string, head: string): Promise<CommitInfo[]> {
  const log = await git(root, ['log', '--reverse', '--topo-order', '--no-merges', '--format=%H%x1f%P%x1f%B%x1e', `${base}..${head}`]);
  const commits: CommitInfo[] = [];
  for (const record of log.split('\x1e')) {
    const [sha, parents, message] = record.replace(/^\n/, '').split('\x1f');
    if (!sha || message === undefined) continue;
    const text = message.trim();
    commits.push({
      sha,
      parents: parents ? parents.split(' ').filter(Boolean) : [],
      subject: text.split('\n')[0] ?? '',
      message: text,
      files: await changedFiles(root, sha),
    });
  }
  return commits;
}

/** Commits of base..head on head's first-parent line: the branch's own, not those a merge brought in. */
export async function firstParentCommits(root: string, base: string, head: string): Promise<Set<string>> {
  const out = await git(root, ['rev-list', '--first-parent', `${base}..${head}`]);
  return new Set(out.split('\n').filter(Boolean));
}

/** Merge commits of base..head, oldest first. */
export async function listMerges(root: string, base: string, head: string): Promise<Array<{ sha: string; subject: string }>> {
  const out = await git(root, ['log', '--reverse', '--merges', '--format=%H%x1f%s', `${base}..${head}`]);
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [sha, subject] = l.split('\x1f');
      return { sha: sha!, subject: subject ?? '' };
    });
}

/** The text of a file at a commit, or undefined when it is not there. */
export async function fileAt(root: string, sha: string, path: string): Promise<string | undefined> {
  const r = await runGit(root, ['show', `${sha}:${path}`]);
  return r.code === 0 ? r.stdout.toString('utf8') : undefined;
}

async function changedFiles(root: string, sha: string): Promise<string[]> {
  const out = await git(root, ['diff-tree', '--no-commit-id', '-r', '--name-only', '--no-renames', '--root', '-z', sha]);
  return out.split('\0').filter((p) => p !== '');
}

/** Whether `path` exists in the tree of `sha`. */
export async function existsAt(root: string, sha: string, path: string): Promise<boolean> {
  const r = await runGit(root, ['cat-file', '-e', `${sha}:${path}`]);
  return r.code === 0;
}
