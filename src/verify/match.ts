/**
 * Which commits carry which task. Evidence, strongest first: the commit subject the plan wrote
 * for the task, verbatim; then the contract ids the message names, the files it touches and the
 * words of its subject (plus an explicit "Task N"). Assignments follow the plan's order — the
 * tasks are meant to be executed in sequence — so the best assignment is found by a monotone
 * alignment (dynamic programming) of commits to tasks. A commit that matches a task strongly but
 * out of order is still attached to it, and reported.
 */
import { CONTRACT_ID } from '../plan/contracts.js';
import type { CommitInfo } from './types.js';

/** What a task promises about its commit, as far as matching needs. */
export interface TaskPromise {
  number: number;
  /** The commit subject written in the plan, if any. */
  subject: string | undefined;
  contracts: string[];
  /** The task's Files list (repo-relative paths, directories or globs). */
  files: string[];
}

export interface Matching {
  /** For each task (by index in the tasks array): indexes of its commits, oldest first. */
  commitsOf: number[][];
  /** For each commit: index of its task, or undefined. */
  taskOf: Array<number | undefined>;
  /** Commits attached to a task against the plan's order. */
  outOfOrder: Set<number>;
}

/** Score a commit needs to be attached to a task at all. */
const ASSIGNABLE = 12;
/** Score a commit needs to be attached to a task out of order. */
const STRONG = 40;
const EXACT = 100;

const CONVENTIONAL = /^([a-z]+)(\([^)]*\))?!?:\s*/i;
const STOPWORDS = new Set(['the', 'and', 'for', 'with', 'from', 'into', 'that', 'this', 'add', 'adds', 'implement', 'implements', 'use', 'new']);

/** Contract ids a text names, restricted to the prefixes the plan uses. */
export function contractRefs(text: string, prefixes: ReadonlySet<string>): string[] {
  const ids = new Set<string>();
  for (const m of text.matchAll(CONTRACT_ID)) {
    if (prefixes.has(m[1]!)) ids.add(`${m[1]}-${Number(m[2])}`);
  }
  return [...ids];
}

/** Plan paths are written as `./a/b`, `a/b/`, `a/*.go`; git reports `a/b`. */
export function normalizePlanPath(path: string): string {
  return path.trim().replace(/^`|`$/g, '').replace(/^\.\//, '').replace(/^\/+/, '');
}

/** Whether a changed file is covered by one Files entry (exact path, directory, or glob). */
export function fileMatches(entry: string, file: string): boolean {
  const e = normalizePlanPath(entry);
  if (e === '') return false;
  if (/[*?[]/.test(e)) return globToRegExp(e).test(file);
  if (e.endsWith('/')) return file.startsWith(e);
  return file === e || file.startsWith(`${e}/`);
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += /[.+^${}()|[\]\\]/.test(ch) ? `\\${ch}` : ch;
  }
  return new RegExp(`^${re}$`);
}

function normalizeSubject(s: string): string {
  return s.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
}

function words(subject: string, prefixes: ReadonlySet<string>): Set<string> {
  let s = subject.replace(CONVENTIONAL, '');
  for (const id of contractRefs(s, prefixes)) s = s.replaceAll(id, ' ');
  return new Set(
    s
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 3 && !STOPWORDS.has(w)),
  );
}

function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** How strongly a commit looks like the commit of a task (0 = no evidence; ≥ 100 = exact subject). */
export function matchScore(task: TaskPromise, commit: CommitInfo, prefixes: ReadonlySet<string>): number {
  if (task.subject !== undefined && normalizeSubject(task.subject) === normalizeSubject(commit.subject)) return EXACT;
  let s = 0;
  const taskRefs = new Set(task.contracts);
  const commitRefs = new Set(contractRefs(commit.message, prefixes));
  if (taskRefs.size > 0 && commitRefs.size > 0) {
    const j = jaccard(taskRefs, commitRefs);
    // A commit that names only other contracts is evidence against this task.
    s += j > 0 ? 40 * j : -15;
  }
  if (task.files.length > 0 && commit.files.length > 0) {
    const matchedFiles = commit.files.filter((f) => task.files.some((e) => fileMatches(e, f))).length;
    const coveredEntries = task.files.filter((e) => commit.files.some((f) => fileMatches(e, f))).length;
    const precision = matchedFiles / commit.files.length;
    const recall = coveredEntries / task.files.length;
    if (precision + recall > 0) s += (30 * 2 * precision * recall) / (precision + recall);
  }
  if (task.subject !== undefined) s += 25 * jaccard(words(task.subject, prefixes), words(commit.subject, prefixes));
  if (new RegExp(`\\btask\\s*#?${task.number}\\b`, 'i').test(commit.message)) s += 30;
  return s;
}

/** Assigns commits to tasks; see the module comment for the evidence and the order constraint. */
export function matchCommits(tasks: readonly TaskPromise[], commits: readonly CommitInfo[], prefixes: ReadonlySet<string>): Matching {
  const n = tasks.length;
  const m = commits.length;
  const score: number[][] = tasks.map((t) => commits.map((c) => matchScore(t, c, prefixes)));
  // Usable score of commit i for task j, with a small bonus for a similar relative position so
  // that equal evidence is settled by order.
  const gain = (j: number, i: number): number => {
    const s = score[j]![i]!;
    if (s < ASSIGNABLE) return 0;
    const pos = 1 - Math.abs((m > 1 ? i / (m - 1) : 0) - (n > 1 ? j / (n - 1) : 0));
    return s + 2 * pos;
  };

  // best[i][j]: best total for the first i commits with every assigned task index ≤ j.
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  const choice: Array<Array<'left' | 'take' | 'skip'>> = Array.from({ length: m + 1 }, () => new Array<'left' | 'take' | 'skip'>(n + 1).fill('skip'));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const left = best[i]![j - 1]!;
      const g = gain(j - 1, i - 1);
      const take = g > 0 ? best[i - 1]![j]! + g : -Infinity;
      const skip = best[i - 1]![j]!;
      if (take >= left && take >= skip) {
        best[i]![j] = take;
        choice[i]![j] = 'take';
      } else if (skip >= left) {
        best[i]![j] = skip;
        choice[i]![j] = 'skip';
      } else {
        best[i]![j] = left;
        choice[i]![j] = 'left';
      }
    }
  }

  const taskOf: Array<number | undefined> = new Array<number | undefined>(m).fill(undefined);
  for (let i = m, j = n; i > 0 && j > 0; ) {
    const c = choice[i]![j]!;
    if (c === 'left') j--;
    else {
      if (c === 'take') taskOf[i - 1] = j - 1;
      i--;
    }
  }

  // Strong matches the order left out: attach them, flagged.
  const outOfOrder = new Set<number>();
  for (let i = 0; i < m; i++) {
    if (taskOf[i] !== undefined) continue;
    let bestTask = -1;
    let bestScore = STRONG - 1;
    for (let j = 0; j < n; j++) {
      if (score[j]![i]! > bestScore) {
        bestScore = score[j]![i]!;
        bestTask = j;
      }
    }
    if (bestTask >= 0) {
      taskOf[i] = bestTask;
      outOfOrder.add(i);
    }
  }

  const commitsOf: number[][] = tasks.map(() => []);
  taskOf.forEach((t, i) => {
    if (t !== undefined) commitsOf[t]!.push(i);
  });
  return { commitsOf, taskOf, outOfOrder };
}
