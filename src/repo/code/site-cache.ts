/**
 * A persistent cache of per-file search results, like ESLint's `--cache`: what a type's search
 * found in one file (its sites, and the factories among them), remembered by the file's path and
 * the SHA-256 of its bytes. A later search of the same type reads each candidate file as before
 * but parses only the files whose bytes it has not seen, so a repeated audit costs about a
 * `git grep` and the reads. An entry cannot go stale: changing a file changes its key, and a
 * new build of microplan (`version`) starts a new cache.
 *
 * One JSON file per repository and type query, under the cache directory. Writes are atomic
 * (temporary file, then rename); a cache that cannot be read or written is ignored, never an
 * error: it only ever saves work.
 */
import type * as Crypto from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ConstructionSite, SiteKind } from '../types.js';
import type { Factory, FileSites } from './language.js';

/**
 * Per-file results of one type's searches. `part` names the search (a module's sites, a round's
 * calls); `digest` is the file's `contentDigest`.
 */
export interface SiteCache {
  get(part: string, file: string, digest: string): Promise<FileSites | undefined>;
  set(part: string, file: string, digest: string, found: FileSites): void;
}

/** What identifies a file in a cache key: the SHA-256 of its bytes. */
export function contentDigest(bytes: Uint8Array): string {
  return crypto().createHash('sha256').update(bytes).digest('base64');
}

let cryptoModule: typeof Crypto | undefined;

/**
 * node:crypto on first use: loading it takes ~3 ms, and a `sites` command reaches its first
 * digest only once git grep is running, where that time is free.
 */
function crypto(): typeof Crypto {
  cryptoModule ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto;
  return cryptoModule;
}

/** FNV-1a, 64 bits, as hex: a file name for a cache, which records what it is for and is checked on reading. */
function fileNameHash(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) hash = ((hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash.toString(16).padStart(16, '0');
}

/** Where a code index finds the cache of each type it is asked about: one cache per type. */
export interface SiteCaches {
  forType(query: string): SiteCache;
}

/** The disk caches of one repository, one per type asked about; `save` writes them all. */
export class DiskSiteCaches implements SiteCaches {
  private readonly byQuery = new Map<string, DiskSiteCache>();

  constructor(private readonly options: { dir: string; root: string; version: string }) {}

  forType(query: string): DiskSiteCache {
    let cache = this.byQuery.get(query);
    if (!cache) {
      cache = DiskSiteCache.open({ ...this.options, query });
      this.byQuery.set(query, cache);
    }
    return cache;
  }

  async save(): Promise<void> {
    await Promise.all([...this.byQuery.values()].map((cache) => cache.save()));
  }
}

/** Entries kept from earlier runs past the ones this run used, so other revisions and branches stay warm. */
const MAX_CARRIED_ENTRIES = 20_000;
/** A cache file not written for this long is deleted (checked when a new one is written). */
const UNUSED_FOR_MS = 30 * 24 * 60 * 60 * 1000;
/** Bump when the stored shape changes. */
const FORMAT = 2;

interface StoredSite {
  line: number;
  column: number;
  endLine: number;
  kind: SiteKind;
  enclosing?: string;
  via?: string;
}

interface StoredFactory {
  name: string;
  container?: string;
  file: string;
  packageName?: string;
  /** [min, max], max -1 for variadic (JSON has no Infinity). */
  arity?: [number, number];
}

interface StoredEntry {
  sites: StoredSite[];
  factories: StoredFactory[];
}

interface StoredCache {
  format: number;
  version: string;
  root: string;
  query: string;
  entries: Record<string, StoredEntry>;
}

/**
 * One type query's cache file for one repository, read on the first `get` (so a search starts
 * `git grep` first, and reads it while git works); `save` writes what changed.
 */
export class DiskSiteCache implements SiteCache {
  private readonly used = new Map<string, StoredEntry>();
  private earlierEntries: Record<string, StoredEntry> | undefined;
  private changed = false;
  /** Whether the file existed when read: writing a new one is when old ones are pruned. */
  private existed = false;

  private constructor(
    private readonly file: string,
    private readonly header: Omit<StoredCache, 'entries'>,
  ) {}

  /**
   * The cache of `query` in the repository at `root`; empty when there is none yet, or when it
   * was written by another build (`version`) or cannot be read.
   */
  static open(options: { dir: string; root: string; query: string; version: string }): DiskSiteCache {
    const { dir, root, query, version } = options;
    const name = fileNameHash(`${root}\0${query}`);
    return new DiskSiteCache(path.join(dir, 'sites', `${name}.json`), { format: FORMAT, version, root, query });
  }

  /** A small file, read in one blocking call: a round trip through libuv's pool costs more here. */
  private earlier(): Record<string, StoredEntry> {
    this.earlierEntries ??= this.read();
    return this.earlierEntries;
  }

  private read(): Record<string, StoredEntry> {
    const { version, root, query } = this.header;
    try {
      const raw = readFileSync(this.file, 'utf8');
      this.existed = true;
      const stored = JSON.parse(raw) as Partial<StoredCache>;
      if (stored.format === FORMAT && stored.version === version && stored.root === root && stored.query === query && stored.entries) {
        return stored.entries;
      }
    } catch {
      // Missing, unreadable or damaged: start empty (and replace it on save).
    }
    return {};
  }

  get(part: string, file: string, digest: string): Promise<FileSites | undefined> {
    const key = `${part}\0${file}\0${digest}`;
    const earlier = this.earlier();
    const entry = this.used.get(key) ?? (Object.hasOwn(earlier, key) ? earlier[key] : undefined);
    // An entry of another shape (a file edited by hand) is a miss, never an error.
    if (!entry || !Array.isArray(entry.sites) || !Array.isArray(entry.factories)) return Promise.resolve(undefined);
    this.used.set(key, entry);
    return Promise.resolve(revive(entry, file));
  }

  set(part: string, file: string, digest: string, found: FileSites): void {
    this.used.set(`${part}\0${file}\0${digest}`, store(found));
    this.changed = true;
  }

  /** Writes the entries this run used or added, then earlier ones up to a bound; a no-op when nothing was added. */
  async save(): Promise<void> {
    if (!this.changed) return;
    const entries: Record<string, StoredEntry> = Object.fromEntries(this.used);
    let carried = 0;
    for (const [key, entry] of Object.entries(this.earlier())) {
      if (carried >= MAX_CARRIED_ENTRIES) break;
      if (Object.hasOwn(entries, key)) continue;
      entries[key] = entry;
      carried++;
    }
    const text = JSON.stringify({ ...this.header, entries } satisfies StoredCache);
    const temporary = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await fs.writeFile(temporary, text);
      await fs.rename(temporary, this.file);
      this.changed = false;
    } catch {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      return;
    }
    // Caches of repositories and types long gone (temporary checkouts) would pile up otherwise.
    if (!this.existed) await pruneUnused(path.dirname(this.file), Date.now() - UNUSED_FOR_MS);
  }
}

