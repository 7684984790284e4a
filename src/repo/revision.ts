/**
 * A Repository over one commit, read through git plumbing (`ls-tree`, `cat-file --batch`,
 * `grep <rev>`): the working tree, the index and HEAD are never written, so reading the base
 * of a PR cannot disturb the user's work. Files git reports unchanged on disk since the commit
 * (see unchanged.ts) are searched, and once known read, on disk: the same bytes, found faster.
 */
import path from 'node:path';
import { CatFileBatch } from './catfile.js';
import { gitGrep, gitOutput } from './git.js';
import { decodeBytes, MAX_TEXT_BYTES, textBytes } from './limits.js';
import { confinePath, inScope, needles, resolveLinkTarget, scopePathspecs } from './paths.js';
import { RepoError, type FilesContainingOptions, type Repository } from './types.js';
import { unchangedSince } from './unchanged.js';
import { WorkingTreeRepository } from './worktree.js';

interface TreeEntry {
  mode: string;
  objectId: string;
  /** Asked of git on first need (see CatFileBatch). */
  size?: number;
}

const SYMLINK_MODE = '120000';
/** Link chains longer than this are treated as loops (Linux gives up at 40 too). */
const MAX_LINK_HOPS = 40;
/** Changed files per `git grep <rev>` call: keeps the argument list well under the system's limit. */
const CHANGED_BATCH = 500;

export class RevisionRepository implements Repository {
  private tree: Promise<Map<string, TreeEntry>> | undefined;
  private directories: Set<string> | undefined;
  private readonly batch: CatFileBatch;
  private readonly sizes: CatFileBatch;
  /** Files whose disk copy is the revision's (empty when git cannot tell), loaded by the first search. */
  private unchanged: Promise<Set<string>> | undefined;
  private unchangedKnown: Set<string> | undefined;
  private readonly disk: WorkingTreeRepository;

  constructor(
    readonly root: string,
    readonly revision: string,
  ) {
    this.batch = new CatFileBatch(root);
    this.sizes = new CatFileBatch(root, '--batch-check');
    this.disk = new WorkingTreeRepository(root);
  }

  async listFiles(): Promise<string[]> {
    return [...(await this.entries()).keys()];
  }

  async exists(file: string): Promise<boolean> {
    const rel = confinePath(file, this.root);
    if (rel === '') return true;
    const entries = await this.entries();
    if (entries.has(rel)) {
      // A link that leaves the root is refused even when only asked whether it exists.
      await this.resolveLinks(rel, entries);
      return true;
    }
    return this.directorySet(entries).has(rel);
  }

  async readText(file: string): Promise<string | undefined> {
    const bytes = await this.readBytes(file);
    return bytes && decodeBytes(bytes);
  }

  async readBytes(file: string): Promise<Uint8Array | undefined> {
    const rel = confinePath(file, this.root);
    const entries = await this.entries();
    const target = await this.resolveLinks(rel, entries);
    const entry = target === undefined ? undefined : entries.get(target);
    // Size first: an oversized blob is skipped without reading a byte of it.
    if (!entry || target === undefined || !(await this.fits(entry))) return undefined;
    // (A file that went missing on disk since is read from git after all.)
    const onDisk = this.unchangedKnown?.has(target) ? await this.disk.readBytes(target) : undefined;
    if (onDisk !== undefined) return onDisk;
    const bytes = await this.batch.read(entry.objectId);
    if (bytes === undefined) {
      throw new RepoError(`cannot read ${rel} at ${this.revision.slice(0, 12)}: object ${entry.objectId} is missing (shallow or partial clone?); fetch the full history`);
    }
    return textBytes(bytes);
  }

  /**
   * Two searches side by side: git grep on disk, whose hits count for the files unchanged since
   * the revision, and git grep at the revision over the other files (named, when they are few).
   */
  async filesContaining(needle: string | readonly string[], options?: FilesContainingOptions): Promise<string[]> {
    const patterns = needles(needle);
    if (patterns.length === 0) return [];
    const regex = options?.regex ?? false;
    const prefix = `${this.revision}:`;
    const files: string[] = [];
    const consider = async (rel: string, onDisk: boolean): Promise<void> => {
      if ((await this.unchangedFiles()).has(rel) !== onDisk) return; // the other search's file
      const entry = (await this.entries()).get(rel);
      if (entry && entry.mode !== SYMLINK_MODE && inScope(rel, options) && (await this.fits(entry))) {
        files.push(rel);
        options?.onFile?.(rel);
      }
    };
    // Hits are considered one after another, in the order git names them (the tree listing, the
    // unchanged files and the sizes load meanwhile); -I skips binary files, -z keeps odd paths intact.
    let considered = Promise.resolve();
    const found =
      (onDisk: boolean) =>
      (hit: string): void => {
        const rel = hit.startsWith(prefix) ? hit.slice(prefix.length) : hit;
        considered = considered.then(() => consider(rel, onDisk));
      };
    // Their failures are reported by the first hit's wait for them.
    this.entries().catch(() => undefined);
    this.unchangedFiles().catch(() => undefined);
    try {
      await Promise.all([
        gitGrep(this.root, ['-I', '-l', '-z'], patterns, regex, ['--', ...scopePathspecs(options)], found(true)),
        this.searchChanged(patterns, regex, options, found(false)),
      ]);
    } catch (error) {
      await considered.catch(() => undefined);
      throw error;
    }
    await considered;
    return files;
  }

