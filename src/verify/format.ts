/** Renders a VerifyReport: a readable table for people, JSON for tools (and `pr-body --verify`). */
import type { Problem, TaskReport, VerifyReport } from './types.js';

const OUTPUT_LINES = 10;

function short(sha: string): string {
  return sha.slice(0, 7);
}

function pad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

function problemLines(p: Problem, indent: string): string[] {
  const lines = [`${indent}✗ ${p.kind}: ${p.message}`];
  if (p.output) {
    const out = p.output.split('\n').slice(-OUTPUT_LINES);
    for (const l of out) lines.push(`${indent}    │ ${l}`);
  }
  return lines;
}

function testLine(t: TaskReport['tests'][number]): string {
  return t.found ? `✓ ${t.contract} "${t.name}" (${t.found.file}:${t.found.line})` : `✗ ${t.contract} "${t.name}" (not found)`;
}

export function formatTable(report: VerifyReport, range: string): string {
  const out: string[] = [];
  const n = report.commits.length;
  out.push(`${report.plan}: ${range} — ${n} commit${n === 1 ? '' : 's'}${report.ran ? ', replayed' : ''}`);
  out.push('');
  const rows = report.tasks.map((t) => ({
    t,
    task: String(t.task),
    result: t.ok ? '✓' : '✗',
    commits: t.commits.length > 0 ? t.commits.map(short).join(' ') : '—',
  }));
  const wTask = Math.max(4, ...rows.map((r) => r.task.length));
  const wCommits = Math.max(7, ...rows.map((r) => r.commits.length));
  out.push(`${pad('Task', wTask)}  ok  ${pad('Commits', wCommits)}  Title`);
  for (const r of rows) {
    out.push(`${pad(r.task, wTask)}  ${r.result}   ${pad(r.commits, wCommits)}  ${r.t.title}`);
    const indent = ' '.repeat(wTask + 2);
    for (const test of r.t.tests) out.push(`${indent}test ${testLine(test)}`);
    if (r.t.runs && r.t.runs.length > 0) {
      const byPhase = r.t.runs.filter((x) => x.phase !== 'setup').map((x) => `${x.phase} ${x.ok ? '✓' : '✗'}`);
      out.push(`${indent}run  ${byPhase.join('  ')}`);
    }
    for (const p of r.t.problems) out.push(...problemLines(p, indent));
  }
  if (report.problems.length > 0) {
    out.push('');
    out.push('Plan-wide:');
    for (const p of report.problems) out.push(...problemLines(p, '  '));
  }
  out.push('');
  const broken = report.tasks.filter((t) => !t.ok).length;
  const tasks = report.tasks.length;
  const plural = (k: number, word: string): string => `${k} ${word}${k === 1 ? '' : 's'}`;
  if (report.ok) {
    out.push(`✓ Every task kept its promises (${plural(tasks, 'task')}, ${plural(n, 'commit')}${report.ran ? ', red → green replayed' : ''}).`);
  } else {
    const parts: string[] = [];
    if (broken > 0) parts.push(`${broken} of ${plural(tasks, 'task')} broke a promise`);
    if (report.problems.length > 0) parts.push(plural(report.problems.length, 'plan-wide problem'));
    out.push(`✗ ${parts.join('; ')}.`);
  }
  if (!report.ran) out.push('  (commands not run: add --run to replay each task\'s red → green steps in a temporary worktree)');
  return out.join('\n') + '\n';
}

export function formatJson(report: VerifyReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