/** Deletes the cache files (and stray temporary files) in `dir` last written before `before`; best effort. */
async function pruneUnused(dir: string, before: number): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.endsWith('.json') || name.endsWith('.tmp'))
      .map(async (name) => {
        const file = path.join(dir, name);
        const stat = await fs.stat(file).catch(() => undefined);
        if (stat && stat.mtimeMs < before) await fs.rm(file, { force: true }).catch(() => undefined);
      }),
  );
}

function store(found: FileSites): StoredEntry {
  return {
    sites: found.sites.map((s) => ({
      line: s.line,
      column: s.column,
      endLine: s.endLine,
      kind: s.kind,
      ...(s.enclosing === undefined ? {} : { enclosing: s.enclosing }),
      ...(s.via === undefined ? {} : { via: s.via }),
    })),
    factories: found.factories.map((f) => ({
      name: f.name,
      file: f.file,
      ...(f.container === undefined ? {} : { container: f.container }),
      ...(f.packageName === undefined ? {} : { packageName: f.packageName }),
      ...(f.arity === undefined ? {} : { arity: [f.arity.min, f.arity.max === Infinity ? -1 : f.arity.max] as [number, number] }),
    })),
  };
}

function revive(entry: StoredEntry, file: string): FileSites {
  return {
    sites: entry.sites.map((s): ConstructionSite => {
      const site: ConstructionSite = { file, line: s.line, column: s.column, endLine: s.endLine, kind: s.kind, enclosing: s.enclosing };
      if (s.via !== undefined) site.via = s.via;
      return site;
    }),
    factories: entry.factories.map((f): Factory => {
      const factory: Factory = { name: f.name, container: f.container, file: f.file, packageName: f.packageName };
      if (f.arity) factory.arity = { min: f.arity[0], max: f.arity[1] === -1 ? Infinity : f.arity[1] };
      return factory;
    }),
  };
}
