/**
 * The persistent cache of per-file site results: a repeated search is answered from it, a changed
 * file is searched again, and a cache that does not belong (another build, damaged) is ignored.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RepositoryCodeIndex } from '../../src/repo/code/code-index.js';
import type { FileSites } from '../../src/repo/code/language.js';
import { DiskSiteCache, type SiteCache } from '../../src/repo/code/site-cache.js';
import { openRepository } from '../../src/repo/open.js';
import type { ConstructionSite } from '../../src/repo/types.js';
import { fixtureRepo, tempDir, type TempRepo } from './git-fixture.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/microplan.js');

/** A cache that counts what it answered, around the real one. */
class CountingCache implements SiteCache {
  hits = 0;
  misses = 0;
  constructor(readonly inner: DiskSiteCache) {}
  async get(part: string, file: string, digest: string): Promise<FileSites | undefined> {
    const found = await this.inner.get(part, file, digest);
    if (found) this.hits++;
    else this.misses++;
    return found;
  }
  set(part: string, file: string, digest: string, found: FileSites): void {
    this.inner.set(part, file, digest, found);
  }
}

describe('site cache', () => {
  let fixture: TempRepo;
  let cacheDir: string;

  beforeEach(() => {
    fixture = fixtureRepo('go');
    cacheDir = tempDir('microplan-cache-');
  });
  afterEach(() => fixture.remove());

  async function search(type: string, version = 'v1'): Promise<{ sites: ConstructionSite[]; cache: CountingCache }> {
    const repo = await openRepository({ dir: fixture.dir });
    const cache = new CountingCache(DiskSiteCache.open({ dir: cacheDir, root: repo.root, query: type, version }));
    const sites = await new RepositoryCodeIndex(repo, { siteCaches: { forType: () => cache } }).constructionSites(type);
    await cache.inner.save();
    await repo.close();
    return { sites, cache };
  }

  async function uncached(type: string): Promise<ConstructionSite[]> {
    const repo = await openRepository({ dir: fixture.dir });
    const sites = await new RepositoryCodeIndex(repo).constructionSites(type);
    await repo.close();
    return sites;
  }

  it('answers a repeated search from the cache, with the same sites as a search without one', async () => {
    const first = await search('server.Config');
    expect(first.cache.hits).toBe(0);
    expect(first.cache.misses).toBeGreaterThan(0);
    const second = await search('server.Config');
    expect(second.cache.misses).toBe(0);
    expect(second.cache.hits).toBe(first.cache.misses);
    expect(second.sites).toEqual(first.sites);
    expect(second.sites).toEqual(await uncached('server.Config'));
    // Factory calls come from the cache too.
    expect(second.sites.filter((s) => s.kind === 'factory-call').length).toBeGreaterThan(0);
  });

  it('searches a file again when its text changed, and only that file', async () => {
    const first = await search('server.Config');
    fixture.write('server/literals.go', `${readFileSync(path.join(fixture.dir, 'server/literals.go'), 'utf8')}\nvar added = Config{}\n`);
    const second = await search('server.Config');
    expect(second.cache.misses).toBe(1);
    expect(second.sites).toHaveLength(first.sites.length + 1);
    expect(second.sites).toEqual(await uncached('server.Config'));
  });

  it('keeps the results of each type apart', async () => {
    await search('server.Config');
    const pair = await search('Pair');
    expect(pair.cache.hits).toBe(0);
    expect(pair.sites.map((s) => `${s.file}:${s.line}`)).toEqual(['server/literals.go:21', 'server/literals.go:22']);
  });

  it('ignores a cache written by another build of microplan', async () => {
    await search('server.Config', 'v1');
    const other = await search('server.Config', 'v2');
    expect(other.cache.hits).toBe(0);
  });

  it('ignores a damaged cache file and replaces it with a good one', async () => {
    await search('server.Config');
    const [file] = readdirSync(path.join(cacheDir, 'sites'));
    writeFileSync(path.join(cacheDir, 'sites', file!), '{"format": 1, "entries": {');
    const damaged = await search('server.Config');
    expect(damaged.cache.hits).toBe(0);
    expect(damaged.sites).toEqual(await uncached('server.Config'));
    expect(() => JSON.parse(readFileSync(path.join(cacheDir, 'sites', file!), 'utf8')) as unknown).not.toThrow();
    expect((await search('server.Config')).cache.misses).toBe(0);
  });

  it('deletes cache files not written for 30 days when it writes a new one, and keeps recent ones', async () => {
    mkdirSync(path.join(cacheDir, 'sites'), { recursive: true });
    const old = path.join(cacheDir, 'sites', '0000000000000000.json');
    const recent = path.join(cacheDir, 'sites', '1111111111111111.json');
    writeFileSync(old, '{}');
    writeFileSync(recent, '{}');
    const fortyDaysAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    utimesSync(old, fortyDaysAgo, fortyDaysAgo);
    await search('server.Config');
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(readdirSync(path.join(cacheDir, 'sites'))).toHaveLength(2);
  });

  it('is written by `microplan sites` under MICROPLAN_CACHE_DIR, and neither read nor written with --no-cache', () => {
    const run = (dir: string, ...extra: string[]): string => {
      const result = spawnSync(process.execPath, [BIN, 'sites', 'server.Config', '--repo', fixture.dir, '--format', 'json', ...extra], {
        encoding: 'utf8',
        env: { ...process.env, MICROPLAN_CACHE_DIR: dir },
      });
      expect(result.stderr).toBe('');
      return result.stdout;
    };
    const cold = run(cacheDir);
    expect(readdirSync(path.join(cacheDir, 'sites'))).toHaveLength(1);
    expect(run(cacheDir)).toBe(cold);
    const untouched = tempDir('microplan-cache-');
    expect(run(untouched, '--no-cache')).toBe(cold);
    expect(readdirSync(untouched)).toEqual([]);
    // A cache directory that cannot be made (here under a file) costs the cache, never the answer.
    expect(run(path.join(fixture.dir, 'go.mod', 'cache'))).toBe(cold);
  });
});
