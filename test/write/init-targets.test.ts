/** `microplan init` checks every file it would write before writing any, and fails in one line. */
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../cli/run-cli.js';

function repo(): string {
  const dir = tempDir();
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

describe('microplan init: targets checked first', () => {
  it('writes nothing, and names the path, when a file stands where a directory must go', () => {
    const root = repo();
    writeFileSync(join(root, '.claude'), 'a file, not a directory');
    const r = cli(['init', '--agents', 'claude'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^microplan: \.claude\/[^\n]*: \.claude is a file, not a directory: move it aside or choose another path; nothing was written\n$/);
    expect(r.stderr).not.toContain('internal error');
    expect(readdirSync(root).sort()).toEqual(['.claude', '.git']);
  });

  it('writes nothing when a target path is a directory', () => {
    const root = repo();
    execFileSync('mkdir', ['-p', join(root, 'microplan.config.yaml')]);
    const r = cli(['init', '--agents', 'claude'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('microplan: microplan.config.yaml: is a directory, not a file: move it aside or choose another path; nothing was written\n');
    expect(readdirSync(root).sort()).toEqual(['.git', 'microplan.config.yaml']);
  });
});
