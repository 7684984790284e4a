/**
 * The PR description the spec's workflow asks for, from the plan (and, when given, the
 * `verify --format json` report): summary, behavioral contracts, test verification, closing
 * keywords.
 */
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import type { Contract, HeaderFieldName, Plan } from '../plan/types.js';

/** The part of a verify report the PR body reads (what `verify --format json` prints). */
export interface VerifySummary {
  ok: boolean;
  /** The plan path verify was given. */
  plan?: string;
  base?: string;
  head?: string;
  ran?: boolean;
  tasks: Array<{ task: number; title: string; commits: string[]; ok: boolean; problems: Array<{ kind: string; message: string }> }>;
  problems: Array<{ kind: string; message: string }>;
  /** The PR's commits with their group (reports of older versions have no group). */
  commits?: Array<{ sha: string; subject: string; group?: string }>;
}

const MAX_CLAUSE = 220;

/** Commits of no task, by group, as the PR body counts them. */
const OTHER_GROUPS: Array<[string, string, string]> = [
  ['plan', 'commit of the plan itself', 'commits of the plan itself'],
  ['follow-up', 'follow-up or review fix', 'follow-ups and review fixes'],
  ['merged', 'commit brought in by a merge', 'commits brought in by merges'],
  ['unplanned', 'unplanned commit among the tasks', 'unplanned commits among the tasks'],
];

/** Reads `verify --format json` output; InputError naming the source when it is not one. */
export function parseVerifyJson(text: string, source: string): VerifySummary {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(`${source} is not JSON: give the output of "microplan verify <plan> --base <rev> --format json"`);
  }
  const bad = (): never => {
    throw new InputError(`${source} is not a verify report (expected {"ok", "tasks", "problems"}): give the output of "microplan verify … --format json"`);
  };
  if (typeof data !== 'object' || data === null) return bad();
  const d = data as Record<string, unknown>;
  if (typeof d.ok !== 'boolean' || !Array.isArray(d.tasks) || !Array.isArray(d.problems)) return bad();
  const isProblem = (p: unknown): boolean => typeof p === 'object' && p !== null && typeof (p as Record<string, unknown>).kind === 'string' && typeof (p as Record<string, unknown>).message === 'string';
  for (const t of d.tasks as unknown[]) {
    if (typeof t !== 'object' || t === null) return bad();
    const r = t as Record<string, unknown>;
    if (typeof r.task !== 'number' || typeof r.ok !== 'boolean' || !Array.isArray(r.problems) || !r.problems.every(isProblem)) return bad();
    if (typeof r.title !== 'string') r.title = '';
    if (!Array.isArray(r.commits)) r.commits = [];
  }
  if (!(d.problems as unknown[]).every(isProblem)) return bad();
  if (d.commits !== undefined && !Array.isArray(d.commits)) delete d.commits;
  return d as unknown as VerifySummary;
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * A report belongs to this plan: same file name, and the same tasks (number and title). A report
 * of another plan — or of this one before its tasks changed — would put false results in the PR.
 */
export function checkReportMatchesPlan(plan: Plan, report: VerifySummary, source: string): void {
  const fix = `run "microplan verify ${plan.path} --base <rev> --format json" and pass its output`;
  if (typeof report.plan === 'string' && basename(report.plan) !== basename(plan.path)) {
    throw new InputError(`${source} is the verify report of ${report.plan}, not of ${plan.path}: ${fix}`);
  }
  const titles = new Map(plan.tasks.map((t) => [t.number, norm(t.title.text)]));
  const reported = new Set(report.tasks.map((t) => t.task));
  for (const t of report.tasks) {
    const title = titles.get(t.task);
    if (title === undefined || (t.title !== '' && norm(t.title) !== title)) {
      const what = title === undefined ? `reports Task ${t.task}, which ${plan.path} does not have` : `reports Task ${t.task} as "${norm(t.title)}", but ${plan.path} calls it "${title}"`;
      throw new InputError(`${source} ${what}: it was made for another plan or an older version of this one; ${fix}`);
    }
  }
  const missing = plan.tasks.find((t) => !reported.has(t.number));
  if (missing) throw new InputError(`${source} has no result for Task ${missing.number} of ${plan.path}: it was made for another plan or an older version of this one; ${fix}`);
}

function field(plan: Plan, name: HeaderFieldName): Plan['header'][number] | undefined {
  return plan.header.find((f) => f.name === name);
}

function condense(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > MAX_CLAUSE ? `${t.slice(0, MAX_CLAUSE - 1)}…` : t;
}

function contractLine(c: Contract): string {
  const clauses = c.clauses.filter((k) => k.keyword !== 'MECHANISM').map((k) => `${k.keyword} ${condense(k.text)}`);
  const name = c.name !== '' ? `: ${c.name}` : '';
  return `- **${c.id}${name}**${clauses.length > 0 ? ` — ${clauses.join('; ')}` : ''}`;
}

