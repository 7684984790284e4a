/** Real git repositories for verify tests: the demo project of examples/verify-demo with a scripted history. */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

const exec = promisify(execFile);

export const DEMO = join(import.meta.dirname, '..', '..', 'examples', 'verify-demo');
export const EXAMPLE_PLAN = join(DEMO, 'plan.md');
export const MAKE_EXAMPLE = join(DEMO, 'make-history.sh');

export type Variant =
  | 'good'
  | 'skip-red'
  | 'test-passes-first'
  | 'stray-file'
  | 'orphan'
  | 'unreferenced'
  | 'missing-test'
  | 'missing-task'
  | 'bad-message';

/**
 * The hang guard for a test that replays a whole history (checkouts, a node --test per step): its time
 * scales with the machine's load, so it gets more room than the suite's 30 s.
 */
export const REPLAY_TIMEOUT = 120_000;

const dirs: string[] = [];

export function tempDir(prefix = 'microplan-verify-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A repository whose `feature/slugify` branch (checked out) executes the demo plan. */
export async function makeExample(variant: Variant): Promise<string> {
  const dir = join(tempDir(), 'repo');
  await exec('sh', [MAKE_EXAMPLE, dir, variant]);
  return dir;
}

export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
}

/** Full id of the commit whose subject is `subject` on the current branch. */
export function shaOf(dir: string, subject: string): string {
  const lines = gitIn(dir, 'log', '--format=%H %s').split('\n');
  const hit = lines.find((l) => l.slice(41) === subject);
  if (!hit) throw new Error(`no commit "${subject}" in ${dir}`);
  return hit.slice(0, 40);
}

export function short(sha: string): string {
  return sha.slice(0, 7);
}

/** The example plan with `edit` applied, written outside the repository. */
export function planVariant(edit: (text: string) => string): string {
  const path = join(tempDir('microplan-plan-'), 'plan.md');
  const text = readFileSync(EXAMPLE_PLAN, 'utf8');
  const edited = edit(text);
  if (edited === text) throw new Error('planVariant: the edit changed nothing');
  writeFileSync(path, edited);
  return path;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process and captures what it writes. */
export async function runCli(...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Everything about a repository that verification must leave as it was. */
export function repoState(dir: string): Record<string, string> {
  return {
    head: gitIn(dir, 'rev-parse', 'HEAD'),
    symbolic: gitIn(dir, 'symbolic-ref', '-q', 'HEAD'),
    refs: gitIn(dir, 'for-each-ref', '--format=%(refname) %(objectname)'),
    status: gitIn(dir, 'status', '--porcelain', '--untracked-files=all', '--ignored'),
    worktrees: gitIn(dir, 'worktree', 'list', '--porcelain'),
  };
}
