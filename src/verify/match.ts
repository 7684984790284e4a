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
import { globToRegExp } from '../ground/glob.js';
import { escapeRegExp } from '../escape-regexp.js';

/** What a task promises about its commit, as far as matching needs. */
export interface TaskPromise {
  number: number;
  /** The commit subject written in the plan, if any. */
  subject: string | undefined;
  /** The task's title, the words to go by when the plan writes no commit subject. */
  title?: string;
  contracts: string[];
  /** Files the task changes (repo-relative paths, directories or globs). */
  files: string[];
  /**
   * Code names and command-line flags the task's prose names in code spans and no other task
   * does (`--defaults-filepath`, `build_blis_command`): a commit subject naming one speaks of the task.
   */
  names?: string[];
}

export interface Matching {
  /** For each task (by index in the tasks array): indexes of its commits, oldest first. */
  commitsOf: number[][];
  /** For each commit: index of its task, or undefined. */
  taskOf: Array<number | undefined>;
  /** Commits attached to a task against the plan's order. */
  outOfOrder: Set<number>;
  /** Why each assigned commit was given its task (indexed like the commits). */
  evidence: Array<string[] | undefined>;
  /** Tasks (by index) a squashed commit carries besides its own task: task → commit indexes. */
  carried: Map<number, number[]>;
}

/** Score a commit needs to be attached to a task at all. */
const ASSIGNABLE = 12;
/** Score a commit needs to be attached to a task out of order. */
const STRONG = 40;
const EXACT = 100;
/** Word overlap of subjects that counts as the subject speaking of the task. */
const SUBJECT_WORDS = 0.3;
/** File overlap (F1) a commit needs when only its files speak for a task. */
const FILES_ONLY = 0.5;

const CONVENTIONAL = /^([a-z]+)(\([^)]*\))?!?:\s*/i;
const STOPWORDS = new Set(['the', 'and', 'for', 'with', 'from', 'into', 'that', 'this', 'add', 'adds', 'implement', 'implements', 'use', 'new', 'task', 'tests', 'test', 'update', 'fix']);
/**
 * Subjects of review fixes and follow-ups: conventional types that do not introduce planned work,
 * and the words reviews leave. Such a commit joins a task only on the evidence of its subject.
 */
const FOLLOW_UP_TYPE = /^(?:fix|style|chore|docs|revert|ci|build)(?:\([^)]*\))?!?:/i;
const FOLLOW_UP_WORDS = /^(?:fixup!|squash!|amend!)|\b(?:address(?:es|ed)?|review(?:ers?|ed)?|round\s*\d|convergence|feedback|nits?|follow[- ]?up|self-audit|re-review)\b/i;

/**
 * Whether a subject reads as a review fix or follow-up rather than planned work. A type the
 * plan's own commit subjects use ("docs" in a documentation plan) is planned work.
 */
export function looksLikeFollowUp(subject: string, plannedTypes: ReadonlySet<string> = new Set()): boolean {
  return reviewWords(subject) || followUpType(subject, plannedTypes);
}

/** Words reviews leave in subjects ("address review findings", "round 2", "fixup!"). */
export function reviewWords(subject: string): boolean {
  return FOLLOW_UP_WORDS.test(subject);
}

function followUpType(subject: string, plannedTypes: ReadonlySet<string>): boolean {
  const type = CONVENTIONAL.exec(subject)?.[1]?.toLowerCase();
  return FOLLOW_UP_TYPE.test(subject) && !(type !== undefined && plannedTypes.has(type));
}

/** The conventional types of the plan's commit subjects. */
export function plannedTypes(tasks: readonly TaskPromise[]): Set<string> {
  const types = new Set<string>();
  for (const t of tasks) {
    const type = t.subject === undefined ? undefined : CONVENTIONAL.exec(t.subject)?.[1]?.toLowerCase();
    if (type) types.add(type);
  }
  return types;
}

/** Word overlap of a commit subject with a task's planned subject or, failing that, its title. */
export function subjectSimilarity(task: TaskPromise, subject: string, prefixes: ReadonlySet<string>): number {
  const theirs = words(subject, prefixes);
  return Math.max(task.subject ? jaccard(words(task.subject, prefixes), theirs) : 0, task.title ? jaccard(words(task.title, prefixes), theirs) : 0);
}