const GROUP_TITLES = { positive: 'Behavioral', negative: 'Negative', error: 'Error handling' } as const;

/** "Fixes #12, fixes #13" → ["Fixes #12", "Fixes #13"]; "#7" → ["Closes #7"]; "N/A …" → []. */
export function closingLines(value: string): string[] {
  if (/^\s*(?:n\/a|none|-|—)\b/i.test(value)) return [];
  const lines: string[] = [];
  const re = /\b(close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b\s*:?\s*((?:[\w.-]+\/[\w.-]+)?#\d+)|((?:[\w.-]+\/[\w.-]+)?#\d+)/gi;
  let keyword = 'Closes';
  for (const m of value.matchAll(re)) {
    if (m[1]) keyword = m[1][0]!.toUpperCase() + m[1].slice(1).toLowerCase();
    // "Fixes #1, #2": a bare reference after a keyword takes the same keyword.
    const ref = m[2] ?? m[3]!;
    const line = `${keyword} ${ref}`;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}

export function renderPrBody(plan: Plan, verify?: VerifySummary): string {
  const out: string[] = [];
  out.push('## Summary', '');
  const goal = field(plan, 'Goal');
  if (goal && goal.value.text.trim() !== '') out.push(goal.value.text.trim(), '');
  const adds = field(plan, 'What this PR adds');
  if (adds && (adds.items.length > 0 || adds.value.text.trim() !== '')) {
    out.push('**What this PR adds:**');
    if (adds.value.text.trim() !== '') out.push(adds.value.text.trim());
    adds.items.forEach((item, i) => out.push(adds.ordered ? `${i + 1}. ${item.text}` : `- ${item.text}`));
    out.push('');
  }
  const why = field(plan, 'Why this matters');
  if (why && why.value.text.trim() !== '') out.push(`**Why this matters:** ${why.value.text.trim()}`, '');

  if (plan.contracts.length > 0) {
    out.push('## Behavioral Contracts', '');
    const groups = new Set(plan.contracts.map((c) => c.group));
    if (groups.size > 1) {
      for (const g of ['positive', 'negative', 'error', undefined] as const) {
        const members = plan.contracts.filter((c) => c.group === g);
        if (members.length === 0) continue;
        out.push(`**${g ? GROUP_TITLES[g] : 'Other'}**`, '', ...members.map(contractLine), '');
      }
    } else {
      out.push(...plan.contracts.map(contractLine), '');
    }
  }

  out.push('## Test Verification', '');
  if (verify) {
    const range = verify.base && verify.head ? ` on ${verify.base.slice(0, 7)}..${verify.head.slice(0, 7)}` : '';
    const how = verify.ran ? 'history checked, red → green steps replayed' : 'history checked, commands not replayed';
    const broken = verify.tasks.filter((t) => !t.ok).length;
    out.push(
      verify.ok
        ? `\`microplan verify\`${range}: ✓ every task kept its promises (${how}).`
        : `\`microplan verify\`${range}: ✗ ${broken} of ${verify.tasks.length} tasks broke a promise (${how}).`,
      '',
    );
    for (const t of verify.tasks) {
      const commits = t.commits.length > 0 ? ` (${t.commits.map((c) => c.slice(0, 7)).join(', ')})` : '';
      out.push(`- ${t.ok ? '✓' : '✗'} Task ${t.task}: ${t.title}${commits}`);
      for (const p of t.problems) out.push(`  - ${p.kind}: ${p.message}`);
    }
    const others = OTHER_GROUPS.map(([g, one, many]) => {
      const k = (verify.commits ?? []).filter((c) => c.group === g).length;
      return k === 0 ? '' : `${k} ${k === 1 ? one : many}`;
    }).filter(Boolean);
    if (others.length > 0) out.push('', `Other commits: ${others.join(', ')}.`);
    if (verify.problems.length > 0) {
      out.push('', '**Plan-wide:**', '');
      for (const p of verify.problems) out.push(`- ✗ ${p.kind}: ${p.message}`);
    }
    out.push('');
  } else if (plan.testStrategy.rows.length > 0) {
    out.push('| Contract | Task | Type | Test |', '|---|---|---|---|');
    for (const r of plan.testStrategy.rows) {
      out.push(`| ${[r.contract, r.task, r.type, r.name].map((c) => c.text.replace(/\|/g, '\\|').trim()).join(' | ')} |`);
    }
    out.push('', '_Not verified: run `microplan verify <plan> --base <rev> --format json` and pass it with `--verify`._', '');
  } else {
    out.push('_Not verified: run `microplan verify <plan> --base <rev> --format json` and pass it with `--verify`._', '');
  }

  const closes = field(plan, 'Closes');
  const lines = closes ? closingLines(closes.value.text) : [];
  if (lines.length > 0) out.push(...lines, '');
  return out.join('\n').replace(/\n+$/, '\n');
}
