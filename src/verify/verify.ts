/**
 * verifyPlan: the PR's history read against its plan, without running anything. Maps each task
 * to its commits (see match.ts) and checks what the history shows of each promise: a commit in
 * conventional form naming the task's contracts, only the task's files, and the tests the
 * test-strategy table names present in the head tree.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { parsePlan } from '../plan/parse.js';
import { SHELL_LANGS } from '../plan/tasks.js';
import type { Plan, Task } from '../plan/types.js';
import { existsAt, fileAt, firstParentCommits, git, runGit, listCommits, listMerges, repoRoot, resolveCommit } from './git.js';
import { codeNames, contractRefs, coversPromise, fileMatches, looksLikeFollowUp, reviewWords, matchCommits, normalizePlanPath, plannedTypes, subjectNamesPlan, subjectSimilarity, taskNumbersNamed, type Matching, type TaskPromise } from './match.js';
import { gitTreeTestFinder, isTestPath } from './test-finder.js';
import { plannedMessage } from './plan-commit.js';
import { brokenStatements } from './statements.js';
import { taskScope, type TaskScope } from './task-scope.js';
import { contractIdsIn, taskNumbersIn, testNamesIn } from './test-names.js';
import type { CommitEvidence, CommitGroup, CommitInfo, Problem, TaskReport, TestCheck, TestFinder, VerifyOptions, VerifyReport } from './types.js';

/** The report plus what a replay (`--run`) needs. */
export interface Verification {
  report: VerifyReport;
  plan: Plan;
  root: string;
  commits: CommitInfo[];
  /** Commits of each task (by task number), oldest first. */
  commitsOf: Map<number, CommitInfo[]>;
}

const CONVENTIONAL_SUBJECT = /^(?:feat|fix|refactor|test|tests|docs|chore|perf|build|ci|style|revert)(?:\([^()\n]+\))?!?: \S/;

export function short(sha: string): string {
  return sha.slice(0, 7);
}

/** Reads and parses the plan; InputError (exit 2) when it is missing, unreadable or has no tasks. */
export async function loadPlan(planPath: string): Promise<Plan> {
  const st = await stat(planPath).catch(() => undefined);
  if (!st) throw new InputError(`cannot read plan ${planPath}: no such file — give the path of the plan Markdown file`);
  if (!st.isFile()) throw new InputError(`cannot read plan ${planPath}: not a file — give the path of the plan Markdown file`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(planPath));
  } catch {
    throw new InputError(`cannot read plan ${planPath}: not UTF-8 text — give the plan Markdown file`);
  }
  const plan = parsePlan(text, planPath);
  if (plan.tasks.length === 0) {
    throw new InputError(`${planPath} has no tasks ("### Task N: <name>" headings), so there is nothing to verify: give the plan the PR executed`);
  }
  return plan;
}

export function contractPrefixes(plan: Plan): Set<string> {
  const prefixes = new Set(['BC', 'NC', 'EC']);
  for (const c of plan.contracts) prefixes.add(c.prefix);
  for (const t of plan.tasks) for (const r of t.contracts) prefixes.add(r.id.slice(0, r.id.lastIndexOf('-')));
  return prefixes;
}

export function taskPromise(task: Task, scope: TaskScope, names: string[] = []): TaskPromise {
  return {
    number: task.number,
    subject: plannedMessage(task)?.subject,
    title: task.title.text.replace(/\((?:[A-Z]{1,4}-\d+(?:,\s*)?)+\)/g, ' ').trim(),
    contracts: [...new Set(task.contracts.map((c) => c.id))],
    // The Files list; a task that lists none is matched by the paths its steps name.
    files: scope.change.length > 0 ? scope.change : scope.touch,
    ...(names.length > 0 ? { names } : {}),
  };
}

/** For each task, the code names and flags its title and steps' prose name and no other task's do. */
export function distinctiveNames(plan: Plan): string[][] {
  const per = plan.tasks.map((t) => codeNames([t.title.text, ...t.steps.flatMap((s) => [s.title.text, ...s.prose.map((p) => p.text)])].join('\n')));
  return per.map((names, k) => [...names].filter((n) => per.every((other, j) => j === k || !other.has(n))));
}

function quote(s: string, max = 60): string {
  return `"${s.length > max ? `${s.slice(0, max - 1)}…` : s}"`;
}

