/** Small git histories for verify tests: a base on main, the commits on `feature`, and the plan beside them. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Problem, VerifyReport } from '../../src/verify/types.js';
import { verifyPlan } from '../../src/verify/verify.js';
import { tempDir } from './helpers.js';

export interface Commit {
  subject: string;
  body?: string;
  files: Record<string, string>;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' },
  }).trim();
}

/** A repository with `base` on main and the commits on a branch; returns the directory and commit ids by subject. */
export function history(base: Record<string, string>, commits: Commit[]): { dir: string; sha: (subject: string) => string } {
  const dir = tempDir('microplan-real-shapes-');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Agent');
  git(dir, 'config', 'user.email', 'agent@example.com');
  const write = (files: Record<string, string>): void => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  };
  write({ 'README.md': 'project\n', ...base });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'chore: initial');
  git(dir, 'checkout', '-q', '-b', 'feature');
  for (const c of commits) {
    write(c.files);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '--allow-empty', '-m', c.body ? `${c.subject}\n\n${c.body}` : c.subject);
  }
  const bySubject = new Map(
    git(dir, 'log', '--format=%H%x09%s', 'main..feature')
      .split('\n')
      .map((l) => [l.slice(l.indexOf('\t') + 1), l.slice(0, l.indexOf('\t'))] as const),
  );
  return { dir, sha: (subject) => bySubject.get(subject) ?? `(no commit "${subject}")` };
}

export function planFile(text: string): string {
  const dir = tempDir('microplan-real-shapes-plan-');
  const path = join(dir, 'feature-plan.md');
  writeFileSync(path, text);
  return path;
}

export async function verify(plan: string, dir: string): Promise<VerifyReport> {
  return (await verifyPlan({ planPath: plan, repo: dir, base: 'main', head: 'feature' })).report;
}

export function problems(r: VerifyReport): Array<Pick<Problem, 'kind' | 'task'>> {
  return [...r.tasks.flatMap((t) => t.problems), ...r.problems].map((p) => ({ kind: p.kind, task: p.task }));
}

