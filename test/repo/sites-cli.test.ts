/**
 * The `sites` command end to end: spawns bin/microplan.js, which runs the built dist/bundle/
 * (`npm test` builds before running vitest).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRepo, tempDir, type TempRepo } from './git-fixture.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/microplan.js');

function microplan(args: string[], cwd?: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('microplan sites', () => {
  let fixture: TempRepo;

  beforeAll(() => {
    fixture = fixtureRepo('go');
  });
  afterAll(() => fixture.remove());

  it('prints JSON with repo-relative file, line, column, kind and enclosing function', () => {
    const { code, stdout } = microplan(['sites', 'server.Config', '--repo', fixture.dir, '--format', 'json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { type: string; sites: Array<Record<string, unknown>> };
    expect(parsed.type).toBe('server.Config');
    expect(parsed.sites).toHaveLength(24);
    expect(parsed.sites[0]).toEqual({ file: 'cmd/app/main.go', line: 10, column: 7, kind: 'composite-literal', enclosing: 'main' });
    expect(parsed.sites.find((s) => s.file === 'server/config.go' && s.line === 15)).toMatchObject({ enclosing: null });
  });

  it('prints a Markdown table that pastes into Phase 0, with a one-line summary', () => {
    const { code, stdout } = microplan(['sites', 'Pair', '--repo', fixture.dir]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        '**Construction sites of `Pair`:** 2 sites in 1 file (2 composite-literal).',
        '',
        '| # | Site | Kind | Enclosing |',
        '|---|------|------|-----------|',
        '| 1 | `server/literals.go:21` | composite-literal | `literals` |',
        '| 2 | `server/literals.go:22` | composite-literal | `literals` |',
        '',
      ].join('\n'),
    );
  });

  it('audits several types in one run: a table each in Markdown, an array of the one-type objects in JSON', () => {
    const one = microplan(['sites', 'Pair', '--repo', fixture.dir, '--format', 'json']);
    const both = microplan(['sites', 'Pair', 'server.Config', '--repo', fixture.dir, '--format', 'json']);
    expect(both.code).toBe(0);
    const parsed = JSON.parse(both.stdout) as Array<{ type: string; sites: unknown[] }>;
    expect(parsed.map((a) => [a.type, a.sites.length])).toEqual([
      ['Pair', 2],
      ['server.Config', 24],
    ]);
    expect(parsed[0]).toEqual(JSON.parse(one.stdout));
    const markdown = microplan(['sites', 'Pair', 'server.Config', '--repo', fixture.dir]).stdout;
    expect(markdown).toContain('| 2 | `server/literals.go:22` | composite-literal | `literals` |\n\n**Construction sites of `server.Config`:** 24 sites');
  });

  it('defaults --repo to the current directory and reads a revision with --base', () => {
    fixture.write('server/extra.go', 'package server\n\nvar extra = Config{}\n');
    const now = microplan(['sites', 'server.Config', '--format', 'json'], path.join(fixture.dir, 'server'));
    const base = microplan(['sites', 'server.Config', '--format', 'json', '--base', 'HEAD'], fixture.dir);
    expect(now.stderr + base.stderr).toBe('');
    expect((JSON.parse(now.stdout) as { sites: unknown[] }).sites).toHaveLength(25);
    expect((JSON.parse(base.stdout) as { sites: unknown[] }).sites).toHaveLength(24);
  });

  it('filters by --lang', () => {
    const { stdout } = microplan(['sites', 'Config', '--repo', fixture.dir, '--lang', 'python']);
    expect(stdout).toBe('No construction sites of `Config` found.\n');
  });

  it('exits 2 with one line, no stack, for a directory that is not a git repository', () => {
    const dir = tempDir();
    const { code, stderr } = microplan(['sites', 'Config', '--repo', dir]);
    expect(code).toBe(2);
    expect(stderr).toBe(`microplan: ${dir} is not a git repository; run \`git init\` there or give a directory inside a git repository\n`);
  });

  it('exits 2 naming a revision that does not exist', () => {
    const { code, stderr } = microplan(['sites', 'Config', '--repo', fixture.dir, '--base', 'v9.9.9']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^microplan: revision "v9\.9\.9" does not exist in .*\n$/);
  });

  it('exits 2 naming a directory that does not exist', () => {
    const dir = path.join(tempDir(), 'missing');
    const { code, stderr } = microplan(['sites', 'Config', '--repo', dir]);
    expect(code).toBe(2);
    expect(stderr).toBe(`microplan: directory ${dir} does not exist; give the path of a git repository\n`);
  });
});