export async function verifyPlan(options: VerifyOptions): Promise<Verification> {
  const plan = await loadPlan(options.planPath);
  const root = await repoRoot(options.repo);
  const headName = options.head ?? 'HEAD';
  const baseSha = await resolveCommit(root, options.base, 'base');
  const headSha = await resolveCommit(root, headName, 'head');
  const allCommits = await listCommits(root, baseSha, headSha);
  const firstParent = await firstParentCommits(root, baseSha, headSha);
  const merges = await listMerges(root, baseSha, headSha);
  const range = `${options.base}..${headName}`;
  const planInRepo = await relativeInside(root, options.planPath);

  // The plan's own commit and what merges brought in are part of the PR but of no task.
  const groupOf = new Map<string, CommitGroup>();
  for (const c of allCommits) {
    if (merges.length > 0 && !firstParent.has(c.sha)) groupOf.set(c.sha, 'merged');
    else if (!namesPlannedSubject(plan, c) && (await isPlanCommit(root, c, plan, planInRepo))) groupOf.set(c.sha, 'plan');
  }
  const commits = allCommits.filter((c) => !groupOf.has(c.sha));

  const prefixes = contractPrefixes(plan);
  const scopes = plan.tasks.map((t) => taskScope(plan, t));
  const names = distinctiveNames(plan);
  const promises = plan.tasks.map((t, k) => taskPromise(t, scopes[k]!, names[k]));
  const matching = matchCommits(promises, commits, prefixes);
  const types = plannedTypes(promises);
  const subjectRefs = new Map(commits.map((c) => [c.sha, contractRefs(c.subject, prefixes)]));
  const refsOf = new Map(commits.map((c) => [c.sha, contractRefs(c.message, prefixes)]));

  // Tasks committed together: a task with no commit of its own whose promised files a
  // neighbouring task's commit (or an unassigned one among the tasks) changes shares that commit.
  const sharedOf = shareCombinedCommits(plan, scopes, promises, commits, matching, prefixes, types);
  await shareByDeclaredNames(root, plan, commits, matching, sharedOf);

  const lastTaskCommit = Math.max(-1, ...matching.taskOf.map((t, i) => (t === undefined ? -1 : i)), ...[...sharedOf.values()].flat());
  commits.forEach((c, i) => {
    if (matching.taskOf[i] !== undefined || [...sharedOf.values()].some((l) => l.includes(i))) groupOf.set(c.sha, 'task');
    // After the planned work: a follow-up. Among the tasks: unplanned, unless a review left it.
    else groupOf.set(c.sha, i > lastTaskCommit || reviewWords(c.subject) ? 'follow-up' : 'unplanned');
  });
  // A commit that changes nothing here (a plan under a directory this history lacks) is this
  // plan's only when it comes before the plan's work or its subject names the plan: an empty
  // commit after the work began is another plan's (two plans executed on one branch).
  const firstTask = allCommits.findIndex((c) => groupOf.get(c.sha) === 'task');
  allCommits.forEach((c, k) => {
    if (groupOf.get(c.sha) !== 'plan' || c.files.length > 0 || firstTask < 0 || k < firstTask) return;
    if (plan.title !== undefined && subjectNamesPlan(c.subject, plan.title.text, prefixes)) return;
    groupOf.set(c.sha, 'follow-up');
  });

  const commitsOf = new Map<number, CommitInfo[]>();
  const combinedReported = new Set<number>();
  const problems: Problem[] = [];
  const tasks: TaskReport[] = [];
  for (const [ti, task] of plan.tasks.entries()) {
    const shared = sharedOf.get(ti) ?? [];
    const ownIdx = [...new Set([...matching.commitsOf[ti]!, ...shared])].sort((a, b) => a - b);
    const own = ownIdx.map((i) => commits[i]!);
    commitsOf.set(task.number, own);
    const promise = promises[ti]!;
    const scope = scopes[ti]!;
    const taskProblems: Problem[] = [];
    const label = `Task ${task.number}`;
    const evidence: CommitEvidence[] = ownIdx.map((i) => {
      const carriers = plan.tasks.filter((_, k) => matching.commitsOf[k]!.includes(i) || (sharedOf.get(k) ?? []).includes(i));
      const c = commits[i]!;
      const ownTask = matching.taskOf[i] === ti;
      const reasons = ownTask
        ? (matching.evidence[i] ?? [])
        : [
            taskNumbersNamed(c.message).has(task.number) ? `message names Task ${task.number}` : "changes the task's files",
            ...(carriers.length > 1 ? [`with Task${carriers.length > 2 ? 's' : ''} ${[...new Set(carriers.filter((t) => t !== task).map((t) => t.number))].join(', ')}`] : []),
          ];
      return {
        commit: c.sha,
        reasons,
        ...(carriers.length > 1 ? { shared: true } : {}),
      };
    });

    if (own.length === 0 && expectsCommit(task, scope)) {
      const hint = commits.filter((c) => promise.contracts.some((id) => subjectRefs.get(c.sha)!.includes(id)));
      const where = hint.length > 0 ? ` (its contracts appear in ${hint.map((c) => short(c.sha)).join(', ')}, which is not this task's: give the task its own commit)` : '';
      const expect = promise.subject ? `commit it with the plan's message ${quote(promise.subject, 80)}` : 'commit its work';
      taskProblems.push({ kind: 'no-commit', task: task.number, message: `${label} (${task.title.text}) has no commit in ${range}${where}: ${expect}.` });
    }

    // Tasks the plan gives their own commit, committed together: one problem for the group.
    for (const i of ownIdx) {
      const carriers = plan.tasks.map((t, k) => ({ t, k })).filter(({ k }) => matching.commitsOf[k]!.includes(i) || (sharedOf.get(k) ?? []).includes(i));
      const ownMessage = carriers.filter(({ t }) => t.commit !== undefined);
      if (carriers.length < 2 || ownMessage.length < 2 || combinedReported.has(i)) continue;
      combinedReported.add(i);
      const c = commits[i]!;
      const numbers = [...new Set(carriers.map(({ t }) => t.number))];
      taskProblems.push({
        kind: 'tasks-combined',
        task: task.number,
        commit: c.sha,
        message: `Tasks ${numbers.join(', ')} were committed together in ${short(c.sha)} ${quote(c.subject)}, though the plan gives each its own commit: each task's red → green step cannot be replayed on its own.`,
      });
    }

    for (const c of matching.commitsOf[ti]!.map((i) => commits[i]!)) {
      const i = commits.indexOf(c);
      if (matching.outOfOrder.has(i)) {
        const later = commits.slice(0, i).map((_, k) => matching.taskOf[k]).filter((t): t is number => t !== undefined && t > ti);
        const after = later.length > 0 ? ` after commits of Task ${plan.tasks[Math.max(...later)]!.number}` : ' out of the plan order';
        taskProblems.push({
          kind: 'out-of-order',
          task: task.number,
          commit: c.sha,
          message: `Commit ${short(c.sha)} ${quote(c.subject)} belongs to ${label} but comes${after}: commit tasks in the plan's order so each builds on the previous ones.`,
        });
      }
      if (!CONVENTIONAL_SUBJECT.test(c.subject)) {
        const example = promise.subject && CONVENTIONAL_SUBJECT.test(promise.subject) ? promise.subject : 'feat(scope): what it does (BC-N)';
        taskProblems.push({
          kind: 'commit-format',
          task: task.number,
          commit: c.sha,
          message: `Commit ${short(c.sha)} subject ${quote(c.subject)} is not a conventional commit: write it as "type(scope): description", e.g. ${quote(example, 80)}.`,
        });
      }
      // A subject naming only contracts of other tasks tells the reader the wrong story.
      const named = subjectRefs.get(c.sha)!;
      const others = named.filter((id) => !promise.contracts.includes(id) && plan.tasks.some((t, k) => k !== ti && t.contracts.some((r) => r.id === id)));
      if (others.length > 0 && named.every((id) => !promise.contracts.includes(id)) && promise.contracts.length > 0) {
        const whose = [...new Set(others.flatMap((id) => plan.tasks.filter((t, k) => k !== ti && t.contracts.some((r) => r.id === id)).map((t) => t.number)))];
        taskProblems.push({
          kind: 'commit-other-contract',
          task: task.number,
          commit: c.sha,
          contract: others[0],
          message: `Commit ${short(c.sha)} of ${label} names ${others.join(', ')} (Task ${whose.join(', ')}'s) and none of ${label}'s contracts (${promise.contracts.join(', ')}): name the contracts the commit implements.`,
        });
      }
    }

    // Contracts the plan's commit message names for this task: the commit should name them too.
    // When the plan's message names none, the commit is not blamed for leaving them out.
    // A commit that carries several tasks is reported once, as tasks-combined, not per contract.
    if (own.length > 0 && task.commit !== undefined && !evidence.every((e) => e.shared)) {
      const promised = taskProblems.some((p) => p.kind === 'commit-other-contract') ? [] : contractRefs(plannedMessage(task)?.text ?? '', prefixes);
      const named = new Set(own.flatMap((c) => refsOf.get(c.sha)!));
      for (const id of promised) {
        if (named.has(id)) continue;
        taskProblems.push({
          kind: 'commit-missing-contract',
          task: task.number,
          contract: id,
          commit: own[own.length - 1]!.sha,
          message: `${label}'s commit message${own.length > 1 ? 's do' : ' does'} not name ${id}, which the plan's commit message names: add "(${id})" to the subject.`,
        });
      }
    }

    // A test-first task whose commits change no test file skipped its red step, whatever the
    // test-strategy table says (or whether the plan has one).
    const testFileMissing = scope.change.some(isTestPath);
    if (own.length > 0 && isTestFirst(task) && !own.some((c) => c.files.some(isTestPath)) && !testFileMissing) {
      taskProblems.push({
        kind: 'test-missing',
        task: task.number,
        commit: own[own.length - 1]!.sha,
        message: `${label} writes a failing test first, but its commit${own.length > 1 ? 's change' : ' changes'} no test file (${own.map((c) => short(c.sha)).join(', ')}): commit the task's test with it.`,
      });
    }

    if (own.length > 0) {
      // Tasks sharing a commit with this one: their files are theirs, not misplaced work.
      const partners = plan.tasks.map((_, k) => k).filter((k) => k !== ti && ownIdx.some((i) => matching.commitsOf[k]!.includes(i) || (sharedOf.get(k) ?? []).includes(i)));
      const inRepo = async (path: string): Promise<boolean> => (await existsAt(root, baseSha, path)) || (await existsAt(root, headSha, path));
      taskProblems.push(...(await fileProblems(plan, task, ti, scopes, own, commits, matching, sharedOf, planInRepo, partners, inRepo)));
    }
    tasks.push({ task: task.number, title: task.title.text, commits: own.map((c) => c.sha), evidence, ok: true, problems: taskProblems, tests: [] });
  }

  // Not one task has a commit: the range is wrong, or the PR does not carry the plan's work.
  // One problem says so, not one per task.
  const noCommit = tasks.flatMap((t) => t.problems.filter((p) => p.kind === 'no-commit'));
  if (tasks.every((t) => t.commits.length === 0) && noCommit.length > 1) {
    for (const t of tasks) t.problems = t.problems.filter((p) => p.kind !== 'no-commit');
    problems.push({
      kind: 'no-commit',
      message: `No task of the plan has a commit in ${range} (${allCommits.length} commit${allCommits.length === 1 ? '' : 's'}, none carrying a task's subject, contracts or files): check --base and --head, or commit the tasks' work.`,
    });
  }

  await checkTests(plan, tasks, root, { base: baseSha, head: headSha }, options.testFinder ?? gitTreeTestFinder(root, headSha), problems);

  // A contract the plan's commit messages promise that no commit names, and no task's problem
  // already reports (its task has no commit, or no task implements it).
  const promisedIds = new Set(plan.tasks.flatMap((t) => contractRefs(plannedMessage(t)?.text ?? '', prefixes)));
  const referenced = new Set([...refsOf.values()].flat());
  const reportedIds = new Set(tasks.flatMap((t) => t.problems.map((p) => p.contract)).filter(Boolean));
  for (const id of promisedIds) {
    if (referenced.has(id) || reportedIds.has(id)) continue;
    // The tasks whose planned message names it, else the tasks that implement it.
    const promisers = plan.tasks.filter((t) => contractRefs(plannedMessage(t)?.text ?? '', prefixes).includes(id));
    const implementers = promisers.length > 0 ? promisers : plan.tasks.filter((t) => t.contracts.some((c) => c.id === id));
    // Its task has no commit (no-commit says so) or shares one (tasks-combined says so).
    // or its commit names other contracts (commit-other-contract says so).
    const reportedFor = (n: number): TaskReport => tasks.find((r) => r.task === n)!;
    if (
      implementers.some(
        (t) =>
          (commitsOf.get(t.number) ?? []).length === 0 ||
          reportedFor(t.number).evidence.some((e) => e.shared) ||
          reportedFor(t.number).problems.some((p) => p.kind === 'commit-other-contract'),
      )
    )
      continue;
    const by = implementers.length > 0 ? ` (${implementers.map((t) => `Task ${t.number}`).join(', ')})` : '';
    problems.push({
      kind: 'contract-unreferenced',
      contract: id,
      message: `Contract ${id} is named by no commit in ${range}: name it in the message of the commit that implements it${by}.`,
    });
  }
  commits.forEach((c) => {
    if (groupOf.get(c.sha) !== 'unplanned') return;
    problems.push({
      kind: 'orphan-commit',
      commit: c.sha,
      message: `Commit ${short(c.sha)} ${quote(c.subject)} comes among the plan's tasks but belongs to none: fold it into its task's commit, or add the work to the plan.`,
    });
  });

  // Statements of the plan hold for every commit of the PR, follow-ups included.
  problems.push(...brokenStatements(plan, allCommits.filter((c) => groupOf.get(c.sha) !== 'merged'), short));

  for (const t of tasks) t.ok = t.problems.length === 0;
  const taskNumbersOf = (i: number): number[] =>
    plan.tasks.filter((_, k) => matching.commitsOf[k]!.includes(i) || (sharedOf.get(k) ?? []).includes(i)).map((t) => t.number);
  const report: VerifyReport = {
    ok: tasks.every((t) => t.ok) && problems.length === 0,
    plan: options.planPath,
    base: baseSha,
    head: headSha,
    commits: allCommits.map((c) => {
      const i = commits.indexOf(c);
      const ti = i >= 0 ? matching.taskOf[i] : undefined;
      const carriers = i >= 0 ? taskNumbersOf(i) : [];
      const task = ti === undefined ? carriers[0] : plan.tasks[ti]!.number;
      return { sha: c.sha, subject: c.subject, files: c.files, task, group: groupOf.get(c.sha) ?? 'unplanned', ...(carriers.length > 1 ? { tasks: carriers } : {}) };
    }),
    merges,
    tasks,
    problems,
    ran: false,
  };
  return { report, plan, root, commits, commitsOf };
}

