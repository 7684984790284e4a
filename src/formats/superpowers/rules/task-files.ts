import type { Plan, Task } from '../../../plan/types.js';
import type { Finding, Rule } from '../../../rules/types.js';
import { SHELL_LANGS } from '../../../rules/tasks/shared.js';
import { gitCommand } from '../../../plan/git-command.js';
import { headsTaskRange } from '../../../plan/tasks.js';
import { OUTPUT_LANGS, shellOnly, taskBlocks, taskHeadSpan, taskName, taskProse, withoutStepNumber } from './parts.js';

/**
 * A step that checks, by its title: "Verify the hook is called", "Check: …", "Confirm no ding on load", "Ensure CI checks
 * are green", "手动验证" (verify by hand), "确认键盘焦点仍在位" (confirm the focus is still in place).
 */
const CHECKS = /^\W*(?:(?:manual(?:ly)?\s+)?(?:verify|check|confirm|ensure|smoke[- ]test)\b|(?:手动|人工)?(?:验证|确认|检查|核对|核实))/i;
/**
 * A step of the review and release routine, which writes no file of the task: "Push branch to
 * origin", "Create PR titled …", "Merge PR and delete branch", "Wait for CI".
 */
const SHIPS =
  /^\W*(?:push\b[^.\n]*\b(?:branch|origin|remote)\b|(?:open|create|file|raise|submit)\s+(?:a\s+|the\s+)?(?:draft\s+)?(?:PR|pull request|merge request)\b|merge\s+(?:the\s+)?(?:PR|pull request|merge request|(?:feature\s+)?branch)\b|delete\s+(?:the\s+)?(?:\w+\s+)?branch\b|wait for (?:the\s+)?CI\b)/i;

/** An item that is a commit's subject ("1. `feat(auth): add forwarded-aware auth url resolver`"), as a commit task lists them. */
const COMMIT_SUBJECT = /^\W*(?:feat|fix|test|docs|chore|refactor|perf|build|ci|style|revert)(?:\([^)]*\))?!?:\s/;
/** A task the title calls a verification: "Full verification and handoff", "Final validation". */
const VERIFICATION_TITLE = /^\W*(?:(?:full|final|end-to-end|overall)\s+)?(?:verification|validation|verify|validate)\b/i;
/** A task the heading marks done: "— ✅ DONE", "(done)". */
const DONE_TITLE = /✅|\bDONE\b|\((?:done|completed?)\)/;

/** A task that commits and ships what the tasks before it wrote: "Commit and push", "Push and open the PR". */
const COMMITS_AND_SHIPS = /^\W*(?:commit|push|ship|open (?:a |the )?(?:PR|pull request))\b/i;

/** A step that opens with a change: "Implement …", "Add …", "Write the failing test", "Update `x.ts` to …". */
const OPENS_WITH_CHANGE =
  /^(?:implement|add|write|create|introduce|wire|update|fix|refactor|extract|define|register|integrate|port|convert|extend|expose|rewrite|replace|modify|change|remove|delete|rename|move|edit|insert|append|document|migrate|generate|build|scaffold|set up|configure|bump|resolve)\b/i;

/**
 * A task that only runs things ("Task 3: Verify", "Task 4: Manual smoke test", "Run Full Test
 * Suite"): no step writes a test or changes code, and no step shows code other than commands.
 * It touches no file, so it has none to list.
 */
