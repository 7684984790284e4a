/**
 * An interrupted `verify --run` (SIGTERM or SIGINT while a slow command runs) leaves the user's
 * working tree, HEAD and branches as they were, no worktree registered and no temp dir behind.
 * Runs the real CLI (bin/microplan.js over dist/bundle/), rebuilt first when src/ is newer.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_PLAN, gitIn, makeExample, planVariant, removeTempDirs, repoState, tempDir } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'microplan.js');
const BUILT = join(ROOT, 'dist', 'bundle', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

beforeAll(() => {
  if (!existsSync(BUILT) || statSync(BUILT).mtimeMs < newestSource(join(ROOT, 'src'))) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'ignore' });
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle-cli.mjs')], { cwd: ROOT, stdio: 'ignore' });
  }
}, 120_000);
afterAll(removeTempDirs);

const MARKER = 'sleep 60.271';

async function interrupt(signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string; dir: string; tmp: string; before: Record<string, string>; during: string }> {
  const dir = await makeExample('good');
  const plan = planVariant((text) => text.replace('Run: `node --test test/slug.test.js`\nExpected: FAIL', `Run: \`${MARKER} & ${MARKER}\`\nExpected: FAIL`));
  const tmp = tempDir('microplan-verify-tmpdir-');
  const before = repoState(dir);
  const child = spawn(process.execPath, [BIN, 'verify', plan, '--base', 'main', '--run'], {
    cwd: dir,
    env: { ...process.env, TMPDIR: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the slow command never started:\n${stderr}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(`$ ${MARKER}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  // Let the shell start its sleeps, then look at the repository mid-run.
  await new Promise((r) => setTimeout(r, 300));
  const during = gitIn(dir, 'worktree', 'list');
  child.kill(signal);
  const code = await exited;
  return { code, stderr, dir, tmp, before, during };
}

function survivors(): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.startsWith(MARKER));
}

/** The slow commands a killed run orphaned (this test's own, by their marker), stopped by pid. */
function stopSurvivors(): void {
  for (const line of execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n')) {
    const m = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (m && m[2]!.startsWith(MARKER)) process.kill(Number(m[1]), 'SIGKILL');
  }
}

describe('an interrupted verify --run', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('on %s exits %i and leaves the repository as it was, with no worktree or temp dir behind', async (signal, exitCode) => {
    const { code, stderr, dir, tmp, before, during } = await interrupt(signal);
    // It really was interrupted mid-replay: the temporary worktree existed.
    expect(during.split('\n')).toHaveLength(2);
    expect(code).toBe(exitCode);
    expect(stderr).toContain(`microplan: ${signal} — stopped the replay and removed its temporary worktree; your working tree was not touched.`);
    expect(repoState(dir)).toEqual(before);
    expect(gitIn(dir, 'worktree', 'list').split('\n')).toHaveLength(1);
    expect(readdirSync(tmp)).toEqual([]);
    expect(survivors()).toEqual([]);
  });
});

describe('verify --run after a run was killed with SIGKILL', () => {
  it('removes the worktree the killed run left registered, and its temp dir, before making its own', async () => {
    const { dir, tmp } = await interrupt('SIGKILL');
    stopSurvivors();
    // SIGKILL allows no clean-up: the worktree stays registered, its directory on disk.
    const stale = readdirSync(tmp);
    expect(stale).toHaveLength(1);
    expect(gitIn(dir, 'worktree', 'list').split('\n')).toHaveLength(2);
    // The next run: once it replays its first command, it has pruned and made its own worktree.
    const child = spawn(process.execPath, [BIN, 'verify', EXAMPLE_PLAN, '--base', 'main', '--run'], { cwd: dir, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve) => child.stderr.on('data', (chunk: Buffer) => chunk.toString().includes('$ ') && resolve()));
    const during = gitIn(dir, 'worktree', 'list').split('\n');
    const dirs = readdirSync(tmp);
    child.kill('SIGTERM');
    await exited;
    expect(during).toHaveLength(2);
    expect(dirs).toHaveLength(1);
    expect(dirs).not.toContain(stale[0]);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