/** Whether the task starts with a test that must fail (a red step, or a compact **Test:** block). */
function isTestFirst(task: Task): boolean {
  const red = task.steps.some((s) => s.kind === 'test') && task.steps.some((s) => s.kind === 'run-fail');
  return red || (task.compact?.test ?? []).some((b) => !COMMAND_LANGS.has(b.lang));
}

/** Whether the task promises a commit: it has files to change or a commit message of its own, and the plan does not make it conditional. */
function expectsCommit(task: Task, scope: TaskScope): boolean {
  // A task the plan makes conditional ("Optimize Coefficients (if warm-start is promising)",
  // "(optional)") may rightly never happen.
  if (/\((?:only\s+)?(?:if|when|optional)\b[^)]*\)|^\s*optional\b/i.test(task.title.text)) return false;
  if (scope.change.length > 0) return true;
  // A final check ("run the suite; `git add .`; commit") lists no file and writes only shell
  // commands: it has nothing to commit unless it finds something.
  const blocks = [...task.steps.flatMap((s) => s.codeBlocks), ...(task.compact?.test ?? []), ...(task.compact?.impl ?? [])];
  return task.commit !== undefined && blocks.some((b) => !COMMAND_LANGS.has(b.lang));
}

/** Blocks whose lines verify may take for commands: the plan's shell blocks, and `text` ones. */
const COMMAND_LANGS = new Set([...SHELL_LANGS, 'text']);

