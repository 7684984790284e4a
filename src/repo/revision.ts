/**
 * A Repository over one commit, read through git plumbing (`ls-tree`, `cat-file --batch`,
 * `grep <rev>`): the working tree, the index and HEAD are never touched, so reading the base
 * of a PR cannot disturb the user's work.
 */
import path from 'node:path';
import { CatFileBatch } from './catfile.js';
import { gitGrep, gitOutput } from './git.js';
import { decodeText, MAX_TEXT_BYTES } from './limits.js';
import { confinePath, inScope, needles, resolveLinkTarget, scopePathspecs } from './paths.js';
import { RepoError, type FilesContainingOptions, type Repository } from './types.js';

interface TreeEntry {
  mode: string;
  objectId: string;
  size: number;
}

const SYMLINK_MODE = '120000';
/** Link chains longer than this are treated as loops (Linux gives up at 40 too). */
const MAX_LINK_HOPS = 40;

export class RevisionRepository implements Repository {
  private tree: Promise<Map<string, TreeEntry>> | undefined;
  private directories: Set<string> | undefined;
  private readonly batch: CatFileBatch;

  constructor(
    readonly root: string,
    readonly revision: string,
  ) {
    this.batch = new CatFileBatch(root);
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
    const rel = confinePath(file, this.root);
    const entries = await this.entries();
    const target = await this.resolveLinks(rel, entries);
    const entry = target === undefined ? undefined : entries.get(target);
    // The size comes from ls-tree, so an oversized blob is skipped without reading a byte of it.
    if (!entry || entry.size > MAX_TEXT_BYTES) return undefined;
    const bytes = await this.batch.read(entry.objectId);
    if (bytes === undefined) {
      throw new RepoError(`cannot read ${rel} at ${this.revision.slice(0, 12)}: object ${entry.objectId} is missing (shallow or partial clone?); fetch the full history`);
    }
    return decodeText(bytes);
  }

  async filesContaining(needle: string | readonly string[], options?: FilesContainingOptions): Promise<string[]> {
    if (needles(needle).length === 0) return [];
    const prefix = `${this.revision}:`;
    const files: string[] = [];
    let entries: Map<string, TreeEntry> | undefined;
    // Hits that arrive before the tree listing has loaded wait for it.
    const early: string[] = [];
    const found = (hit: string): void => {
      if (!entries) {
        early.push(hit);
        return;
      }
      const rel = hit.startsWith(prefix) ? hit.slice(prefix.length) : hit;
      const entry = entries.get(rel);
      if (entry && entry.mode !== SYMLINK_MODE && entry.size <= MAX_TEXT_BYTES && inScope(rel, options)) {
        files.push(rel);
        options?.onFile?.(rel);
      }
    };
    // -I skips binary files, -z keeps odd paths intact; the tree listing loads meanwhile.
    const listed = this.entries().then((loaded) => {
      entries = loaded;
      for (const hit of early.splice(0)) found(hit);
    });
    const grep = gitGrep(
      this.root,
      ['-I', '-l', '-z'],
      needles(needle),
      options?.regex ?? false,
      [this.revision, '--', ...scopePathspecs(options)],
      found,
    );
    await Promise.all([listed, grep]);
    return files;
  }

  close(): Promise<void> {
    return this.batch.close();
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

  /** `ls-tree -r -l` lists every blob with its size; submodules (commits) are left out. */
  private async loadTree(): Promise<Map<string, TreeEntry>> {
    const out = await gitOutput(this.root, ['ls-tree', '-r', '-z', '-l', '--full-tree', this.revision]);
    const entries = new Map<string, TreeEntry>();
    for (const record of out.toString('utf8').split('\0')) {
      // "<mode> SP <type> SP <object> SP+ <size> TAB <path>"
      const tab = record.indexOf('\t');
      if (tab === -1) continue;
      const [mode, type, objectId, size] = record.slice(0, tab).split(/ +/);
      if (type !== 'blob' || mode === undefined || objectId === undefined) continue;
      entries.set(record.slice(tab + 1), { mode, objectId, size: Number(size) });
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
