/**
 * Path confinement: every path a caller hands to a Repository is repo-relative and must stay
 * inside the root. This is the lexical half (absolute paths, `..`); the readers add the symlink
 * half because only they know what a link points to.
 */
import path from 'node:path';
import { RepoError, type SearchScope } from './types.js';

/**
 * Normalises a caller's path to a clean repo-relative POSIX path ("" for the root itself).
 * Throws RepoError naming the path for absolute paths and paths that climb out with `..`.
 */
export function confinePath(input: string, root: string): string {
  if (input.includes('\0')) {
    throw new RepoError(`path ${JSON.stringify(input)} contains a NUL byte; give a plain repository-relative path`);
  }
  if (path.posix.isAbsolute(input) || path.win32.isAbsolute(input)) {
    throw new RepoError(
      `path ${JSON.stringify(input)} is absolute; give a path relative to the repository root ${root}`,
    );
  }
  const normal = path.posix.normalize(input);
  if (normal === '..' || normal.startsWith('../')) {
    throw new RepoError(
      `path ${JSON.stringify(input)} leaves the repository root ${root}; give a path inside the repository`,
    );
  }
  if (normal === '.' || normal === './') return '';
  return normal.replace(/\/+$/, '');
}

/**
 * Resolves a symlink target found at `linkPath` (both repo-relative) to a repo-relative path,
 * or throws RepoError when the link points outside the root.
 */
export function resolveLinkTarget(linkPath: string, target: string, root: string): string {
  const outside = (): RepoError =>
    new RepoError(
      `path ${JSON.stringify(linkPath)} is a symlink to ${target}, outside the repository root ${root}; refer to a file inside the repository`,
    );
  if (path.posix.isAbsolute(target)) throw outside();
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(linkPath), target));
  if (joined === '..' || joined.startsWith('../')) throw outside();
  return joined === '.' ? '' : joined;
}

/** True when `child` (absolute, resolved) is `parent` or lies beneath it. */
export function isWithin(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Is a repo-relative file inside the scope? No limit for what the scope leaves out. */
export function inScope(file: string, scope: SearchScope | undefined): boolean {
  const extensions = scope?.extensions;
  const directories = scope?.directories;
  return (
    (extensions === undefined || extensions.some((ext) => file.endsWith(ext))) &&
    (directories === undefined || directories.some((dir) => dir === '' || file.startsWith(`${dir}/`)))
  );
}

/**
 * Pathspecs for `git grep`/`git ls-files` limiting to a scope. `*` crosses `/` in git pathspecs,
 * so `dir/*.go` reaches subdirectories too, as inScope does; wildcard characters in names are
 * escaped.
 */
export function scopePathspecs(scope: SearchScope | undefined): string[] {
  const endings = scope?.extensions?.map((ext) => `*${escapeWildcards(ext)}`) ?? ['*'];
  if (scope?.directories === undefined) return scope?.extensions === undefined ? [] : endings;
  return scope.directories.flatMap((dir) => endings.map((ending) => (dir === '' ? ending : `${escapeWildcards(dir)}/${ending}`)));
}

function escapeWildcards(name: string): string {
  return name.replace(/[*?[\\]/g, '\\$&');
}

/** One needle or several, as a list. */
export function needles(needle: string | readonly string[]): readonly string[] {
  return typeof needle === 'string' ? [needle] : needle;
}