/**
 * Tasks with no commit of their own whose promised files a commit carrying a neighbouring task
 * changes (or a commit among the tasks that no task claimed): the tasks were committed together.
 * Returns, per task index, the commit indexes it shares.
 */
function shareCombinedCommits(
  plan: Plan,
  scopes: TaskScope[],
  promises: TaskPromise[],
  commits: CommitInfo[],
  matching: Matching,
  prefixes: ReadonlySet<string>,
  types: ReadonlySet<string>,
): Map<number, number[]> {
  const shared = new Map<number, number[]>(matching.carried);
  const covers = (ti: number, i: number): boolean => {
    const c = commits[i]!;
    const change = scopes[ti]!.change;
    if (!coversPromise(change, c.files)) return false;
    // Files the commit's own task lists too say nothing of this task: then its subject must —
    // unless the plan writes no commit for the task, folding it into the next task's.
    const carrier = matching.taskOf[i];
    const distinctive = carrier === undefined || change.some((e) => !scopes[carrier]!.change.includes(e));
    const folded = plan.tasks[ti]!.commit === undefined && carrier !== undefined && carrier > ti;
    return distinctive || folded || subjectSimilarity(promises[ti]!, c.subject, prefixes) >= 0.2;
  };
  const assigned = (k: number): number[] => [...matching.commitsOf[k]!, ...(shared.get(k) ?? [])];
  for (let pass = 0; pass < 2; pass++) {
    plan.tasks.forEach((_, ti) => {
      if (assigned(ti).length > 0) return;
      // The nearest earlier task's last commit, then the nearest later task's first commit.
      const before = [...Array(ti).keys()].reverse().find((k) => assigned(k).length > 0);
      const after = [...Array(plan.tasks.length).keys()].slice(ti + 1).find((k) => assigned(k).length > 0);
      const candidates: number[] = [];
      if (before !== undefined) candidates.push(Math.max(...assigned(before)));
      if (after !== undefined) candidates.push(Math.min(...assigned(after)));
      // An unclaimed planned-work commit between those neighbours may carry several tasks.
      const from = before === undefined ? -1 : Math.max(...assigned(before));
      const to = after === undefined ? commits.length : Math.min(...assigned(after));
      commits.forEach((c, i) => {
        if (i > from && i < to && matching.taskOf[i] === undefined && !looksLikeFollowUp(c.subject, types)) candidates.push(i);
      });
      const hit = candidates.find((i) => covers(ti, i));
      if (hit !== undefined) shared.set(ti, [hit]);
    });
  }
  return shared;
}