/** Contract ids a text names, restricted to the prefixes the plan uses; "BC-1 through BC-4" names all four. */
export function contractRefs(text: string, prefixes: ReadonlySet<string>): string[] {
  const ids = new Set<string>();
  for (const m of text.matchAll(CONTRACT_ID)) {
    if (prefixes.has(m[1]!)) ids.add(`${m[1]}-${Number(m[2])}`);
  }
  for (const m of text.matchAll(/\b([A-Z]{1,4})-(\d{1,3})\s*(?:through|thru|to|\.\.|–|-)\s*(?:\1-)?(\d{1,3})\b/g)) {
    const [from, to] = [Number(m[2]), Number(m[3])];
    if (!prefixes.has(m[1]!) || to <= from || to - from > 30) continue;
    for (let k = from; k <= to; k++) ids.add(`${m[1]}-${k}`);
  }
  return [...ids];
}

/** Plan paths are written as `./a/b`, `a/b/`, `a/*.go`; git reports `a/b`. */
export function normalizePlanPath(path: string): string {
  return path
    .trim()
    .replace(/^`|`$/g, '')
    .replace(/^\.\//, '')
    .replace(/^\/+/, '')
    .replace(/:\d[\d,\s-]*$/, '')
    .replace(/[),.;:]+$/, '');
}

/** Whether a changed file is covered by one Files entry (exact path, directory, or glob). */
export function fileMatches(entry: string, file: string): boolean {
  const e = normalizePlanPath(entry);
  if (e === '') return false;
  if (/[*?[]/.test(e)) return globToRegExp(e).test(file);
  if (e.endsWith('/')) return file.startsWith(e);
  // A bare file name in a Files list sits under a directory the list names ("specs/x/" then "plan.md").
  if (!e.includes('/') && file.endsWith(`/${e}`)) return true;
  return file === e || file.startsWith(`${e}/`);
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
      .filter((w) => w.length >= 3 && !/^\d+$/.test(w) && !STOPWORDS.has(w))
      // Crude stemming, so "allocation" meets "allocate" less often than "rescaling" meets "rescale".
      .map((w) => (w.length > 5 ? w.replace(/(?:ing|ed|es|s)$/, '') : w)),
  );
}

