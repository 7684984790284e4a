/**
 * Finding a working tree's top directory without starting git, for the common case: walk up from
 * the directory to the first `.git` directory, as git's own discovery does. A command that runs
 * git two or three times in all saves one process start on its way to the first `git grep`.
 *
 * Only the plain case is answered; anything git might treat differently answers undefined, and
 * the caller asks `git rev-parse` (which also words the errors): a `.git` file (linked worktrees,
 * submodules), a directory that is itself a git directory (bare repositories, inside `.git`),
 * another owner (git's safe.directory check), a file-system boundary on the way up, and
 * configuration that can move the working tree (`core.worktree`, includes, config given in the
 * environment).
 */
import { lstatSync, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

/** `dir` must be a real (symlink-free) absolute path: git walks up the physical directories. */
export function workTreeOnDisk(dir: string): string | undefined {
  if (process.env.GIT_CONFIG_PARAMETERS !== undefined || process.env.GIT_CONFIG_COUNT !== undefined) return undefined;
  try {
    const device = statOf(dir)?.dev;
    for (let level = dir; ; level = path.dirname(level)) {
      if (path.basename(level) === '.git' || looksLikeGitDir(level)) return undefined;
      const dotGit = lstatOf(path.join(level, '.git'));
      if (dotGit) return dotGit.isDirectory() && plainRepository(level, dotGit) ? level : undefined;
      const parent = path.dirname(level);
      if (parent === level || statOf(parent)?.dev !== device) return undefined;
    }
  } catch {
    return undefined; // A directory we may not read: git will say what is wrong.
  }
}

function plainRepository(top: string, dotGit: Stats): boolean {
  const uid = process.getuid?.();
  if (uid === undefined || dotGit.uid !== uid || statOf(top)?.uid !== uid) return false;
  if (!statOf(path.join(top, '.git', 'HEAD'))?.isFile()) return false;
  let config: string;
  try {
    config = readFileSync(path.join(top, '.git', 'config'), 'utf8');
  } catch {
    return false;
  }
  // Plain-text tests of a small config file: anything that could matter sends the caller to git.
  if (/worktree|include/i.test(config)) return false;
  return [...config.matchAll(/^\s*bare\s*=\s*(\S*)/gim)].every((m) => m[1]?.toLowerCase() === 'false');
}

/** A bare repository's layout: git would stop here, not at a `.git` further up. */
function looksLikeGitDir(dir: string): boolean {
  return Boolean(statOf(path.join(dir, 'HEAD'))?.isFile() && statOf(path.join(dir, 'objects'))?.isDirectory());
}

function statOf(file: string): Stats | undefined {
  return statSync(file, { throwIfNoEntry: false });
}

function lstatOf(file: string): Stats | undefined {
  return lstatSync(file, { throwIfNoEntry: false });
}
