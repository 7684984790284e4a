import { relative } from 'node:path';

/**
 * Errors the user can fix. Library code throws InputError for bad input (a missing file, a
 * wrong option, a broken config); the CLI prints its message alone — no stack — and exits 2.
 * RepoError (repo/types.ts) is treated the same way.
 */
export class InputError extends Error {
  override name = 'InputError';
}

/** A Node system error (ENOENT, EACCES, …) rather than a bug. */
export function isSystemError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && typeof (err as NodeJS.ErrnoException).syscall === 'string';
}

/** One line for a file-system error (a Node system error): the path (relative to `base`) and what to do. */
export function fileSystemMessage(err: unknown, base: string): string {
  const e = err as NodeJS.ErrnoException;
  const path = e.path ? relative(base, e.path) || e.path : 'a file';
  const what: Record<string, string> = {
    EACCES: 'permission denied: check its permissions (and its directory\'s)',
    EPERM: 'operation not permitted: check its permissions (and its directory\'s)',
    ENOENT: 'no such file or directory: check the path',
    EEXIST: 'a file is in the way: move it aside',
    ENOTDIR: 'a file stands where a directory should be: move it aside',
    EISDIR: 'is a directory, not a file: move it aside',
    ENOSPC: 'the disk is full: free some space',
    EROFS: 'the file system is read-only',
  };
  return `${path}: ${e.code && what[e.code] ? what[e.code] : `${e.syscall ?? 'access'} failed (${e.code ?? e.message})`}`;
}