/**
 * A task still without a commit whose title names code ("Create SaturationVerdict struct") that a
 * neighbouring task's commit adds shares that commit. The name is looked up in the lines the commit
 * adds — a text search for a name, not a reading of the code's structure.
 */
async function shareByDeclaredNames(root: string, plan: Plan, commits: CommitInfo[], matching: Matching, shared: Map<number, number[]>): Promise<void> {
  const assigned = (k: number): number[] => [...matching.commitsOf[k]!, ...(shared.get(k) ?? [])];
  for (const [ti, task] of plan.tasks.entries()) {
    if (assigned(ti).length > 0) continue;
    const names = [...task.title.text.matchAll(/\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b/g)].map((m) => m[0]);
    if (names.length === 0) continue;
    const before = [...Array(ti).keys()].reverse().find((k) => assigned(k).length > 0);
    const after = [...Array(plan.tasks.length).keys()].slice(ti + 1).find((k) => assigned(k).length > 0);
    const candidates = [...(before !== undefined ? [Math.max(...assigned(before))] : []), ...(after !== undefined ? [Math.min(...assigned(after))] : [])];
    for (const i of candidates) {
      const added = (await git(root, ['show', '--format=', '--unified=0', '--no-color', commits[i]!.sha]))
        .split('\n')
        .filter((l) => l.startsWith('+') && !l.startsWith('+++'));
      if (names.some((n) => added.some((l) => new RegExp(`\\b(?:type|class|interface|struct|func|def|function|const|let|var)\\s+(?:\\([^)]*\\)\\s*)?${n}\\b`).test(l)))) {
        shared.set(ti, [i]);
        break;
      }
    }
  }
}