  /** git grep at the revision over the files in scope that are not unchanged on disk. */
  private async searchChanged(
    patterns: readonly string[],
    regex: boolean,
    options: FilesContainingOptions | undefined,
    found: (hit: string) => void,
  ): Promise<void> {
    const [entries, unchanged] = await Promise.all([this.entries(), this.unchangedFiles()]);
    const rest = [...entries.keys()].filter((file) => !unchanged.has(file) && inScope(file, options));
    if (rest.length === 0) return;
    const search = (pathspecs: readonly string[]): Promise<Buffer> =>
      gitGrep(this.root, ['-I', '-l', '-z'], patterns, regex, [this.revision, '--', ...pathspecs], found);
    // Past a few batches (an old revision) one search of the whole tree is cheaper.
    if (rest.length > CHANGED_BATCH * 4) {
      await search(scopePathspecs(options));
      return;
    }
    for (let i = 0; i < rest.length; i += CHANGED_BATCH) await search(rest.slice(i, i + CHANGED_BATCH).map((file) => `:(literal)${file}`));
  }

  private unchangedFiles(): Promise<Set<string>> {
    this.unchanged ??= unchangedSince(this.root, this.revision).then(
      (files) => (this.unchangedKnown = files),
      // Nothing is trusted on disk then: the revision's own search covers every file.
      () => (this.unchangedKnown = new Set<string>()),
    );
    return this.unchanged;
  }

  async close(): Promise<void> {
    await Promise.all([this.batch.close(), this.sizes.close()]);
  }

  private async fits(entry: TreeEntry): Promise<boolean> {
    entry.size ??= (await this.sizes.size(entry.objectId)) ?? Infinity;
    return entry.size <= MAX_TEXT_BYTES;
  }

  /** Follows symlinks inside the tree; undefined when the path (or a link's target) is absent. */
  private async resolveLinks(rel: string, entries: Map<string, TreeEntry>): Promise<string | undefined> {
    let current = rel;
    for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
      const entry = entries.get(current);
      if (!entry) return undefined;
      if (entry.mode !== SYMLINK_MODE) return current;
      const target = (await this.batch.read(entry.objectId))?.toString('utf8');
      if (target === undefined) return undefined;
      current = resolveLinkTarget(current, target, this.root);
    }
    throw new RepoError(`path ${JSON.stringify(rel)} is a symlink loop at ${this.revision.slice(0, 12)}; fix the link`);
  }

  private entries(): Promise<Map<string, TreeEntry>> {
    this.tree ??= this.loadTree();
    return this.tree;
  }

  /** `ls-tree -r` lists every blob; submodules (commits) are left out. */
  private async loadTree(): Promise<Map<string, TreeEntry>> {
    const out = await gitOutput(this.root, ['ls-tree', '-r', '-z', '--full-tree', this.revision]);
    const entries = new Map<string, TreeEntry>();
    for (const record of out.toString('utf8').split('\0')) {
      // "<mode> SP <type> SP <object> TAB <path>"
      const tab = record.indexOf('\t');
      if (tab === -1) continue;
      const [mode, type, objectId] = record.slice(0, tab).split(' ');
      if (type !== 'blob' || mode === undefined || objectId === undefined) continue;
      entries.set(record.slice(tab + 1), { mode, objectId });
    }
    return entries;
  }

  private directorySet(entries: Map<string, TreeEntry>): Set<string> {
    if (!this.directories) {
      const dirs = new Set<string>();
      for (const file of entries.keys()) {
        for (let dir = path.posix.dirname(file); dir !== '.' && !dirs.has(dir); dir = path.posix.dirname(dir)) dirs.add(dir);
      }
      this.directories = dirs;
    }
    return this.directories;
  }
}