/** CamelCase or snake_case code names in a subject. */
function identifiers(text: string): Set<string> {
  // Six characters at least: "E2E" or "vLLM" is an acronym, not a code name.
  return new Set(
    [...text.matchAll(/\b(?:[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[a-z]+[A-Z]\w*|[a-z0-9]+_[a-z0-9_]+)\b/g)].map((m) => m[0]).filter((id) => id.length >= 6 && /[a-z]{2}/.test(id)),
  );
}

/** Code names in a text's code spans: flags (`--kernel-profile`) and identifiers as identifiers() reads them. */
export function codeNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/`([^`\n]+)`/g)) {
    const span = m[1]!.trim();
    if (/^--[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(span)) out.add(span);
    else if (/^[A-Za-z_][\w.]*(?:\(\))?$/.test(span)) for (const id of identifiers(span.replace(/\(\)$/, ''))) out.add(id);
  }
  return out;
}

/** Whether a subject names a code name or flag as a whole word. */
function namedIn(subject: string, name: string): boolean {
  return new RegExp(`(?:^|[^\\w-])${escapeRegExp(name)}(?![\\w-])`).test(subject);
}

/**
 * Whether a commit subject speaks of the plan by its title: most of the title's words, once the
 * words every plan's title has ("implementation plan", "design") are set aside.
 */
export function subjectNamesPlan(subject: string, title: string, prefixes: ReadonlySet<string>): boolean {
  const generic = /\b(?:implementation|plans?|designs?|specs?|specifications?|docs?)\b/gi;
  return jaccard(words(subject.replace(CONVENTIONAL, '').replace(generic, ' '), prefixes), words(title.replace(/^#+\s*/, '').replace(generic, ' '), prefixes)) >= 0.5;
}

function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** How a commit relates to a task: a score and the evidence behind it. */
export interface Evidence {
  score: number;
  /** Whether the subject itself speaks of the task (exact subject, its words, its contracts, "Task N"). */
  bySubject: boolean;
  /** Overlap (F1) of the commit's files with the task's. */
  files: number;
  /** Word overlap of the subjects. */
  similarity: number;
  /** Points the contract ids gave, and whether the subject spoke of the task by them alone. */
  contractPoints: number;
  byContractsOnly: boolean;
  reasons: string[];
}

/** Evidence that a commit is the commit of a task (score 0 = none; ≥ 100 = the plan's exact subject). */
export function matchEvidence(task: TaskPromise, commit: CommitInfo, prefixes: ReadonlySet<string>): Evidence {
  const reasons: string[] = [];
  let files = 0;
  if (task.files.length > 0 && commit.files.length > 0) {
    const matchedFiles = commit.files.filter((f) => task.files.some((e) => fileMatches(e, f))).length;
    const coveredEntries = task.files.filter((e) => commit.files.some((f) => fileMatches(e, f))).length;
    const precision = matchedFiles / commit.files.length;
    const recall = coveredEntries / task.files.length;
    if (precision + recall > 0) files = (2 * precision * recall) / (precision + recall);
    if (coveredEntries > 0) reasons.push(`files ${coveredEntries}/${task.files.length}`);
  }
  if (task.subject !== undefined && normalizeSubject(task.subject) === normalizeSubject(commit.subject)) {
    return { score: EXACT, bySubject: true, files, similarity: 1, contractPoints: 0, byContractsOnly: false, reasons: ["plan's subject", ...reasons] };
  }
  let s = 30 * files;
  let bySubject = false;
  const similarity = subjectSimilarity(task, commit.subject, prefixes);
  s += 30 * similarity;
  if (similarity >= SUBJECT_WORDS) {
    bySubject = true;
    reasons.push(`subject words ${Math.round(100 * similarity)}%`);
  }
  // A code name both subjects use ("AnalyzeSaturation", "CachedSnapshotProvider") is the task's topic.
  const shared = [...identifiers(commit.subject)].filter((id) => identifiers(`${task.subject ?? ''} ${task.title ?? ''}`).has(id));
  // So is a name only this task's steps use, when the subject names it.
  const ownName = shared.length > 0 ? undefined : (task.names ?? []).find((name) => namedIn(commit.subject, name));
  if (shared.length > 0 || ownName !== undefined) {
    s += 15;
    if (!bySubject) reasons.push(`names ${shared[0] ?? ownName}`);
    bySubject = true;
  }
  // The subject's contract ids: a body may cite other contracts, so the body counts only when the
  // subject names none. Other ids are no evidence against the task: histories number contracts
  // differently from their plans.
  const taskRefs = new Set(task.contracts);
  const subjectRefs = new Set(contractRefs(commit.subject, prefixes));
  const commitRefs = subjectRefs.size > 0 ? subjectRefs : new Set(contractRefs(commit.message, prefixes));
  let contractPoints = 0;
  let byContractsOnly = false;
  if (taskRefs.size > 0 && commitRefs.size > 0) {
    const j = jaccard(taskRefs, commitRefs);
    contractPoints = (subjectRefs.size > 0 ? 30 : 15) * j;
    s += contractPoints;
    if (j > 0) {
      reasons.push(`contracts ${[...commitRefs].filter((id) => taskRefs.has(id)).join(', ')}`);
      if (subjectRefs.size > 0 && !bySubject) byContractsOnly = bySubject = true;
    } else if (similarity < SUBJECT_WORDS) s -= 8;
  }
  const message = commit.message.replace(/\bT\d+\s*[-–]\s*T?\d+/g, '');
  if (new RegExp(`\\btask\\s*#?${task.number}\\b`, 'i').test(message) || new RegExp(`\\(T${task.number}\\)|\\bT${task.number}:`).test(message)) {
    s += 30;
    bySubject = true;
    reasons.push(`names Task ${task.number}`);
  }
  return { score: s, bySubject, files, similarity, contractPoints, byContractsOnly, reasons };
}

/** How strongly a commit looks like the commit of a task (0 = no evidence; ≥ 100 = exact subject). */
export function matchScore(task: TaskPromise, commit: CommitInfo, prefixes: ReadonlySet<string>): number {
  return matchEvidence(task, commit, prefixes).score;
}

/**
 * Whether the evidence may attach the commit to the task: the subject speaks of the task, or —
 * for planned work that does not read as a follow-up — the files overlap well. One shared file
 * is not enough: review fixes touch the files of the task they fix.
 */