/**
 * Files a task promised and its commits do not change, and files its commits change that another
 * task promises. A test written to another file than planned is one problem, not a pair; a file
 * no task names is shown as evidence, not reported: refactors touch callers a plan cannot list.
 */
async function fileProblems(
  plan: Plan,
  task: Task,
  ti: number,
  scopes: TaskScope[],
  own: CommitInfo[],
  commits: CommitInfo[],
  matching: Matching,
  sharedOf: Map<number, number[]>,
  planInRepo: string | undefined,
  partners: number[],
  inRepo: (path: string) => Promise<boolean>,
): Promise<Problem[]> {
  const out: Problem[] = [];
  const label = `Task ${task.number}`;
  const scope = scopes[ti]!;
  const changed = [...new Set(own.flatMap((c) => c.files))];
  const kept = (path: string): boolean => [path, ...(scope.alternatives.get(path) ?? [])].some((p) => changed.some((f) => fileMatches(p, f)));
  const missing = scope.change.filter((path) => !kept(path));
  const unexpected = changed.filter(
    (f) => f !== planInRepo && !scope.touch.some((e) => fileMatches(e, f)) && !partners.some((k) => scopes[k]!.touch.some((e) => fileMatches(e, f))),
  );
  const unplannedTests = changed.filter((f) => isTestPath(f) && !scope.change.some((e) => fileMatches(e, f)));
  const usedInstead = new Set<string>();
  const firstOwn = commits.indexOf(own[0]!);
  for (const path of missing) {
    const entry = task.files.find((e) => normalizePlanPath(e.path) === path);
    // A file to modify that is in neither the base nor the head tree is not in this history at all
    // (the grounding rules report a plan citing a missing file): nothing to say about its commit.
    if (entry?.action !== 'create' && !/[*?[]/.test(path) && !(await inRepo(path))) continue;
    // A test file the plan names, and the task's commits add tests to one other test file of the
    // same directory instead: one deviation.
    const dir = path.slice(0, path.lastIndexOf('/') + 1);
    const candidates = isTestPath(path) ? unplannedTests.filter((f) => f.startsWith(dir) && !f.slice(dir.length).includes('/') && sameLanguage(path, f)) : [];
    const insteadFile = candidates.length === 1 && !usedInstead.has(candidates[0]!) ? candidates[0] : undefined;
    if (insteadFile) usedInstead.add(insteadFile);
    const later = commits.filter((c, i) => i > firstOwn && !own.includes(c) && c.files.some((f) => fileMatches(path, f)));
    const laterTask = later.map((c) => matching.taskOf[commits.indexOf(c)]).find((k): k is number => k !== undefined);
    const note = insteadFile
      ? `: its tests went to ${insteadFile} instead — move them, or name that file in the plan`
      : laterTask !== undefined
        ? `: Task ${plan.tasks[laterTask]!.number}'s commit ${short(later[0]!.sha)} changes it later — commit the change with ${label}`
        : later.length > 0
          ? `: only ${later.map((c) => short(c.sha)).join(', ')}, after the task, change${later.length === 1 ? 's' : ''} it — commit the change with ${label}, or correct the task's Files list`
          : ': commit the change with the task, or correct the task\'s Files list';
    out.push({
      kind: 'file-missing',
      task: task.number,
      file: path,
      ...(insteadFile ? { commit: own.find((c) => c.files.includes(insteadFile))!.sha } : {}),
      message: `${label} lists ${path}${entry ? ` (${entry.action})` : ''} but its commits do not change it${note}.`,
    });
  }
  // The directories the plan works in: a changed file outside all of them is stray work
  // (notes.txt, a version bump), while a caller or test next to planned files is collateral.
  // "Directory" is the top-level one: a plan about sim/cluster/ may touch sim/ callers; a file at
  // the root is in the footprint only when the plan names a root file.
  const top = (p: string): string => (p.includes('/') ? p.slice(0, p.indexOf('/')) : '');
  const footprint = new Set(scopes.flatMap((sc) => sc.touch).map(top));
  for (const f of unexpected) {
    if (usedInstead.has(f)) continue;
    if (footprint.size > 0 && !footprint.has(top(f))) {
      const c = own.find((x) => x.files.includes(f))!;
      out.push({
        kind: 'file-unexpected',
        task: task.number,
        commit: c.sha,
        file: f,
        message: `Commit ${short(c.sha)} of ${label} changes ${f}, outside every directory the plan works in: drop it, move it to its own commit, or add it to the plan.`,
      });
      continue;
    }
    const owners = plan.tasks.filter((t, k) => k !== ti && scopes[k]!.change.some((e) => fileMatches(e, f)));
    // Only a file another task promises, and that task does not change itself, is misplaced work.
    const owner = owners.find((t) => !(commitsOfTask(plan, t, commits, matching, sharedOf).some((c) => c.files.includes(f))));
    if (!owner) continue;
    const c = own.find((x) => x.files.includes(f))!;
    out.push({
      kind: 'file-unexpected',
      task: task.number,
      commit: c.sha,
      file: f,
      message: `Commit ${short(c.sha)} of ${label} changes ${f}, which Task ${owner.number} lists and does not change itself: move the change to Task ${owner.number}'s commit, or correct the Files lists.`,
    });
  }
  return out;
}

/** A task's commits: its own and those it shares with the tasks committed together with it. */
function commitsOfTask(plan: Plan, task: Task, commits: CommitInfo[], matching: Matching, sharedOf: Map<number, number[]>): CommitInfo[] {
  const k = plan.tasks.indexOf(task);
  return [...matching.commitsOf[k]!, ...(sharedOf.get(k) ?? [])].map((i) => commits[i]!);
}

function sameLanguage(a: string, b: string): boolean {
  const ext = (p: string): string => p.slice(p.lastIndexOf('.'));
  return ext(a) === ext(b);
}

/** Whether a commit's subject is one the plan writes for a task (then it is that task's, even empty). */
function namesPlannedSubject(plan: Plan, c: CommitInfo): boolean {
  const norm = (x: string): string => x.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
  return plan.tasks.some((t) => { const m = plannedMessage(t); return m !== undefined && norm(m.subject) === norm(c.subject); });
}

/**
 * The plan's own commit: one that changes nothing, or only Markdown of which one file is the plan
 * itself (same name, or same title) or whose subject says it adds this plan — wherever the plan
 * was given from.
 */
async function isPlanCommit(root: string, c: CommitInfo, plan: Plan, planInRepo: string | undefined): Promise<boolean> {
  if (c.files.length === 0) return true;
  if (planInRepo !== undefined && c.files.every((f) => f === planInRepo)) return true;
  if (!c.files.every((f) => f.endsWith('.md'))) return false;
  // "docs: kernel-lookup backend design, plan, and hypothesis": documents that say they are this plan.
  if (plan.title !== undefined && /\bplan\b/i.test(c.subject) && subjectNamesPlan(c.subject, plan.title.text, contractPrefixes(plan))) return true;
  const base = plan.path.slice(plan.path.replace(/\\/g, '/').lastIndexOf('/') + 1);
  const title = plan.title?.text.trim();
  for (const f of c.files) {
    if (f.slice(f.lastIndexOf('/') + 1) === base) return true;
    if (title === undefined) continue;
    const text = await fileAt(root, c.sha, f);
    const h1 = text?.split('\n').find((l) => /^#\s/.test(l));
    if (h1 !== undefined && h1.replace(/^#\s+/, '').trim() === title.replace(/^#\s+/, '').trim()) return true;
  }
  return false;
}

/**
 * For every test-strategy row: do the tests it names exist in the head tree? A row naming two
 * tasks is checked for both and reported once; a missing test that a commit of the PR declared
 * says which commits added and removed it.
 */
async function checkTests(plan: Plan, tasks: TaskReport[], root: string, range: { base: string; head: string }, finder: TestFinder, global: Problem[]): Promise<void> {
  const seen = new Map<string, TestCheck['found']>();
  const reportedMissing = new Set<string>();
  try {
    for (const row of plan.testStrategy.rows) {
      const names = testNamesIn(row.name.text);
      if (names.length === 0) continue;
      const ids = contractIdsIn(row.contract.text);
      const contract = ids.join(', ') || row.contract.text.trim() || '(no contract)';
      // The row's Task column decides the owner; otherwise the tasks implementing its contracts.
      const byNumber = taskNumbersIn(row.task.text)
        .map((n) => tasks.find((t) => t.task === n))
        .filter((t): t is TaskReport => t !== undefined);
      const owners =
        byNumber.length > 0 ? byNumber : tasks.filter((t) => plan.tasks.find((p) => p.number === t.task)!.contracts.some((c) => ids.includes(c.id)));
      for (const name of names) {
        if (!seen.has(name)) seen.set(name, await finder.exists(name));
        const found = seen.get(name);
        for (const owner of owners) owner.tests.push({ contract, name, found });
        if (found || reportedMissing.has(name)) continue;
        reportedMissing.add(name);
        const history = await pickaxe(root, range, name);
        const where =
          history.length === 0
            ? 'no commit of the PR writes it'
            : `${history.length === 1 ? 'commit' : 'commits'} ${history.map(short).join(', ')} of the PR ${history.length === 1 ? 'writes it but it is gone' : 'add and then rename or remove it'}`;
        const problem: Problem = {
          kind: 'test-missing',
          contract: ids[0],
          test: name,
          message: `Test ${quote(name, 80)} that the test strategy names for ${contract} is not declared in the head tree (${short(range.head)}; ${where}): add the test, or correct its name in the table.`,
        };
        if (owners.length === 0) global.push(problem);
        else owners[0]!.problems.push({ ...problem, task: owners[0]!.task });
      }
    }
  } finally {
    await finder.close();
  }
}

/** Commits of the range that add or remove the text (git's pickaxe), oldest first. */
async function pickaxe(root: string, range: { base: string; head: string }, text: string): Promise<string[]> {
  const r = await runGit(root, ['log', '--reverse', '--format=%H', '--fixed-strings', `-S${text}`, `${range.base}..${range.head}`]);
  return r.code === 0 ? r.stdout.toString('utf8').split('\n').filter(Boolean) : [];
}

/** The plan's path relative to the repository root, when the plan lives inside it. */
async function relativeInside(root: string, planPath: string): Promise<string | undefined> {
  // git reports the root with symlinks resolved (/tmp → /private/tmp on macOS): compare like with like.
  const real = await realpath(resolve(planPath)).catch(() => resolve(planPath));
  const rel = relative(await realpath(root).catch(() => root), real);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split('\\').join('/');
}
