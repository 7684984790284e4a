/**
 * A Repository over the working tree as it is on disk now: tracked files plus untracked files
 * git does not ignore, i.e. what the user would commit next.
 */
import { closeSync, fstatSync, openSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { gitGrep, gitOutput, splitNul } from './git.js';
import { decodeBytes, MAX_TEXT_BYTES, textBytes } from './limits.js';
import { confinePath, inScope, isWithin, needles, scopePathspecs } from './paths.js';
import { RepoError, type FilesContainingOptions, type Repository } from './types.js';

const GITLINK_MODE = '160000';
/** Untracked files per `git grep` call: keeps the argument list well under the system's limit. */
const UNTRACKED_BATCH = 500;

export class WorkingTreeRepository implements Repository {
  readonly revision = undefined;
  private files: Promise<string[]> | undefined;
  private untracked: Promise<string[]> | undefined;

  /**
   * `root` must be the real (symlink-free) path of the top-level directory. `untracked` may be
   * the untracked-file listing already under way (undefined when it failed: listed again).
   */
  constructor(
    readonly root: string,
    options: { untracked?: Promise<string[] | undefined> } = {},
  ) {
    const early = options.untracked;
    if (early) this.untracked = early.then((files) => files ?? this.listUntracked());
  }

  listFiles(): Promise<string[]> {
    this.files ??= this.loadFiles();
    return this.files;
  }

  async exists(file: string): Promise<boolean> {
    return this.resolve(file) !== undefined;
  }

  /**
   * Synchronous system calls on purpose: a source file is small and usually in the page cache, so
   * five round trips through libuv's thread pool buy nothing, and they queue behind the parses
   * that share that pool (measured alone, the change was within noise, ~2%). The method stays
   * async, as the interface is.
   */
  async readText(file: string): Promise<string | undefined> {
    const bytes = await this.readBytes(file);
    return bytes && decodeBytes(bytes);
  }

  async readBytes(file: string): Promise<Uint8Array | undefined> {
    const absolute = this.resolve(file);
    if (absolute === undefined) return undefined;
    let fd: number | undefined;
    try {
      fd = openSync(absolute, 'r');
      const stat = fstatSync(fd);
      // Size first: an oversized file is skipped without reading it.
      if (!stat.isFile() || stat.size > MAX_TEXT_BYTES) return undefined;
      return textBytes(readFileSync(fd));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR') return undefined;
      throw new RepoError(`cannot read ${confinePath(file, this.root)} in ${this.root}: ${describe(error)}; check its permissions`);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  async filesContaining(needle: string | readonly string[], options?: FilesContainingOptions): Promise<string[]> {
    const patterns = needles(needle);
    if (patterns.length === 0) return [];
    const regex = options?.regex ?? false;
    const pathspecs = scopePathspecs(options);
    const hits: string[] = [];
    const found = (file: string): void => {
      // git grep has no size limit; stat each hit (few) to drop oversized files.
      if (!inScope(file, options) || fileSize(path.join(this.root, file)) > MAX_TEXT_BYTES) return;
      hits.push(file);
      options?.onFile?.(file);
    };
    // Tracked plus untracked-not-ignored files, as listFiles; -I skips binary files. Not one
    // `grep --untracked`: its walk of the whole tree for untracked files costs half as much
    // again as the grep, and usually finds none. Listing them runs beside the tracked grep.
    const [, untracked] = await Promise.all([
      gitGrep(this.root, ['-I', '-l', '-z'], patterns, regex, ['--', ...pathspecs], found),
      this.untrackedFiles(),
    ]);
    const candidates = untracked.filter((file) => inScope(file, options));
    for (const file of await this.untrackedContaining(candidates, patterns, regex, pathspecs)) found(file);
    return hits;
  }

  /**
   * The untracked files that contain a pattern: named as literal pathspecs, a batch at a time;
   * past a few batches (an unignored build directory) one walk of the tree is cheaper.
   */
  private async untrackedContaining(
    files: readonly string[],
    patterns: readonly string[],
    regex: boolean,
    pathspecs: readonly string[],
  ): Promise<string[]> {
    if (files.length > UNTRACKED_BATCH * 4) {
      const all = splitNul(await gitGrep(this.root, ['--untracked', '-I', '-l', '-z'], patterns, regex, ['--', ...pathspecs]));
      const untracked = new Set(files);
      return all.filter((file) => untracked.has(file));
    }
    const found: string[] = [];
    for (let i = 0; i < files.length; i += UNTRACKED_BATCH) {
      const batch = files.slice(i, i + UNTRACKED_BATCH).map((file) => `:(literal)${file}`);
      found.push(...splitNul(await gitGrep(this.root, ['--untracked', '-I', '-l', '-z'], patterns, regex, ['--', ...batch])));
    }
    return found;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * Absolute, symlink-resolved path of a repo-relative path, or undefined when nothing is there.
   * Throws RepoError for paths that leave the root, lexically or through a symlink.
   */
  private resolve(file: string): string | undefined {
    const rel = confinePath(file, this.root);
    const lexical = path.join(this.root, rel);
    let real: string;
    try {
      // libc's realpath: one call, where Node's own walks the path a component at a time.
      real = realpathSync.native(lexical);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        this.refuseDanglingEscape(rel);
        return undefined;
      }
      if (code === 'ELOOP') throw new RepoError(`path ${JSON.stringify(rel)} is a symlink loop in ${this.root}; fix the link`);
      throw new RepoError(`cannot read ${rel} in ${this.root}: ${describe(error)}; check its permissions`);
    }
    if (!isWithin(this.root, real)) {
      throw new RepoError(
        `path ${JSON.stringify(rel)} is a symlink to ${real}, outside the repository root ${this.root}; refer to a file inside the repository`,
      );
    }
    return real;
  }

  /** A dangling link whose target would be outside the root is refused too, not reported missing. */
  private refuseDanglingEscape(rel: string): void {
    const absolute = path.join(this.root, rel);
    let target: string;
    try {
      target = readlinkSync(absolute);
    } catch {
      return;
    }
    const resolved = path.resolve(path.dirname(absolute), target);
    if (!isWithin(this.root, resolved)) {
      throw new RepoError(
        `path ${JSON.stringify(rel)} is a symlink to ${target}, outside the repository root ${this.root}; refer to a file inside the repository`,
      );
    }
  }

  /** Tracked (minus deleted and submodules) plus untracked-not-ignored files. */
  private async loadFiles(): Promise<string[]> {
    const [staged, others, deleted] = await Promise.all([
      gitOutput(this.root, ['ls-files', '-z', '--stage']),
      this.untrackedFiles(),
      gitOutput(this.root, ['ls-files', '-z', '--deleted']),
    ]);
    const gone = new Set(splitNul(deleted));
    const files = new Set<string>();
    for (const record of splitNul(staged)) {
      // "<mode> SP <object> SP <stage> TAB <path>"; several stages of one path during a merge.
      const tab = record.indexOf('\t');
      const file = record.slice(tab + 1);
      if (record.startsWith(GITLINK_MODE) || gone.has(file)) continue;
      files.add(file);
    }
    for (const file of others) files.add(file);
    return [...files];
  }

  /**
   * Untracked files git does not ignore, listed once per repository object like listFiles: the
   * walk of the whole tree costs a third of a search, and a site audit with factory calls
   * searches several times (each search filters the list by extension).
   */
  private untrackedFiles(): Promise<string[]> {
    this.untracked ??= this.listUntracked();
    return this.untracked;
  }

  private async listUntracked(): Promise<string[]> {
    return splitNul(await gitOutput(this.root, ['ls-files', '-z', '--others', '--exclude-standard']));
  }
}

/** Size in bytes, Infinity when the file cannot be stat'ed (it is then left out). */
function fileSize(absolute: string): number {
  try {
    return statSync(absolute).size;
  } catch {
    return Infinity;
  }
}

function describe(error: unknown): string {
  const errno = error as NodeJS.ErrnoException;
  if (errno.code === 'EACCES' || errno.code === 'EPERM') return 'permission denied';
  return errno.message ?? String(error);
}
