import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepository } from '../../src/repo/open.js';
import { RepoError, type Repository } from '../../src/repo/types.js';
import { MAX_TEXT_BYTES } from '../../src/repo/limits.js';
import { tempDir, tempRepo, type TempRepo } from './git-fixture.js';

describe('repository at a git revision', () => {
  let repo: TempRepo;
  let first: string;
  let reader: Repository;

  beforeAll(async () => {
    repo = tempRepo();
    repo.write('src/a.go', 'package a\n\nconst Version = 1\n');
    repo.write('README.md', 'first\n');
    first = repo.commit('first');
    repo.write('src/a.go', 'package a\n\nconst Version = 2\n');
    repo.write('src/later.go', 'package a\n');
    repo.commit('second');
    repo.write('src/a.go', 'package a\n\nconst Version = 3 // uncommitted\n');
    reader = await openRepository({ dir: repo.dir, revision: first });
  });
  afterAll(async () => {
    await reader.close();
    repo.remove();
  });

  it('resolves the revision to a full commit sha', () => {
    expect(reader.revision).toBe(first);
    expect(reader.revision).toMatch(/^[0-9a-f]{40}$/);
  });

  it('reads a file as it was at that commit, not as it is on disk', async () => {
    expect(await reader.readText('src/a.go')).toBe('package a\n\nconst Version = 1\n');
  });

  it('treats a file that only exists in a later commit as absent', async () => {
    expect(await reader.exists('src/later.go')).toBe(false);
    expect(await reader.readText('src/later.go')).toBeUndefined();
    expect(await reader.listFiles()).not.toContain('src/later.go');
  });

  it('lists exactly the files of that commit', async () => {
    expect((await reader.listFiles()).sort()).toEqual(['README.md', 'src/a.go']);
  });

  it('knows directories exist', async () => {
    expect(await reader.exists('src')).toBe(true);
    expect(await reader.exists('nope')).toBe(false);
  });

  it('hands each file found at that commit to onFile before the search resolves', async () => {
    const handed: string[] = [];
    const found = await reader.filesContaining('package', { extensions: ['.go'], onFile: (file) => handed.push(file) });
    expect(found).toEqual(['src/a.go']);
    expect(handed).toEqual(found);
  });

  it('limits a search at that commit to directories', async () => {
    expect(await reader.filesContaining('Version', { directories: ['src'] })).toEqual(['src/a.go']);
    expect(await reader.filesContaining('Version', { directories: ['sr'] })).toEqual([]);
  });

  it('finds the files containing a string at that commit', async () => {
    expect(await reader.filesContaining('Version = 1')).toEqual(['src/a.go']);
    expect(await reader.filesContaining('Version = 2')).toEqual([]);
    expect(await reader.filesContaining('first', { extensions: ['.go'] })).toEqual([]);
  });

  it('answers many reads through one git process', async () => {
    const reads = await Promise.all(Array.from({ length: 50 }, () => reader.readText('README.md')));
    expect(new Set(reads)).toEqual(new Set(['first\n']));
  });

  it('reads relative revisions such as HEAD~1', async () => {
    const previous = await openRepository({ dir: repo.dir, revision: 'HEAD~1' });
    expect(previous.revision).toBe(first);
    await previous.close();
  });

  it('lets a script that reads a revision and closes it run to completion', () => {
    // The cat-file process is unref'd while idle; close() must still be awaited to the end.
    const open = pathToFileURL(path.resolve('dist/repo/open.js')).href;
    const script = `const { openRepository } = await import(${JSON.stringify(open)});
      const r = await openRepository({ dir: ${JSON.stringify(repo.dir)}, revision: 'HEAD' });
      await r.readText('README.md'); await r.close(); console.log('done');`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stdout).toBe('done\n');
    expect(result.status).toBe(0);
  });

  it('refuses a revision that does not exist, naming it', async () => {
    const error = await openRepository({ dir: repo.dir, revision: 'no-such-branch' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RepoError);
    expect((error as Error).message).toMatch(/revision "no-such-branch" does not exist/);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('repository in the working tree', () => {
  let repo: TempRepo;
  let reader: Repository;

  beforeAll(async () => {
    repo = tempRepo();
    repo.write('src/a.ts', 'export const a = 1;\n');
    repo.write('.gitignore', 'ignored.txt\n');
    repo.write('deleted.ts', 'gone\n');
    repo.commit('first');
    repo.write('src/new.ts', 'export const fresh = 1;\n');
    repo.write('notes/draft.md', 'untracked, outside the directory opened\n');
    repo.write('ignored.txt', 'secret\n');
    repo.git('rm', '-q', '--cached', 'deleted.ts');
    reader = await openRepository({ dir: path.join(repo.dir, 'src') });
  });
  afterAll(async () => {
    await reader.close();
    repo.remove();
  });

  it('has no revision and finds the root from a subdirectory', () => {
    expect(reader.revision).toBeUndefined();
    expect(path.basename(reader.root)).toBe(path.basename(repo.dir));
  });

  it('lists tracked and untracked files but not ignored ones', async () => {
    const files = await reader.listFiles();
    expect(files).toContain('src/a.ts');
    expect(files).toContain('src/new.ts');
    expect(files).not.toContain('ignored.txt');
  });

  it('lists the untracked files of the whole repository, by repository paths, when opened from a subdirectory', async () => {
    const files = await reader.listFiles();
    expect(files).toContain('notes/draft.md');
    expect(files).not.toContain('new.ts');
    expect(await reader.filesContaining('outside the directory opened')).toEqual(['notes/draft.md']);
  });

  it('reads the file as it is on disk', async () => {
    expect(await reader.readText('src/new.ts')).toBe('export const fresh = 1;\n');
    expect(await reader.readText('./src/../src/a.ts')).toBe('export const a = 1;\n');
  });

  it('reports a missing file as absent', async () => {
    expect(await reader.exists('src/missing.ts')).toBe(false);
    expect(await reader.readText('src/missing.ts')).toBeUndefined();
  });

  it('finds untracked files containing a string', async () => {
    expect(await reader.filesContaining('fresh')).toEqual(['src/new.ts']);
  });

  it('searches tracked and untracked files alike, by extension and pattern, never ignored ones', async () => {
    repo.write('src/[draft] b.ts', 'export const later = 2;\n');
    repo.write('src/notes.md', 'export const later = 3;\n');
    repo.write('ignored.txt', 'export const later = 4;\n');
    repo.write('src/a2.ts', 'export const later = 5;\n');
    repo.git('add', 'src/a2.ts');
    // A repository object lists untracked files once: the new ones are seen by a new object.
    const later = await openRepository({ dir: repo.dir });
    const handed: string[] = [];
    const found = await later.filesContaining(['const[ ]+later'], { extensions: ['.ts'], regex: true, onFile: (file) => handed.push(file) });
    expect(found.sort()).toEqual(['src/[draft] b.ts', 'src/a2.ts']);
    // Tracked and untracked hits alike reach onFile, each once, by the time the search resolves.
    expect(handed.sort()).toEqual(found);
    expect(await reader.filesContaining(['const[ ]+later'], { extensions: ['.ts'], regex: true })).toEqual(['src/a2.ts']);
  });

  it('limits a search to directories, tracked and untracked files alike, their subdirectories included', async () => {
    repo.write('lib/[x]/deep/k.ts', 'export const scoped = 1;\n');
    repo.write('lib/[x]/k.ts', 'export const scoped = 2;\n');
    repo.write('lib/xy/k.ts', 'export const scoped = 3;\n');
    repo.write('top.ts', 'export const scoped = 4;\n');
    repo.git('add', 'lib/[x]/k.ts', 'top.ts');
    const fresh = await openRepository({ dir: repo.dir });
    // "[x]" is a name, not a wildcard matching "x": lib/xy stays out.
    expect((await fresh.filesContaining('scoped', { extensions: ['.ts'], directories: ['lib/[x]'] })).sort()).toEqual([
      'lib/[x]/deep/k.ts',
      'lib/[x]/k.ts',
    ]);
    expect((await fresh.filesContaining('scoped', { directories: [''] })).sort()).toEqual(['lib/[x]/deep/k.ts', 'lib/[x]/k.ts', 'lib/xy/k.ts', 'top.ts']);
  });
});

describe('repository at a revision, with the working tree changed since', () => {
  let repo: TempRepo;
  let reader: Repository;

  beforeAll(async () => {
    repo = tempRepo();
    for (const name of ['a', 'b', 'd', 'e', 'h']) repo.write(`${name}.go`, `package p // needle ${name}\n`);
    repo.write('c.go', 'package p // other\n');
    const base = repo.commit('base');
    repo.write('a.go', 'package p // edited, not staged\n');
    repo.write('c.go', 'package p // needle c, staged\n');
    repo.git('add', 'c.go');
    rmSync(path.join(repo.dir, 'd.go'));
    repo.write('f.go', 'package p // needle f, new\n');
    repo.git('add', 'f.go');
    repo.write('g.go', 'package p // needle g, untracked\n');
    // git does not compare these disk copies with the index: they must be read from the revision.
    repo.git('update-index', '--assume-unchanged', 'e.go');
    repo.write('e.go', 'package p // edited under assume-unchanged\n');
    repo.git('update-index', '--skip-worktree', 'h.go');
    rmSync(path.join(repo.dir, 'h.go'));
    reader = await openRepository({ dir: repo.dir, revision: base });
  });
  afterAll(async () => {
    await reader.close();
    repo.remove();
  });

  it('finds exactly the files that contain the text at the revision, whatever happened on disk since', async () => {
    const handed: string[] = [];
    const found = await reader.filesContaining('needle', { extensions: ['.go'], onFile: (file) => handed.push(file) });
    expect(found.sort()).toEqual(['a.go', 'b.go', 'd.go', 'e.go', 'h.go']);
    expect(handed.sort()).toEqual(found);
  });

  it('reads each file as it was at the revision, unchanged ones as changed ones', async () => {
    for (const name of ['a', 'b', 'd', 'e', 'h']) expect(await reader.readText(`${name}.go`)).toBe(`package p // needle ${name}\n`);
    expect(await reader.readText('c.go')).toBe('package p // other\n');
    expect(await reader.readText('f.go')).toBeUndefined();
  });
});

describe('repository at a revision, where git converts files between disk and repository', () => {
  const LF = 'package a\n\nvar x = 1\n';

  function checkedOutConverted(setup: (repo: TempRepo) => void): TempRepo {
    const repo = tempRepo();
    repo.write('a.go', LF);
    repo.write('b.go', 'package b\n');
    repo.commit('lf');
    setup(repo);
    rmSync(path.join(repo.dir, 'a.go'));
    repo.git('checkout', '--', 'a.go');
    // As git sees it: the disk copy has CRLF, and a.go is unchanged since HEAD.
    expect(readFileSync(path.join(repo.dir, 'a.go'), 'utf8')).toBe(LF.replace(/\n/g, '\r\n'));
    expect(repo.git('diff-index', '--name-only', 'HEAD', '--')).toBe('');
    return repo;
  }

  it('reads a file that an eol attribute converts from git, as the revision holds it', async () => {
    const repo = checkedOutConverted((r) => r.write('.gitattributes', 'a.go eol=crlf\n'));
    const reader = await openRepository({ dir: repo.dir, revision: 'HEAD' });
    // A search first, as the code index makes: it learns which files are unchanged on disk.
    expect((await reader.filesContaining('package')).sort()).toEqual(['a.go', 'b.go']);
    expect(await reader.readText('a.go')).toBe(LF);
    expect(await reader.readText('b.go')).toBe('package b\n');
    await reader.close();
    repo.remove();
  });

  it('reads files from git under core.autocrlf', async () => {
    const repo = checkedOutConverted((r) => r.git('config', 'core.autocrlf', 'true'));
    const reader = await openRepository({ dir: repo.dir, revision: 'HEAD' });
    expect((await reader.filesContaining('package')).sort()).toEqual(['a.go', 'b.go']);
    expect(await reader.readText('a.go')).toBe(LF);
    await reader.close();
    repo.remove();
  });
});

describe('working tree with many untracked files', () => {
  it('finds the untracked files containing a pattern when there are more than a few batches of them', async () => {
    const repo = tempRepo();
    try {
      repo.write('tracked.go', 'var a = Marker{}\n');
      repo.commit('first');
      for (let i = 0; i < 2100; i++) repo.write(`gen/f${i}.go`, i % 700 === 0 ? 'var b = Marker{}\n' : 'var c = 1\n');
      repo.write('gen/notes.txt', 'Marker{}\n');
      const reader = await openRepository({ dir: repo.dir });
      const found = await reader.filesContaining(['Marker[{]'], { extensions: ['.go'], regex: true });
      expect(found.sort()).toEqual(['gen/f0.go', 'gen/f1400.go', 'gen/f700.go', 'tracked.go']);
      await reader.close();
    } finally {
      repo.remove();
    }
  });
});

describe('path confinement', () => {
  let repo: TempRepo;
  const readers: Repository[] = [];

  beforeAll(async () => {
    repo = tempRepo();
    repo.write('inside.txt', 'inside\n');
    symlinkSync('/etc/passwd', path.join(repo.dir, 'escape'));
    symlinkSync('../../outside-target', path.join(repo.dir, 'dangling-escape'));
    symlinkSync('inside.txt', path.join(repo.dir, 'friendly'));
    repo.commit('links');
    readers.push(await openRepository({ dir: repo.dir }), await openRepository({ dir: repo.dir, revision: 'HEAD' }));
  });
  afterAll(async () => {
    await Promise.all(readers.map((r) => r.close()));
    repo.remove();
  });

  for (const [name, index] of [['working tree', 0], ['revision', 1]] as const) {
    describe(name, () => {
      const reader = (): Repository => readers[index] as Repository;

      it('refuses ../ paths, naming the path', async () => {
        await expect(reader().readText('../x')).rejects.toThrow(/path "\.\.\/x" leaves the repository root/);
        await expect(reader().exists('a/../../x')).rejects.toThrow(RepoError);
      });

      it('refuses absolute paths, naming the path', async () => {
        await expect(reader().readText('/etc/passwd')).rejects.toThrow(/path "\/etc\/passwd" is absolute/);
      });

      it('refuses a symlink that points outside the root', async () => {
        await expect(reader().readText('escape')).rejects.toThrow(/path "escape" is a symlink to .*outside the repository root/);
        await expect(reader().exists('dangling-escape')).rejects.toThrow(/outside the repository root/);
      });

      it('follows a symlink that stays inside the root', async () => {
        expect(await reader().readText('friendly')).toBe('inside\n');
      });
    });
  }
});

describe('files the index must not read', () => {
  let repo: TempRepo;
  const readers: Repository[] = [];

  beforeAll(async () => {
    repo = tempRepo();
    repo.write('binary.go', Buffer.from([0x70, 0x61, 0x00, 0x63, 0x6b]));
    repo.write('large.go', `package large\n// ${'x'.repeat(MAX_TEXT_BYTES)}\n`);
    repo.write('small.go', 'package small\n');
    repo.commit('sizes');
    readers.push(await openRepository({ dir: repo.dir }), await openRepository({ dir: repo.dir, revision: 'HEAD' }));
  });
  afterAll(async () => {
    await Promise.all(readers.map((r) => r.close()));
    repo.remove();
  });

  for (const [name, index] of [['working tree', 0], ['revision', 1]] as const) {
    it(`skips binary and over-2 MB files (${name})`, async () => {
      const reader = readers[index] as Repository;
      expect(await reader.readText('binary.go')).toBeUndefined();
      expect(await reader.readText('large.go')).toBeUndefined();
      expect(await reader.readText('small.go')).toBe('package small\n');
      expect(await reader.readBytes('binary.go')).toBeUndefined();
      expect(await reader.readBytes('large.go')).toBeUndefined();
      expect(Buffer.from((await reader.readBytes('small.go'))!).toString('utf8')).toBe('package small\n');
      expect(await reader.exists('large.go')).toBe(true);
      expect(await reader.filesContaining('package')).toEqual(['small.go']);
    });
  }

  it('names an unreadable file', async () => {
    if (process.getuid?.() === 0) return; // root reads everything; permissions cannot be tested
    repo.write('secret.go', 'package secret\n');
    chmodSync(path.join(repo.dir, 'secret.go'), 0o000);
    await expect((readers[0] as Repository).readText('secret.go')).rejects.toThrow(/cannot read secret\.go .*permission denied/);
  });
});

describe('opening a repository', () => {
  it('says a plain directory is not a git repository', async () => {
    const dir = tempDir();
    const error = await openRepository({ dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RepoError);
    expect((error as Error).message).toBe(
      `${dir} is not a git repository; run \`git init\` there or give a directory inside a git repository`,
    );
  });

  it('finds the top directory git finds: from a subdirectory, in a linked worktree, and where core.worktree moves it', async () => {
    const repo = tempRepo();
    repo.write('pkg/a.go', 'package pkg\n');
    repo.commit('first');
    const linked = path.join(tempDir(), 'linked');
    repo.git('worktree', 'add', '-q', linked);
    const elsewhere = tempDir();
    const moved = tempRepo();
    moved.git('config', 'core.worktree', elsewhere);
    const top = (dir: string): string =>
      realpathSync(spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' }).stdout.trim());
    for (const dir of [path.join(repo.dir, 'pkg'), path.join(linked, 'pkg'), moved.dir]) {
      const reader = await openRepository({ dir });
      expect(reader.root).toBe(top(dir));
      await reader.close();
    }
    expect(realpathSync(elsewhere)).toBe(top(moved.dir));
    repo.remove();
    moved.remove();
  });

  it('says a bare repository, or a directory inside .git, has no working tree', async () => {
    const bare = tempDir();
    spawnSync('git', ['init', '-q', '--bare', bare]);
    const repo = tempRepo();
    for (const dir of [bare, path.join(repo.dir, '.git', 'refs')]) {
      await expect(openRepository({ dir })).rejects.toThrow(`${dir} is a git directory without a working tree (bare?); give the path of a checkout`);
    }
    repo.remove();
  });

  it('says a missing directory does not exist', async () => {
    const dir = path.join(tempDir(), 'nope');
    await expect(openRepository({ dir })).rejects.toThrow(`directory ${dir} does not exist`);
  });
});