export function runsOnly(task: Task, plan?: Plan): boolean {
  // "Verify transition detection" over a snippet to paste in the browser console checks; it writes nothing.
  const writing = task.steps.filter((s) => !CHECKS.test(s.title.text) && !SHIPS.test(s.title.text) && !COMMIT_SUBJECT.test(s.title.text));
  if (writing.some((s) => s.codeBlocks.some((b) => !SHELL_LANGS.has(b.lang)))) return false;
  // The task's code blocks, less those that show what a run prints (unknown without the plan).
  const blocks = plan ? taskBlocks(plan, task).filter((b) => !OUTPUT_LANGS.has(b.lang)) : undefined;
  // "### Task 6: Full verification and handoff": a verification task that lists no file and shows no code
  // (its "Document any environment-only failures" is the report, not a file of the change).
  if (task.steps.length > 0 && task.files.length === 0 && VERIFICATION_TITLE.test(task.title.text) && blocks !== undefined && blocks.every((b) => SHELL_LANGS.has(b.lang))) {
    return true;
  }
  if (task.steps.length > 0 && writing.some((s) => s.kind === 'test' || s.kind === 'implement')) {
    // "**STOP.** Jimbo reviews the PR … No merge", "**Jimbo clicks Create page**": a step that names a change
    // somewhere but opens with none, in a task that lists no file and shows no code, acts (pushes, reviews,
    // works a browser) and writes nothing.
    // Shell blocks are the runs it makes ("Run all targeted tests" over `cargo test …`, `rg -n 'TODO' …`), not code it writes.
    const shows = blocks === undefined || blocks.some((b) => !SHELL_LANGS.has(b.lang));
    return !shows && task.files.length === 0 && writing.every((s) => !OPENS_WITH_CHANGE.test(withoutStepNumber(s.title.text)));
  }
  if (task.steps.length > 0) return true;
  // A task without steps ("### Task 6: Tests" — "Run targeted tests:" and a bash block) runs only
  // when all the code it shows is commands.
  const shown = blocks ?? [];
  if (shown.some((b) => !SHELL_LANGS.has(b.lang))) return false;
  // "### Task 0: Toolchain spike — ✅ DONE" over its outcome: done before the plan, nothing left to write.
  if (shown.length === 0 && DONE_TITLE.test(task.title.text)) return true;
  return /\b(?:verify|verification|validate|validation|smoke[- ]test|test suite|tests|run\b)/i.test(task.title.text) || (shown.length > 0 && COMMITS_AND_SHIPS.test(task.title.text));
}

/** Shell that brings another branch's work in; the files come with it and are the branch's, not the task's. */
const MERGES = gitCommand('merge|rebase|cherry-pick');

