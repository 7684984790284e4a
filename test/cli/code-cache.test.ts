/** `microplan lint` runs from its own bundle through a V8 code cache (bin/code-cache.cjs). */
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from './run-cli.js';

describe('microplan lint: the code cache', () => {
  it('is written by the first run, per build and Node version, and the next run gives the same output', () => {
    const cache = tempDir();
    const plan = join(ROOT, 'examples', 'lint-stats-plan.md');
    const env = { MICROPLAN_CACHE_DIR: cache };
    const first = cli(['lint', '--format', 'json', plan], { env });
    const build = (JSON.parse(readFileSync(join(ROOT, 'dist', 'build-id.json'), 'utf8')) as { id: string }).id;
    expect(readdirSync(join(cache, 'code'))).toEqual([`lint-${build}-${process.version}-${process.arch}.v8`]);
    const second = cli(['lint', '--format', 'json', plan], { env });
    expect(second).toEqual(first);
    expect(first.code).toBe(0);
  });

  it('is read, not made again, by the next run: also when the config sets a V8 flag (a test-name pattern)', () => {
    // V8 rejects a cache made under other V8 flags; the run sets some and sets them back (bin/code-cache.cjs).
    const cache = tempDir();
    const env = { MICROPLAN_CACHE_DIR: cache };
    const plans = [join(ROOT, 'examples', 'lint-stats-plan.md'), join(ROOT, 'examples', 'readme-exit-codes-plan.md')];
    const first = cli(['lint', ...plans], { env });
    const file = join(cache, 'code', readdirSync(join(cache, 'code'))[0]!);
    const written = statSync(file);
    // A cache that is rejected is made again: a new file (written aside, then renamed over it).
    expect(cli(['lint', ...plans], { env })).toEqual(first);
    expect(cli(['lint', '--format', 'json', plans[0]!], { env }).code).toBe(0);
    expect(statSync(file).ino).toBe(written.ino);
    expect(statSync(file).mtimeMs).toBe(written.mtimeMs);
    expect(first).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('is made again by a run that lints a format the runs that made it did not (from `lint --help` on)', () => {
    // A cache holds the code the runs that made it compiled: one made by `lint --help` has none of
    // the rules, and every later lint would compile them again.
    const cache = tempDir();
    const env = { MICROPLAN_CACHE_DIR: cache };
    const plan = join(ROOT, 'examples', 'lint-stats-plan.md');
    const superpowers = join(ROOT, 'test', 'fixtures', 'superpowers', readdirSync(join(ROOT, 'test', 'fixtures', 'superpowers')).find((f) => f.endsWith('.md'))!);
    expect(cli(['lint', '--help'], { env }).code).toBe(0);
    const file = join(cache, 'code', readdirSync(join(cache, 'code'))[0]!);
    const inode = (): number => statSync(file).ino;
    const afterHelp = inode();
    const first = cli(['lint', plan], { env });
    const afterPlan = inode();
    expect(afterPlan).not.toBe(afterHelp);
    expect(cli(['lint', plan], { env })).toEqual(first);
    expect(inode()).toBe(afterPlan);
    cli(['lint', superpowers], { env });
    const afterBoth = inode();
    expect(afterBoth).not.toBe(afterPlan);
    cli(['lint', plan, superpowers], { env });
    expect(inode()).toBe(afterBoth);
    expect(readdirSync(join(cache, 'code'))).toHaveLength(1);
  });

  it('is made again by the first run that reads a config file, so that the YAML parser is in it', () => {
    // A run without a config never compiles the config's parser; a cache made only by such runs
    // would leave it to compile on every run of a project that has one (most projects).
    const cache = tempDir();
    const env = { MICROPLAN_CACHE_DIR: cache };
    const bare = join(tempDir(), 'plan.md');
    writeFileSync(bare, readFileSync(join(ROOT, 'examples', 'lint-stats-plan.md')));
    cli(['lint', bare], { env });
    const file = join(cache, 'code', readdirSync(join(cache, 'code'))[0]!);
    const header = (): string => readFileSync(file, 'latin1').slice(0, 64);
    expect(header()).not.toContain('config');
    const withConfig = cli(['lint', join(ROOT, 'examples', 'lint-stats-plan.md')], { env });
    expect(withConfig.code).toBe(0);
    expect(header()).toContain('config');
    expect(cli(['lint', join(ROOT, 'examples', 'lint-stats-plan.md')], { env })).toEqual(withConfig);
  });

  it('removes the cache of another build unused for thirty days, and keeps one in use', () => {
    // Two installed versions used in turn (a global one and a project's own) must not evict each other.
    const cache = tempDir();
    mkdirSync(join(cache, 'code'));
    const old = join(cache, 'code', 'lint-0123456789abcdef-v20.0.0-x64.v8');
    const inUse = join(cache, 'code', 'lint-fedcba9876543210-v20.0.0-x64.v8');
    writeFileSync(old, 'an old build');
    writeFileSync(inUse, 'a build used yesterday');
    const days = (n: number): Date => new Date(Date.now() - n * 24 * 3600 * 1000);
    utimesSync(old, days(31), days(31));
    utimesSync(inUse, days(1), days(1));
    cli(['lint', join(ROOT, 'examples', 'lint-stats-plan.md')], { env: { MICROPLAN_CACHE_DIR: cache } });
    const left = readdirSync(join(cache, 'code'));
    expect(left).toHaveLength(2);
    expect(left.some((f) => f.includes('0123456789abcdef'))).toBe(false);
    expect(left.some((f) => f.includes('fedcba9876543210'))).toBe(true);
  });

  it('keeps at most three caches of other builds, the most recently used', () => {
    const cache = tempDir();
    mkdirSync(join(cache, 'code'));
    for (let i = 1; i <= 5; i++) {
      const f = join(cache, 'code', `lint-${String(i).repeat(16)}-v20.0.0-x64.v8`);
      writeFileSync(f, `build ${i}`);
      utimesSync(f, new Date(Date.now() - i * 3600 * 1000), new Date(Date.now() - i * 3600 * 1000));
    }
    cli(['lint', join(ROOT, 'examples', 'lint-stats-plan.md')], { env: { MICROPLAN_CACHE_DIR: cache } });
    const others = readdirSync(join(cache, 'code')).filter((f) => /lint-(\d)\1{15}-/.test(f));
    expect(others.map((f) => f[5]).sort()).toEqual(['1', '2', '3']);
  });

  it('marks a cache it reads as used, so that pruning keeps it', () => {
    const cache = tempDir();
    const plan = join(ROOT, 'examples', 'lint-stats-plan.md');
    const env = { MICROPLAN_CACHE_DIR: cache };
    cli(['lint', plan], { env });
    const file = join(cache, 'code', readdirSync(join(cache, 'code'))[0]!);
    const lastMonth = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    utimesSync(file, lastMonth, lastMonth);
    cli(['lint', plan], { env });
    expect(Date.now() - statSync(file).mtimeMs).toBeLessThan(24 * 3600 * 1000);
  });

  it('costs only speed when the cache is damaged: the run is the same, and the cache is replaced', () => {
    const cache = tempDir();
    const plan = join(ROOT, 'examples', 'lint-stats-plan.md');
    const env = { MICROPLAN_CACHE_DIR: cache };
    const clean = cli(['lint', plan], { env });
    const [file] = readdirSync(join(cache, 'code'));
    writeFileSync(join(cache, 'code', file!), 'not a V8 code cache');
    expect(cli(['lint', plan], { env })).toEqual(clean);
    expect(readFileSync(join(cache, 'code', file!)).length).toBeGreaterThan(1000);
  });
});
