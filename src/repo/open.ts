/**
 * The one way in: `openRepository({ dir })` for the working tree, `{ dir, revision }` for a
 * commit. Every failure a user can cause is a one-line RepoError that names the thing.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gitOutput, runGit, splitNul } from './git.js';
import { workTreeOnDisk } from './discover.js';
import { RevisionRepository } from './revision.js';
import { MissingRevisionError, RepoError, type Repository } from './types.js';
import { WorkingTreeRepository } from './worktree.js';

export interface OpenRepositoryOptions {
  /** Any directory inside the repository; the root is found from it. */
  dir: string;
  /** A commit-ish (branch, tag, sha, `HEAD~2`); omitted for the working tree. */
  revision?: string | undefined;
}

export async function openRepository(options: OpenRepositoryOptions): Promise<Repository> {
  const dir = path.resolve(options.dir);
  // A working tree's untracked files are listed beside the search for its root rather than
  // later beside the first `git grep`: on a machine with few cores the two walks of the tree
  // slow each other down, and this one has the time it takes the caller to set up (a CLI loads
  // its code meanwhile). Paths relative to the top (`:/`), wherever `dir` is.
  const untracked =
    options.revision === undefined
      ? gitOutput(dir, ['ls-files', '-z', '--others', '--exclude-standard', '--full-name', '--', ':/']).then(splitNul, () => undefined)
      : undefined;
  const root = await findRoot(dir);
  if (options.revision === undefined) return new WorkingTreeRepository(root, { ...(untracked ? { untracked } : {}) });
  return new RevisionRepository(root, await resolveRevision(root, options.revision));
}

async function findRoot(dir: string): Promise<string> {
  const stat = await fs.stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
      throw new RepoError(`directory ${dir} does not exist; give the path of a git repository`);
    }
    throw new RepoError(`cannot open directory ${dir}: ${error.message}`);
  });
  if (!stat.isDirectory()) throw new RepoError(`${dir} is not a directory; give the path of a git repository`);
  const onDisk = workTreeOnDisk(await fs.realpath(dir));
  if (onDisk !== undefined) return onDisk;
  const outcome = await runGit(dir, ['rev-parse', '--show-toplevel']);
  if (outcome.code !== 0) {
    if (/not a git repository/i.test(outcome.stderr)) {
      throw new RepoError(`${dir} is not a git repository; run \`git init\` there or give a directory inside a git repository`);
    }
    if (/work tree/i.test(outcome.stderr)) {
      throw new RepoError(`${dir} is a git directory without a working tree (bare?); give the path of a checkout`);
    }
    throw new RepoError(`cannot use ${dir} as a git repository: ${outcome.stderr.split('\n')[0] ?? 'git rev-parse failed'}`);
  }
  // Real path, so symlink confinement compares like with like.
  return fs.realpath(outcome.stdout.toString('utf8').trim());
}

async function resolveRevision(root: string, revision: string): Promise<string> {
  if (revision.trim() === '') throw new RepoError('the revision is empty; give a branch, tag or commit sha');
  // --end-of-options: a revision starting with "-" is a name, never an option.
  const outcome = await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  if (outcome.code !== 0) {
    const shallow = (await runGit(root, ['rev-parse', '--is-shallow-repository'])).stdout.toString('utf8').trim() === 'true';
    throw new MissingRevisionError(
      shallow
        ? `revision ${JSON.stringify(revision)} is not in ${root}, a shallow clone whose history stops before it; fetch the full history (\`git fetch --unshallow\`, or \`fetch-depth: 0\` in actions/checkout)`
        : `revision ${JSON.stringify(revision)} does not exist in ${root}; check the name with \`git log --oneline\` or fetch it`,
      revision,
      shallow,
    );
  }
  return outcome.stdout.toString('utf8').trim();
}
