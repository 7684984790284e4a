/**
 * Whether a file can be written at a path, checked before a command writes anything (init) or
 * asks a model anything (draft): the answer is one line naming what is in the way.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, relative } from 'node:path';

export { fileSystemMessage } from '../errors.js';

/**
 * Why `path` cannot be created or replaced as a regular file, or undefined when it can. The
 * directories a message names are shown relative to `base` when given.
 */
export function targetProblem(path: string, base?: string): string | undefined {
  const show = (dir: string): string => (base ? relative(base, dir) || '.' : dir);
  const st = statOrUndefined(path);
  if (st?.isDirectory()) return 'is a directory, not a file: move it aside or choose another path';
  if (st && !st.isFile()) return 'is not a regular file: move it aside or choose another path';
  // The nearest existing ancestor must be a directory this process may write into.
  let dir = dirname(path);
  for (;;) {
    const d = statOrUndefined(dir);
    if (d) {
      if (!d.isDirectory()) return `${show(dir)} is a file, not a directory: move it aside or choose another path`;
      try {
        accessSync(dir, constants.W_OK | constants.X_OK);
      } catch {
        return `cannot write in ${show(dir)} (permission denied): make it writable or choose another path`;
      }
      return undefined;
    }
    const parent = dirname(dir);
    if (parent === dir) return `no existing directory above it: check the path`;
    dir = parent;
  }
}

export function isDirectory(path: string): boolean {
  return statOrUndefined(path)?.isDirectory() === true;
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // ENOTDIR: a file stands where a directory of the path should be; the walk up finds it.
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}
