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
import type { Plan, Task } from '../plan/types.js';
import { listCommits, repoRoot, resolveCommit } from './git.js';
import { contractRefs, fileMatches, matchCommits, normalizePlanPath, type TaskPromise } from './match.js';
import { gitTreeTestFinder } from './test-finder.js';
import { contractIdsIn, taskNumbersIn, testNamesIn } from './test-names.js';
import type { CommitInfo, Problem, TaskReport, TestCheck, TestFinder, VerifyOptions, VerifyReport } from './types.js';

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

export function taskPromise(task: Task): TaskPromise {
  return {
    number: task.number,
    subject: task.commit?.subject.text.trim() || undefined,
    contracts: [...new Set(task.contracts.map((c) => c.id))],
    files: task.files.map((f) => normalizePlanPath(f.path)).filter((p) => p !== ''),
  };
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
  const range = `${options.base}..${headName}`;
  const planInRepo = await relativeInside(root, options.planPath);
  // A commit that only adds or edits the plan itself is part of the PR but of no task.
  const commits = allCommits.filter((c) => !(planInRepo !== undefined && c.files.length > 0 && c.files.every((f) => f === planInRepo)));

  const prefixes = contractPrefixes(plan);
  const promises = plan.tasks.map(taskPromise);
  const matching = matchCommits(promises, commits, prefixes);
  const refsOf = new Map(commits.map((c) => [c.sha, contractRefs(c.message, prefixes)]));

  const commitsOf = new Map<number, CommitInfo[]>();
  const tasks: TaskReport[] = plan.tasks.map((task, ti) => {
    const own = matching.commitsOf[ti]!.map((i) => commits[i]!);
    commitsOf.set(task.number, own);
    const promise = promises[ti]!;
    const problems: Problem[] = [];
    const label = `Task ${task.number}`;

    if (own.length === 0) {
      const hint = commits.filter((c) => promise.contracts.some((id) => refsOf.get(c.sha)!.includes(id)));
      const where = hint.length > 0 ? ` (its contracts appear in ${hint.map((c) => short(c.sha)).join(', ')}, which is not this task's: give the task its own commit)` : '';
      const expect = promise.subject ? `commit it with the plan's message ${quote(promise.subject, 80)}` : 'commit its work with a message naming its contracts';
      problems.push({ kind: 'no-commit', task: task.number, message: `${label} (${task.title.text}) has no commit in ${range}${where}: ${expect}.` });
    }

    for (const c of own) {
      const i = commits.indexOf(c);
      if (matching.outOfOrder.has(i)) {
        const later = commits.slice(0, i).map((_, k) => matching.taskOf[k]).filter((t): t is number => t !== undefined && t > ti);
        const after = later.length > 0 ? ` after commits of Task ${plan.tasks[Math.max(...later)]!.number}` : ' out of the plan order';
        problems.push({
          kind: 'out-of-order',
          task: task.number,
          commit: c.sha,
          message: `Commit ${short(c.sha)} ${quote(c.subject)} belongs to ${label} but comes${after}: commit tasks in the plan's order so each builds on the previous ones.`,
        });
      }
      if (!CONVENTIONAL_SUBJECT.test(c.subject)) {
        const example = promise.subject && CONVENTIONAL_SUBJECT.test(promise.subject) ? promise.subject : 'feat(scope): what it does (BC-N)';
        problems.push({
          kind: 'commit-format',
          task: task.number,
          commit: c.sha,
          message: `Commit ${short(c.sha)} subject ${quote(c.subject)} is not a conventional commit: write it as "type(scope): description", e.g. ${quote(example, 80)}.`,
        });
      }
    }

    if (own.length > 0) {
      const named = new Set(own.flatMap((c) => refsOf.get(c.sha)!));
      for (const id of promise.contracts) {
        if (named.has(id)) continue;
        problems.push({
          kind: 'commit-missing-contract',
          task: task.number,
          contract: id,
          commit: own[own.length - 1]!.sha,
          message: `${label}'s commit message${own.length > 1 ? 's do' : ' does'} not name ${id}: add "(${id})" to the subject, as the plan's commit step does.`,
        });
      }

      const changed = new Set(own.flatMap((c) => c.files));
      for (const entry of task.files) {
        const path = normalizePlanPath(entry.path);
        if (path === '' || [...changed].some((f) => fileMatches(path, f))) continue;
        problems.push({
          kind: 'file-missing',
          task: task.number,
          file: path,
          message: `${label} lists ${path} (${entry.action}) but its commits do not change it: commit the change with the task, or correct the task's Files list.`,
        });
      }
      const reported = new Set<string>();
      for (const c of own) {
        for (const f of c.files) {
          if (f === planInRepo || reported.has(f) || promise.files.some((e) => fileMatches(e, f))) continue;
          reported.add(f);
          const elsewhere = plan.tasks.find((t, k) => k !== ti && promises[k]!.files.some((e) => fileMatches(e, f)));
          const note = elsewhere ? ` (it is listed under Task ${elsewhere.number})` : '';
          problems.push({
            kind: 'file-unexpected',
            task: task.number,
            commit: c.sha,
            file: f,
            message: `Commit ${short(c.sha)} of ${label} changes ${f}, which ${label}'s Files list does not name${note}: move the change to the task that lists it, or add the file to the plan.`,
          });
        }
      }
    }
    return { task: task.number, title: task.title.text, commits: own.map((c) => c.sha), ok: true, problems, tests: [] };
  });

  const problems: Problem[] = [];
  await checkTests(plan, tasks, headSha, options.testFinder ?? gitTreeTestFinder(root, headSha), problems);

  const contractIds = plan.contracts.length > 0 ? plan.contracts.map((c) => c.id) : plan.tasks.flatMap((t) => t.contracts.map((c) => c.id));
  const referenced = new Set([...refsOf.values()].flat());
  for (const id of [...new Set(contractIds)]) {
    if (referenced.has(id)) continue;
    const implementers = plan.tasks.filter((t) => t.contracts.some((c) => c.id === id)).map((t) => `Task ${t.number}`);
    const by = implementers.length > 0 ? ` (${implementers.join(', ')})` : '';
    problems.push({
      kind: 'contract-unreferenced',
      contract: id,
      message: `Contract ${id} is named by no commit in ${range}: name it in the message of the commit that implements it${by}.`,
    });
  }
  commits.forEach((c, i) => {
    if (matching.taskOf[i] !== undefined) return;
    problems.push({
      kind: 'orphan-commit',
      commit: c.sha,
      message: `Commit ${short(c.sha)} ${quote(c.subject)} belongs to no task of the plan: fold it into its task's commit, drop it, or add it to the plan.`,
    });
  });

  for (const t of tasks) t.ok = t.problems.length === 0;
  const report: VerifyReport = {
    ok: tasks.every((t) => t.ok) && problems.length === 0,
    plan: options.planPath,
    base: baseSha,
    head: headSha,
    commits: allCommits.map((c) => {
      const i = commits.indexOf(c);
      const ti = i >= 0 ? matching.taskOf[i] : undefined;
      return { sha: c.sha, subject: c.subject, files: c.files, task: ti === undefined ? undefined : plan.tasks[ti]!.number };
    }),
    tasks,
    problems,
    ran: false,
  };
  return { report, plan, root, commits, commitsOf };
}

/** For every test-strategy row: do the tests it names exist in the head tree? */
async function checkTests(plan: Plan, tasks: TaskReport[], headSha: string, finder: TestFinder, global: Problem[]): Promise<void> {
  const seen = new Map<string, TestCheck['found']>();
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
        if (found) continue;
        const problem: Problem = {
          kind: 'test-missing',
          contract: ids[0],
          test: name,
          message: `Test ${quote(name, 80)} that the test strategy names for ${contract} is not declared in the head tree (${short(headSha)}): add the test, or correct its name in the table.`,
        };
        if (owners.length === 0) global.push(problem);
        for (const owner of owners) owner.problems.push({ ...problem, task: owner.task });
      }
    }
  } finally {
    await finder.close();
  }
}

/** The plan's path relative to the repository root, when the plan lives inside it. */
async function relativeInside(root: string, planPath: string): Promise<string | undefined> {
  // git reports the root with symlinks resolved (/tmp → /private/tmp on macOS): compare like with like.
  const real = await realpath(resolve(planPath)).catch(() => resolve(planPath));
  const rel = relative(await realpath(root).catch(() => root), real);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split('\\').join('/');
}
