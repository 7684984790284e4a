/**
 * Renders a VerifyReport: a ledger for people, JSON for tools (and `pr-body --verify`).
 *
 * The ledger fits the terminal (80 columns unless told otherwise): per task its result, its
 * commits with the evidence that made them the task's, its tests, its replay and its problems;
 * then the commits that are no task's, grouped — the plan's own, follow-ups and review fixes,
 * commits merges brought in, unplanned work among the tasks, and the merges themselves.
 */
import type { CommitGroup, Problem, TaskReport, VerifyReport } from '../verify/types.js';

const OUTPUT_LINES = 10;
const DEFAULT_WIDTH = 80;

export interface TableOptions {
  /** Terminal width in columns (default 80). */
  width?: number;
  /** ANSI colours (a TTY without NO_COLOR, or FORCE_COLOR). */
  color?: boolean;
}

interface Paint {
  ok: (s: string) => string;
  bad: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
  sha: (s: string) => string;
}

function paint(color: boolean): Paint {
  const wrap = (open: number, close: number) => (s: string) => (color ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { ok: wrap(32, 39), bad: wrap(31, 39), dim: wrap(2, 22), bold: wrap(1, 22), sha: wrap(33, 39) };
}

function short(sha: string): string {
  return sha.slice(0, 7);
}

/** Cuts text to `max` characters with an ellipsis. */
function fit(s: string, max: number): string {
  if (max <= 1) return s.slice(0, Math.max(0, max));
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Word-wraps `text` to `width` columns: the first line after `first`, the rest after `rest`. */
function wrap(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const room = width - line.length - (empty ? 0 : 1);
    if (!empty && word.length > room) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    // A word longer than a whole line (a path) is cut rather than overflowing.
    const piece = fit(word, width - line.length - (empty ? 0 : 1));
    line += (empty ? '' : ' ') + piece;
    empty = false;
  }
  lines.push(line);
  return lines;
}

const GROUPS: Array<{ group: Exclude<CommitGroup, 'task'>; title: string }> = [
  { group: 'plan', title: "The plan's own commits" },
  { group: 'follow-up', title: 'Follow-ups and review fixes' },
  { group: 'merged', title: 'Brought in by merges' },
  { group: 'unplanned', title: 'Unplanned work among the tasks' },
];

export function formatTable(report: VerifyReport, range: string, options: TableOptions = {}): string {
  const width = Math.max(60, options.width ?? DEFAULT_WIDTH);
  const p = paint(options.color === true);
  const out: string[] = [];
  const n = report.commits.length;
  const plural = (k: number, word: string): string => `${k} ${word}${k === 1 ? '' : 's'}`;
  const counts = GROUPS.map(({ group }) => [group, report.commits.filter((c) => c.group === group).length] as const).filter(([, k]) => k > 0);
  const taskCommits = report.commits.filter((c) => c.group === 'task').length;
  const label: Record<Exclude<CommitGroup, 'task'>, [string, string]> = {
    plan: ["plan's own", "plan's own"],
    'follow-up': ['follow-up', 'follow-ups'],
    merged: ['merged in', 'merged in'],
    unplanned: ['unplanned', 'unplanned'],
  };
  const breakdown =
    counts.length > 0 ? ` (${[plural(taskCommits, 'task commit'), ...counts.map(([g, k]) => `${k} ${label[g][k === 1 ? 0 : 1]}`)].join(', ')})` : '';
  out.push(...wrap(`${report.plan}: ${range} — ${plural(n, 'commit')}${breakdown}${report.ran ? ', replayed' : ''}`, width, '', '  '));
  out.push('');

  const problemLines = (q: Problem, indent: string): string[] => {
    const lines = wrap(`${q.kind}: ${q.message}`, width, `${indent}✗ `, `${indent}  `);
    lines[0] = lines[0]!.replace('✗', p.bad('✗'));
    if (q.output) for (const l of q.output.split('\n').slice(-OUTPUT_LINES)) lines.push(fit(`${indent}    │ ${l}`, width));
    return lines;
  };
  const commitLine = (sha: string, subject: string, note: string, indent: string): string => {
    const room = width - indent.length - 9 - (note ? note.length + 2 : 0);
    const head = `${indent}${p.sha(short(sha))}  ${fit(subject, Math.max(12, room))}`;
    return note ? `${head}  ${p.dim(note)}` : head;
  };

  for (const t of report.tasks) {
    const mark = t.ok ? p.ok('✓') : p.bad('✗');
    out.push(`${mark} ${p.bold(`Task ${t.task}`)}  ${fit(t.title, width - 10 - String(t.task).length)}`);
    const subjects = new Map(report.commits.map((c) => [c.sha, c.subject]));
    if (t.commits.length === 0) out.push(`    ${p.dim('no commit')}`);
    for (const sha of t.commits) {
      const ev = t.evidence.find((e) => e.commit === sha);
      const subject = subjects.get(sha) ?? '';
      out.push(commitLine(sha, subject, '', '    '));
      if (ev && ev.reasons.length > 0) out.push(...wrap(`evidence: ${ev.reasons.join('; ')}`, width, '             ', '             ').map(p.dim));
    }
    for (const test of t.tests) out.push(...testLines(test, width, p));
    if (t.runs && t.runs.length > 0) {
      const byPhase = t.runs.filter((x) => x.phase !== 'setup').map((x) => `${x.phase} ${x.ok ? p.ok('✓') : p.bad('✗')}`);
      out.push(`    run  ${byPhase.join('  ')}`);
    }
    for (const q of t.problems) out.push(...problemLines(q, '    '));
  }

  for (const { group, title } of GROUPS) {
    const commits = report.commits.filter((c) => c.group === group);
    if (commits.length === 0) continue;
    out.push('');
    out.push(p.bold(`${title} (${commits.length})`));
    for (const c of commits) out.push(commitLine(c.sha, c.subject, plural(c.files.length, 'file'), '  '));
  }
  if (report.merges.length > 0) {
    out.push('');
    out.push(p.bold(`Merges (${report.merges.length})`));
    for (const m of report.merges) out.push(commitLine(m.sha, m.subject, '', '  '));
  }
  if (report.problems.length > 0) {
    out.push('');
    out.push(p.bold('Plan-wide:'));
    for (const q of report.problems) out.push(...problemLines(q, '  '));
  }
  out.push('');
  const broken = report.tasks.filter((t) => !t.ok).length;
  const tasks = report.tasks.length;
  if (report.ok) {
    out.push(`${p.ok('✓')} Every task kept its promises (${plural(tasks, 'task')}, ${plural(n, 'commit')}${report.ran ? ', red → green replayed' : ''}).`);
  } else {
    const parts: string[] = [];
    if (broken > 0) parts.push(`${broken} of ${plural(tasks, 'task')} broke a promise`);
    if (report.problems.length > 0) parts.push(plural(report.problems.length, 'plan-wide problem'));
    out.push(`${p.bad('✗')} ${parts.join('; ')}.`);
  }
  if (!report.ran) out.push(...wrap("(commands not run: add --run to replay each task's red → green steps in a temporary worktree)", width, '  ', '   '));
  return out.join('\n') + '\n';
}

function testLines(t: TaskReport['tests'][number], width: number, p: Paint): string[] {
  const where = t.found ? `${t.found.file}:${t.found.line}${t.found.name && t.found.name !== t.name ? `, as ${t.found.name}` : ''}` : 'not found';
  const text = `${t.contract} "${t.name}" (${where})`;
  const lines = wrap(text, width, `    test ${t.found ? '✓' : '✗'} `, '           ');
  lines[0] = lines[0]!.replace(/^( {4}test )([✓✗])/, (_, a: string, m: string) => a + (m === '✓' ? p.ok(m) : p.bad(m)));
  return lines;
}

export function formatJson(report: VerifyReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