/** A list item that names a file with its action, without the label: "- Create `packages/settings/overlays/audit.json` (…)". */
const FILE_ITEM = /^\s*[-*+]\s+(?:create|modify|update|delete|remove|test)\b:?\s+`[^`\s]+(?:\/|\.\w+)`/i;

/** A task whose list names its files without a "**Files:**" label ("## Task 6: New Overlays" over "- Create `x.json`"). */
function listsFilesUnlabelled(plan: Plan, task: Task): boolean {
  return taskProse(plan, task).some((l) => FILE_ITEM.test(l.text));
}

export const spTaskFiles: Rule = {
  id: 'sp-task-files',
  family: 'superpowers',
  // A warning, like the other superpowers rules: on plans nobody tuned it on, reviewers agreed with 65 of its 89 findings
  // (rounds 3 to 65), too few for a finding that stops an agent's lint loop.
  severity: 'warning',
  formats: ['superpowers'],
  description:
    'Every task opens with a "**Files:**" block — "Create: `exact/path/to/file.py`", "Modify: `exact/path/to/existing.py:123-145`", "Test: `tests/exact/path/to/test.py`" — so the engineer (or subagent) who takes the task knows what it touches before reading its steps, and reviewers can check the change stays inside it. A task without one is reported; when no task of the plan has one, the plan is reported once. The label may be in the plan\'s language ("**文件:**", "**Archivos:**", "**Dateien:**"). Tasks that only run things (a verification task — "Full verification and handoff" over runs and "Document any environment-only failures", when it lists no file and shows no code —, a task the heading marks done, "Task 0: Toolchain spike — ✅ DONE" over its outcome, a manual smoke test — its Expected output may stand in a `text` block —, steps whose only code is shell that writes no file, such as creating the branch, or that merge another branch in and resolve its conflicts, or that push the branch, open the pull request and merge it, a "Commit and push" task whose only code is the commands, a task that lists the commit subjects to use ("1. `feat(auth): add the url resolver`"), a task that lists no file, shows no code and opens none of its steps with a change: "Push `post/x`; open PR", "**STOP.** Jimbo reviews the PR", a session in a browser) touch no file and are not reported; "**Files:** none (testing only)" says so explicitly and is accepted, and so is a list that names each file with its action but no label ("- Create `packages/settings/overlays/audit.json`") in a plan whose other tasks label theirs; a heading over a range of tasks ("## Task 3-8: Six Hooks" over "### Task 3" …) is not asked for one. A warning: on plans nobody tuned it on, reviewers agreed with 65 of its 89 findings (73%; docs/precision.md), too few for an error that stops an agent\'s lint loop.',
  instruction: 'Open every task with a "**Files:**" block listing each file it creates, modifies or tests, as exact paths ("- Create: `src/x.py`", "- Modify: `src/y.py:123-145`", "- Test: `tests/test_x.py`").',
  examples: {
    valid: [
      {
        plan: '# Curl Installer Implementation Plan\n\n**Goal:** Install the tool with one curl command.\n\n**Tech Stack:** Bash, curl\n\n---\n\n### Task 1: Write install.sh\n\n**Files:**\n- Create: `install.sh`\n- Test: `tests/install.bats`\n\n- [ ] **Step 1: Write the failing test**\n\n### Task 2: Verify\n\n- [ ] **Step 1: Run the suite**\n\nRun: `bats tests/`\nExpected: PASS\n',
      },
    ],
    invalid: [
      {
        plan: '# TODO Backup Ring Implementation Plan\n\n**Goal:** Fix the registry lookup.\n\n**Tech Stack:** Bash\n\n---\n\n### Task 1: Fix `resolve-env-path.sh`\n\n**Files:**\n- Modify: `scripts/resolve-env-path.sh`\n\n- [ ] **Step 1: Write the failing test**\n\n### Task 2: Fix `todo-crud.sh` dead code\n\n- [ ] **Step 1:** Update the source lines to read `.todo-registry`.\n',
        message: 'Task 2 has no "**Files:**" block',
      },
    ],
  },
  check(plan) {
    // A list of files without the label counts in a plan that labels its other tasks' Files; a heading over a range
    // of tasks ("## Task 3-8: Six Hooks") leaves the Files to each of them.
    const labels = plan.tasks.some((t) => t.filesBlock !== undefined);
    const missing = plan.tasks.filter((t) => !t.filesBlock && t.files.length === 0 && !(labels && listsFilesUnlabelled(plan, t)) && !headsTaskRange(plan.lines, t));
    if (missing.length === 0) return [];
    if (missing.length === plan.tasks.length && plan.tasks.length > 1) {
      return [
        {
          message: 'No task has a "**Files:**" block: open each task with the files it creates, modifies and tests, as exact paths ("- Create: `src/x.py`", "- Modify: `src/y.py:123-145`", "- Test: `tests/test_x.py`").',
          span: taskHeadSpan(plan, plan.tasks[0]!),
        },
      ];
    }
    const out: Finding[] = [];
    for (const task of missing) {
      // "Create and checkout branch" over `git checkout -b …`: every step runs commands that write no file.
      // "git checkout -b chore/x && git merge --no-ff stage-1" then "resolve the 6 conflicts": a merge writes no file of its own.
      const shell = shellOnly(plan, task);
      if (runsOnly(task, plan) || (shell && task.steps.every((s) => s.codeBlocks.length > 0 || s.commands.length > 0))) continue;
      if (shell && taskBlocks(plan, task).some((b) => MERGES.test(b.content))) continue;
      out.push({
        message: `${taskName(task)} has no "**Files:**" block: list the files it creates, modifies and tests, as exact paths, before its first step.`,
        span: taskHeadSpan(plan, task),
      });
    }
    return out;
  },
};
