/**
 * Temporary git repositories for tests: plain files written (or a fixture directory copied) into
 * a fresh temp dir, then `git init` + commit there, so tests never depend on this checkout.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/repos');

export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  write(file: string, content: string | Buffer): void;
  commit(message: string): string;
  remove(): void;
}

export function tempDir(prefix = 'microplan-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function tempRepo(init?: { copyFrom?: string }): TempRepo {
  const dir = tempDir();
  if (init?.copyFrom) cpSync(init.copyFrom, dir, { recursive: true });
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=microplan', '-c', 'user.email=test@microplan.local', ...args], {
      cwd: dir,
      encoding: 'utf8',
    }).trim();
  git('init', '-q', '-b', 'main');
  const repo: TempRepo = {
    dir,
    git,
    write(file, content) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), content);
    },
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return repo;
}

/** A committed copy of `test/fixtures/repos/<name>`. */
export function fixtureRepo(name: 'go' | 'ts' | 'py'): TempRepo {
  const repo = tempRepo({ copyFrom: path.join(FIXTURES, name) });
  repo.commit('fixture');
  return repo;
}