function usable(e: Evidence, commit: CommitInfo, types: ReadonlySet<string>): boolean {
  if (e.score < ASSIGNABLE) return false;
  if (e.bySubject) return !FOLLOW_UP_WORDS.test(commit.subject) || e.score >= STRONG;
  return !looksLikeFollowUp(commit.subject, types) && e.files >= FILES_ONLY;
}

/** A follow-up by its words ("address review"), or by its type when its subject names no task. */
function followUp(e: Evidence, commit: CommitInfo, types: ReadonlySet<string>): boolean {
  return FOLLOW_UP_WORDS.test(commit.subject) || (!e.bySubject && looksLikeFollowUp(commit.subject, types));
}

/** Assigns commits to tasks; see the module comment for the evidence and the order constraint. */
export function matchCommits(tasks: readonly TaskPromise[], commits: readonly CommitInfo[], prefixes: ReadonlySet<string>): Matching {
  const n = tasks.length;
  const m = commits.length;
  const ev: Evidence[][] = tasks.map((t) => commits.map((c) => matchEvidence(t, c, prefixes)));
  const types = plannedTypes(tasks);
  // When a subject's words name one task and its contract ids another, the words win: histories
  // number contracts differently from their plans.
  for (let i = 0; i < m; i++) {
    const byWords = ev.some((row) => row[i]!.similarity >= SUBJECT_WORDS);
    if (!byWords) continue;
    for (const row of ev) {
      const e = row[i]!;
      if (e.similarity >= SUBJECT_WORDS || e.contractPoints === 0 || e.score >= EXACT) continue;
      e.score -= e.contractPoints;
      e.contractPoints = 0;
      e.reasons = e.reasons.filter((r) => !r.startsWith('contracts '));
      if (e.byContractsOnly) e.bySubject = e.byContractsOnly = false;
    }
  }
  // Usable score of commit i for task j, with a small bonus for a similar relative position so
  // that equal evidence is settled by order.
  const gain = (j: number, i: number): number => {
    const e = ev[j]![i]!;
    if (!usable(e, commits[i]!, types)) return 0;
    const pos = 1 - Math.abs((m > 1 ? i / (m - 1) : 0) - (n > 1 ? j / (n - 1) : 0));
    return e.score + 2 * pos;
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

  // A commit attached by its files alone after the last commit whose subject names a task is a
  // follow-up of the work, not more of the task.
  // So is a review-looking commit after it, whatever its subject says.
  let lastBySubject = -1;
  taskOf.forEach((t, i) => {
    if (t !== undefined && ev[t]![i]!.bySubject && !FOLLOW_UP_WORDS.test(commits[i]!.subject)) lastBySubject = i;
  });
  taskOf.forEach((t, i) => {
    if (t !== undefined && i > lastBySubject && (!ev[t]![i]!.bySubject || followUp(ev[t]![i]!, commits[i]!, types))) taskOf[i] = undefined;
  });

  // A commit that changes the promised files of several tasks — distinct files, not the one file
  // every task edits — carries them all (the plan's tasks squashed into one commit). Weaker
  // matches of those tasks elsewhere are then follow-ups.
  const carried = new Map<number, number[]>();
  commits.forEach((c, i) => {
    if (looksLikeFollowUp(c.subject, types)) return;
    const named = taskNumbersNamed(c.message);
    let covered = tasks.map((t, j) => ({ t, j })).filter(({ t }) => coversPromise(t.files, c.files));
    const distinct = new Set(covered.flatMap(({ t }) => t.files));
    // A message that names its tasks ("Tasks 6-10 of …") says which it carries.
    if (named.size >= 2) covered = tasks.map((t, j) => ({ t, j })).filter(({ t }) => named.has(t.number));
    else if (covered.length < 3 || distinct.size < 4) return;
    for (const { j } of covered) {
      // A task an earlier commit already carries is not carried again by later rework.
      // Nor, when only files say so, is a task with a strong commit of its own; a message that
      // names the task ("Tasks 6-10") outweighs a later rework that resembles it.
      if (carried.has(j)) continue;
      const ownStrong = (x: number): boolean => taskOf.some((t, k) => t === x && k !== i && ev[x]![k]!.bySubject && ev[x]![k]!.score >= STRONG);
      if (named.size < 2 && ownStrong(j)) continue;
      // Nor a task whose files are all another task's that has a strong commit of its own elsewhere:
      // those files speak for that task ("Task 1" with no commit step, folded into Task 2's).
      if (named.size < 2 && covered.some(({ t, j: x }) => x !== j && ownStrong(x) && tasks[j]!.files.every((f) => t.files.includes(f)))) continue;
      taskOf.forEach((t, k) => {
        if (t === j && k !== i && ev[j]![k]!.score < STRONG) taskOf[k] = undefined;
      });
      if (taskOf[i] !== j) carried.set(j, [...(carried.get(j) ?? []), i]);
    }
  });

  // A commit the order gave to a task it barely matches, while it plainly is the commit of a
  // task that has none: it is that task's, out of order.
  const outOfOrder = new Set<number>();
  taskOf.forEach((t, i) => {
    if (t === undefined) return;
    for (let j = 0; j < n; j++) {
      const e = ev[j]![i]!;
      const taken = taskOf.some((x) => x === j) || carried.has(j);
      if (j !== t && !taken && e.bySubject && e.score >= STRONG && e.score >= ev[t]![i]!.score + 20) {
        taskOf[i] = j;
        outOfOrder.add(i);
        break;
      }
    }
  });

  // After the last task's own commit, more commits join a task only on strong evidence: one
  // shared word ("printer") does not make "test: tighten printer assertions" part of the task.
  const anchors = tasks.map((_, j) => {
    let best = -1;
    taskOf.forEach((t, i) => {
      if (t === j && (best < 0 || ev[j]![i]!.score > ev[j]![best]!.score)) best = i;
    });
    return best;
  });
  const lastAnchor = Math.max(-1, ...anchors);
  taskOf.forEach((t, i) => {
    if (t !== undefined && i > lastAnchor && ev[t]![i]!.score < STRONG) taskOf[i] = undefined;
  });

  // Strong matches the order left out: attach them, flagged.
  for (let i = 0; i < m; i++) {
    if (taskOf[i] !== undefined) continue;
    let bestTask = -1;
    let bestScore = STRONG - 1;
    for (let j = 0; j < n; j++) {
      const e = ev[j]![i]!;
      // A late docs or fix commit that resembles a task is a follow-up of it, not the task out of order.
      const late = e.score < EXACT && looksLikeFollowUp(commits[i]!.subject, types);
      if (e.score > bestScore && e.bySubject && usable(e, commits[i]!, types) && !late) {
        bestScore = e.score;
        bestTask = j;
      }
    }
    if (bestTask >= 0) {
      taskOf[i] = bestTask;
      outOfOrder.add(i);
    }
  }

  const commitsOf: number[][] = tasks.map(() => []);
  const evidence: Array<string[] | undefined> = new Array<string[] | undefined>(m).fill(undefined);
  taskOf.forEach((t, i) => {
    if (t === undefined) return;
    commitsOf[t]!.push(i);
    evidence[i] = ev[t]![i]!.reasons;
  });
  return { commitsOf, taskOf, outOfOrder, evidence, carried };
}

/** Task numbers a commit message names: "Task 3", "Tasks 6-10", "Tasks 2, 3 and 5". */
export function taskNumbersNamed(message: string): Set<number> {
  const out = new Set<number>();
  for (const m of message.matchAll(/\bTasks?\s+#?(\d+)((?:\s*(?:,|&|and|-|–|through|to)\s*#?\d+)*)/gi)) {
    const first = Number(m[1]);
    out.add(first);
    let prev = first;
    for (const part of m[2]!.matchAll(/(,|&|and|-|–|through|to)\s*#?(\d+)/gi)) {
      const k = Number(part[2]);
      if (/^(?:-|–|through|to)$/i.test(part[1]!) && k > prev && k - prev <= 30) for (let x = prev + 1; x <= k; x++) out.add(x);
      else out.add(k);
      prev = k;
    }
  }
  return out;
}

/** Whether a commit's files keep a task's promise: all of its files, or most of a long list. */
export function coversPromise(promised: readonly string[], files: readonly string[]): boolean {
  if (promised.length === 0) return false;
  const covered = promised.filter((e) => files.some((f) => fileMatches(e, f))).length;
  return covered === promised.length || (promised.length >= 3 && covered / promised.length >= 0.6);
}
