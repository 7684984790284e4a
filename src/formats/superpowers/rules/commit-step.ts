import { codeSpanTexts } from '../../../plan/citations.js';
import { gitCommand } from '../../../plan/git-command.js';
import { textAt, trimmedLine } from '../../../plan/source.js';
import type { Plan, Step, Task, Text } from '../../../plan/types.js';
import { PUTS_OFF_COMMIT } from '../../../plan/tasks.js';
import type { Finding, Rule } from '../../../rules/types.js';
import { runsOnly } from './task-files.js';
import { clip, isCode, lineText, ONLY_IF_ENTRY, READ_ENTRY, readsOnly, shellOnly, stepName, taskBlocks, taskHeadSpan, taskName, taskProse, touchesNoFile } from './parts.js';

/**
 * The plan forbids commits: "Do not perform git operations.", "keep the no-git-ops policy", "snapshots
 * instead of repo commits", "Do not run git add, git commit or git push", "Git commits are excluded from this plan", "不执行 git add、git commit 或其他
 * Git mutation", "不提交、不推送、不部署代码。", "Do not create commits during implementation", "Do not stage or commit changes
 * automatically; leave all implementation changes in the working tree for user review". A ban on one way of committing ("禁止 `git commit --no-verify`") is not a ban on commits.
 */
const NO_GIT = new RegExp(
  [
    /\b(?:do not|don't|never|must not)\s+(?:perform\s+|run\s+|make\s+|create\s+)?(?:any\s+)?(?:git\s+operations|git\s+commits?|commits?)\b/,
    /\b(?:do not|don't|never|must not)\s+stage\s+(?:or|and)\s+commit\s+(?:(?:any|the|your)\s+)?(?:changes|work)\b|\bno[- ]git[- ]ops\b|\binstead of (?:repo(?:sitory)? |git )?commits\b|\b(?:git )?commit steps are (?:omitted|left out)\b|\bcommit steps\b[^.]{0,80}?\bmust be skipped\b|\b(?:git )?commits are (?:excluded|omitted|left out|out of scope)\b/,
    /\b(?:do not|don't|never|must not)\s+(?:run|use|execute)\s+git\s+\w+(?:,\s*git\s+\w+)*,?\s+(?:or\s+)?git\s+commit\b(?!\s+-)/,
    /(?:不执行|不要|禁止|不得|勿)[^。\n]{0,40}?\bgit\s+commit\b(?!\s+-)/,
    // "不提交、不推送、不部署代码。" (no commits, no pushes, no deploys), "不主动提交、发布" (do not commit on your own); not
    // "不提交到 main" (not to main).
    /(?:不|不要|禁止|不得|勿)(?:主动|自行|擅自)?提交(?:任何|代码|[、，。；,;]|$)/,
  ]
    .map((r) => r.source)
    .join('|'),
  'i',
);
/**
 * A task that says it commits nothing: "No commit (nothing tracked changed)", "Review checkpoint without
 * committing", "Do not stage or commit.", "Commit nothing — this is a verification step only", "Commit — n/a (no file change)" ("Do not commit secrets" names what stays out of a commit).
 */
const NO_COMMIT =
  /\bno commit\b|\bcommit\W+n\/a\b|\bnothing (?:left )?(?:to commit|(?:is )?committed)\b|\bnone committed\b|\bcommits? nothing\b|\bdo not create an empty commit\b|\bwithout (?:committing|commit(?:s|\/|\b))|\b(?:do not|don't|never)\s+(?:create|make)\s+(?:any\s+)?(?:git\s+)?commits?\b|\b(?:do not|don't|never)\s+(?:stage\s+or\s+)?commit(?:\s+(?:anything|yet|here|now))?\s*(?:[.;,)]|$)/im;
/**
 * `git commit`, and with options before it (`git -C "E:\repo" commit -m`, `git -c user.name=… commit`); and the
 * commits of other version control a project may use: Jujutsu (`jj describe -m`, `jj commit -m`),
 * Mercurial and Sapling (`hg commit`, `sl commit`).
 */
const GIT_COMMIT = new RegExp(String.raw`${gitCommand('commit').source}|\bjj\s+(?:describe|commit|new)\b[^\n]*\s-m\b|\b(?:hg|sl)\s+commit\b`);
/**
 * A commit step that runs only if something happened: "Commit if fixes were needed", "(Only if Step 2.1 required
 * fixes.)", "Commit any visual-verification fixes", "inspect any failed GitHub Actions logs. Fix, commit, push, and
 * continue monitoring until all required checks pass".
 */
const CONDITIONAL = /\bif\b|\bonly when\b|\(optional\)|\boptionally\b|\bcommit any\b|\bany (?:failed|failing|failures?)\b|若|如果|如需|如有|仅在/i;
/**
 * Commits left to the user or to the session that runs the plan: "commit only if the user asks", "Git
 * commits are left to the user", "（若用户要求再 commit）", "Git commit 步骤仅在用户明确授权后执行" (only once the user authorizes them),
 * "No worker commits; root commits the reviewed result", "agents forbidden all git writes" (a governor commits).
 */
const ON_REQUEST =
  /\b(?:if|when|only if|unless)\s+(?:the\s+)?user\b[^.]*\b(?:asks?|requests?|wants?)\b|\b(?:are|is)\s+left\s+to\s+the\s+user\b|(?:若|如果)用户要求|用户(?:明确)?授权|\bno (?:worker|subagent|implementer) commits\b|\b(?:agents?|workers?|subagents?|implementers?)\s+(?:are\s+)?(?:forbidden|barred|not allowed)\b[^.;]{0,20}\bgit\s+(?:writes|commits|operations)\b|\bonly (?:after|with|once) (?:the )?user(?:'s)? (?:explicit(?:ly)? )?(?:authori[sz](?:ation|es)|approv(?:al|es)|permission|consent)\b|\bcommit only (?:with|after|on) (?:explicit |the user's )?(?:authori[sz]ation|approval|permission)\b/i;
/**
 * The plan commits once: "create one signed cleanup commit", "One commit at the very end of the phase",
 * "Single atomic commit." (not "a single commit per task").
 */
const ONE_COMMIT =
  /\b(?:create|make|land|as)\s+(?:one|a single)\s+(?:[\w-]+\s+){0,2}commit\b|\b(?:one|a single) commit at the (?:very )?end\b|\bno intermediate commits\b|\bdo not create intermediate commits\b|\b(?:one|a single|single)\s+(?:atomic|squashed)\s+commit\b(?!\s+(?:per|for each|after each)\b)/i;
/**
 * A commit of work that was there before the task: "Commit all pending changes" (then "Create the migration branch"),
 * "Hacer commit de todos los cambios pendientes".
 */
const PENDING_CHANGES = /\b(?:pending|outstanding|uncommitted|existing)\s+(?:changes|work)\b|\bcambios pendientes\b|\balterações pendentes\b/i;
/** A later step on the same checkbox line that commits: "… **Step 5: Commit** `feat(gui): …`". */
const PACKED_COMMIT = /.\bStep\s+(\d+[a-z]?)\s*:\s*(?:\*\*\s*)?(commit\b.*)$/i;

/** A commit step chained onto another's line: "- [ ] **Step 4: `cargo test` 通过** → **Step 5: Commit**:`feat(store): …`". */
const CHAINED_COMMIT = /(?:→|->|;)\s*\*\*Step\s+\d+[a-z]?\s*:\s*commit\b/i;

/** A section that gathers the plan's commits: "## Commits", "## Commit plan". */
const COMMITS_SECTION = /^commits?\b(?:\s+(?:plan|strategy|sequence))?/i;

/**
 * A step's text up to the next step: "- [ ] Commit:" is often followed by an unindented code
 * block, which Markdown puts after the list item but the author put in the step.
 */
function stepText(plan: Plan, task: Task, step: Step): string {
  const next = task.steps[task.steps.indexOf(step) + 1];
  const end = Math.max(step.span.end.line, next ? next.span.start.line - 1 : task.span.end.line);
  const out: string[] = [];
  for (let l = step.span.start.line; l <= end; l++) out.push(lineText(plan, l));
  return out.join('\n');
}

/** Whether a line of the plan's prose (outside code blocks) passes the test. */
function someProseLine(plan: Plan, test: (text: string) => boolean): boolean {
  for (let l = 1; l <= plan.lines.length; l++) if (!isCode(plan, l) && test(lineText(plan, l))) return true;
  return false;
}

function planForbidsCommits(plan: Plan): boolean {
  // "do not run `git commit`": the command may be in backticks.
  return someProseLine(plan, (text) => NO_GIT.test(text.replace(/`|\*\*|__/g, '')));
}

/**
 * "Commit" as one of a step's actions in a list: "Inspect the diff, review it, commit, push, open a PR",
 * "commit and push". Not a thing in a list: "security review, commit and staged-diff controls".
 */
const COMMIT_ACTION =
  /(?:^|[,;]\s*|\b(?:then|and)\s+)commit(?:\s+(?:the|all|your)\s+(?:changes|work))?\s*(?:[,;.]|\s+and\s+(?:push|open|tag|merge|move on|continue|proceed)\b|$)/im;

/**
 * "Commit" among a paragraph's actions, not among things its sentence says not to do: "confirm they do not call
 * `loadLLMRuntime`, source-writing functions, commit, or push" lists calls the code must not make.
 */
function actsToCommit(paragraph: string): boolean {
  const m = COMMIT_ACTION.exec(paragraph);
  if (!m) return false;
  const sentence = paragraph.slice(0, m.index).split(/[.!?](?:\s|$)/).pop() ?? '';
  return !/\b(?:not|never|without)\b|n't\b/i.test(sentence);
}

/**
 * Commits named as things, not made: "Export all commit messages for analysis", "the commit history", "database
 * state as commit point", or a commit the code makes: "Extend the guarded commit path … and commit source, settings,
 * cache, and history atomically", "Remove popover-owned preview/commit lifecycle".
 */
const COMMIT_NOUN =
  /\bcommit (?:messages?|history|histories|logs?|hash(?:es)?|shas?|ids?|range|graph|count|authors?|trailers?|metadata|points?|boundar(?:y|ies)|protocol|phase|paths?|lifecycles?|logic|handlers?|flow|semantics|callbacks?)\b|\b(?:database|transaction|db) commits?\b|\w\/commit\b|\bcommit\/(?!push\b)\w|\b(?:against|at|on|onto|from)\s+(?:that|this|the|each|every|one)\s+(?:[\w-]+\s+)?commit\b|\bcommits?\b[^.]*\batomically\b/i;

/** A commit step that points at the later task it is made in: "Commit (after conflict resolution in Task 2)". */
const DEFERRED_COMMIT = /\bcommit\b[^.]*\((?:after|with|in|at the end of)\b[^)]*\btask\s+\d+/i;

/** A commit made through a tool the step names in words, with the message it gives: "Run through the agent progress tool with commit message: `…`". */
const TOOL_COMMIT = /\b(?:through|via|using|with)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}tool\b[^.]{0,40}\bcommit message\b/i;

/**
 * A task the title calls a verification: "Final verification", "Full validation". Narrower than sp-task-files' test: a
 * task titled "Verify and build" may still commit fixes of its own, and is held to showing the commands.
 */
const VERIFICATION_TASK = /^\W*(?:(?:full|final|end-to-end|overall)\s+)?(?:verification|validation)\b/i;

/** `git add`: a step that stages the task's files. */
const STAGES = gitCommand('add');

/**
 * A command that commits, with any tool: `git commit -m`, Jujutsu's `jj new -m`, GitButler's `but commit`,
 * `hg commit`, Graphite's `gt create -m`, or a project's own helper named for it (`scripts/committer "feat: …" src/a.ts`);
 * not the tools that check a commit (`pre-commit run --all-files`, `commitlint`).
 */
function commitsWith(command: string): boolean {
  return GIT_COMMIT.test(command) || /^\s*(?:(?:\S*\/)?(?!pre-commit\b|commitlint\b)[\w.-]*commit[\w.-]*|(?:but|hg|sl|yadm)\s+commit|gt\s+(?:create|modify))(?:\s|$)/.test(command);
}

/** What a step runs: its blocks' lines, its commands, and the code spans of its words ("then `jj new -m \"…\"`"). */
function stepCode(step: Step): string[] {
  const spans = [step.title.text, ...step.prose.map((p) => p.text)].flatMap(codeSpanTexts);
  return [...step.codeBlocks.flatMap((b) => b.content.replace(/\\\n\s*/g, ' ').split('\n')), ...step.commands.map((c) => c.run.text), ...spans];
}

/**
 * A step that merges the branch and makes no commit of its own: "合并:`git checkout main && git merge --ff-only chore/x`(ff,
 * 因为 chore 从 main 切+加 commit)" (merge; fast-forward, since the branch only added commits).
 */
const MERGE = gitCommand('merge');
function mergesOnly(s: Step): boolean {
  if (!/^\W*(?:merge|合并)/i.test(s.title.text)) return false;
  const code = stepCode(s);
  return code.some((c) => MERGE.test(c)) && !code.some(commitsWith);
}

function commitSteps(task: Task): Step[] {
  // The commands in a block, or inline: "Run: `git add a.md; git commit -m \"docs: …\"`".
  return task.steps.filter(
    (s) =>
      (s.kind === 'commit' && !COMMIT_NOUN.test(s.title.text) && !mergesOnly(s)) ||
      stepCode(s).some(commitsWith) ||
      paragraphs(s).some((p) => (actsToCommit(p) || (COMMIT_SENTENCE.test(p) && !COMMIT_NOUN.test(p)) || CHAINED_COMMIT.test(p)) && !NO_COMMIT.test(p)),
  );
}

/** A list item or line of a task's text that opens with the imperative "Commit": "- Commit on the isolated branch, push to origin". */
const COMMIT_LINE = /^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)?(?:\*\*)?commit\b(?!s)/i;

/** A line's text without its list marker or checkbox: "- [ ] Commit the implementation" → "Commit the implementation". */
const withoutMarker = (text: string): string => text.replace(/^[-*+]\s+(?:\[[ xX]\]\s+)?|^\d+[.)]\s+/, '');

/**
 * A sentence inside a line that opens with the imperative "Commit": "Run → PASS. Commit: `listener: tempo lock`.",
 * "… missing-required → throw. Commit `feat(loader): HF config.json reader`."; at the sentence's first letter.
 */
const COMMIT_SENTENCE = /(?<=[.!?]\s+)(?:\*\*)?commit\b(?!s)/i;

/** A task without steps that says to commit in its text; from its "Commit" on, or undefined. */
function proseCommit(plan: Plan, task: Task): Text | undefined {
  if (task.steps.length > 0) return undefined;
  const says = (text: string): boolean => !COMMIT_NOUN.test(text) && !NO_COMMIT.test(text) && !CONDITIONAL.test(text);
  for (const l of taskProse(plan, task)) {
    if (COMMIT_LINE.test(l.text)) {
      if (says(l.text)) return trimmedLine(l.line, l.text);
      continue;
    }
    // "Full ctest; commit; push; CI green check.": committing among the task's actions, read from there on.
    const action = l.text.search(COMMIT_ACTION);
    const at = COMMIT_SENTENCE.exec(l.text)?.index ?? (action >= 0 ? l.text.toLowerCase().indexOf('commit', action) : -1);
    if (at >= 0 && says(l.text.slice(at))) return textAt(l.line, l.text, at, l.text.trimEnd().length);
  }
  return undefined;
}

/** A step's text with wrapped lines joined: a line that goes on in lower case continues the sentence above. */
function paragraphs(step: Step): string[] {
  const out: string[] = [];
  for (const p of step.prose) {
    const goesOn = /^\p{Ll}/u.test(p.text.trim());
    if (out.length > 0 && goesOn) out[out.length - 1] += ` ${p.text.trim()}`;
    // "2. Test that the success page is unavailable before exchange/profile/origin" wrapped onto "commit.": the
    // title's sentence, not a step of its own that says "commit".
    else if (goesOn && !/[.!?:]\W*$/.test(step.title.text)) out.push(`${step.title.text} ${p.text.trim()}`);
    else out.push(p.text);
  }
  return out;
}

/** The command the plan commits with where that is not `git commit`: GitButler's `but commit …`, a helper script. */
function houseCommit(plan: Plan): string | undefined {
  for (const task of plan.tasks) for (const step of task.steps) for (const c of stepCode(step)) if (commitsWith(c) && !GIT_COMMIT.test(c)) return c.trim();
  return undefined;
}

/**
 * "**Files:** Modify only if final review exposes a real gap", "Modify: `core/engine_test.go` only if a focused
 * regression test is missing.": the task changes nothing unless something turns up.
 */
function changesOnlyOnCondition(task: Task): boolean {
  return task.filesBlock !== undefined && task.filesBlock.items.length > 0 && task.filesBlock.items.every((it) => ONLY_IF_ENTRY.test(it.text));
}

/** The plan leaves committing to the user, or gathers its commits in a section of their own. */
function commitsElsewhere(plan: Plan): boolean {
  if (someProseLine(plan, (text) => /commit|提交|\bgit\b/i.test(text) && ON_REQUEST.test(text))) return true;
  return plan.sections.some((s) => COMMITS_SECTION.test(s.heading.text.replace(/^#+\s*/, '').trim()));
}

/**
 * The plan's one commit, in a section after its last task ("## Final verification" … "- [ ] Commit the
 * implementation with a focused message."), and whether a block there shows the command.
 */
function closingCommit(plan: Plan): { line: Text; commands: boolean } | undefined {
  const last = plan.tasks[plan.tasks.length - 1];
  if (!last) return undefined;
  for (let l = last.span.end.line + 1; l <= plan.lines.length; l++) {
    const text = lineText(plan, l);
    if (isCode(plan, l) || !COMMIT_LINE.test(text) || COMMIT_NOUN.test(text) || NO_COMMIT.test(text) || CONDITIONAL.test(text)) continue;
    const after = plan.codeBlocks.filter((b) => b.span.start.line > l).flatMap((b) => b.content.split('\n'));
    return { line: trimmedLine(l, text), commands: [...codeSpanTexts(text), ...after].some(commitsWith) };
  }
  return undefined;
}

/** "… and create one signed cleanup commit": the plan commits once, at its end, so other tasks have no commit of their own. */
function commitsOnce(plan: Plan): boolean {
  // "## Task 6: Verification And Commit": the last task commits the plan's work.
  if (/\bcommit\b/i.test(plan.tasks[plan.tasks.length - 1]?.title.text ?? '')) return true;
  return someProseLine(plan, (text) => ONE_COMMIT.test(text));
}

export const spCommitStep: Rule = {
  id: 'sp-commit-step',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description:
    'Each task ends with a "Commit" step that shows the commands — `git add <the task\'s files>` and `git commit -m "feat: …"` — so every task leaves one reviewable commit and the executing agent stages exactly the task\'s files. A step that names committing among its actions ("Inspect the diff, review it, commit, push, open a PR", "Commit/push and verify parent gates.") is a commit step, and so is one chained onto another step\'s line ("- [ ] **Step 4: `cargo test` 通过** → **Step 5: Commit**:`feat(store): …`"); one that names commits as things ("Export all commit messages for analysis", "security review, commit and staged-diff controls", "database state as commit point", "Dispatch three read-only reviewers against that exact commit", a commit the code makes: "Extend the guarded commit path … and commit source and history atomically", "preview/commit lifecycle") or lists it among what code must not do ("confirm they do not call `loadRuntime`, source-writing functions, commit, or push") is not. Reported: a task with no commit step and no later task that commits (so its work is never committed), every task when none commits, and a commit step that says to commit without the commands ("- [ ] Commit `feat: …`.", "Add coverage and commit."; in a task without steps, a line of its text that opens with "Commit": "- Commit on the isolated branch, push to origin", or a sentence in it that does, "… missing-required → throw. Commit `feat(loader): HF config reader`.", "Full ctest; commit; push"). Not reported: tasks that only run things (a verification task — also one that lists no file and ends on "Commit: `chore: final cleanup verification`" while the other tasks commit their own work —, a manual smoke test, shell that runs scripts or works outside the repository and writes none of its files, pushing the branch and merging its pull request, a step that merges the branch, "合并:`git merge --ff-only chore/x`(… 加 commit)", whatever it says of commits) or only read files ("Read: `/etc/…`"), commits made with another version control or a project\'s own tool ("Run through the agent progress tool with commit message: `style: …`", `jj describe -m`, `jj new -m` in a step\'s words, `hg commit`, GitButler\'s `but commit`, `scripts/committer "feat: …" src/a.ts`) — a commit step with no command is then shown the plan\'s own —, tasks whose files all lie in `.git/` (`git remote rename`) or outside the repository (host configuration, `/tmp/…`, a path under the host\'s own directories in a plan that names the repository\'s files by relative paths: `/data/agent/profile/bin/x.py`, "Modify locally: `…`", "Persistent runtime state only: …", a harness made and deleted before the commit: "Create temporarily: `…`", "Delete before commit: `…`") or whose Files label says they are not committed ("**Files (scratchpad, not committed):**") or whose Files say they change files only on a condition ("Modify only if final review exposes a real gap", "Modify: `core/engine_test.go` only if a focused regression test is missing": then a commit step without commands, "Inspect diff and commit", commits only what turns up), a task that says it commits nothing ("No commit (nothing tracked changed)", "Commit nothing — this is a verification step only", "Commit — n/a (no file change) unless the script needs a tweak", "Review checkpoint without committing … Do not stage or commit.") or puts its commit off ("Step 4: Do not commit yet (commit with the last task)", "Step 3: Commit (after conflict resolution in Task 2)"), a task whose files all sit in a directory the plan keeps out of git ("live under ignored `logs/relay/` and must not be staged or committed"), commit steps that run only if something happened ("Commit if fixes were needed", "Commit any visual-verification fixes", "inspect any failed CI logs. Fix, commit, push …"), a step that commits work from before the task ("Commit all pending changes" before the branch is cut), plans that forbid commits ("Do not perform git operations", "Do not create commits during implementation", "不提交、不推送、不部署代码。", "保留工作区改动供用户审阅，不主动提交" (leave the changes for the user to review, do not commit on your own), "Do not stage or commit changes automatically; leave all implementation changes in the working tree for user review", "Do not run `git add`, `git commit` or `git push`", "不执行 `git add`、`git commit` 或其他 Git mutation", "Git commit steps are omitted because …", "commit steps are recorded as intended checkpoints but must be skipped until the directory is attached to a real Git worktree", "Git commits are excluded from this plan because …", "… as the checkpoint mechanism instead of repo commits") or leave them to the user or the session that runs the plan ("commit only if the user asks", "Commit only with explicit authorization", "Git commit steps run only once the user authorizes them", "Git commits are left to the user; do not run `git commit`", "No worker commits; root commits the reviewed result", "agents forbidden all git writes" while a governor commits), and plans that gather their commits in a "Commits" section or make one commit for the whole plan ("create one signed cleanup commit", "One commit at the very end of the phase", a commit in a section after the last task: "## Final verification" … "- [ ] Commit the implementation with a focused message.", which is itself owed its commands, and a plan\'s only commit step, when it shows none, is asked to stage the plan\'s files, not only its task\'s).',
  instruction: 'End each task with a commit step: "- [ ] **Step N: Commit**" and a bash block with `git add <the files>` and `git commit -m "<type>: <what changed>"`.',
  examples: {
    valid: [
      {
        plan: '# Curl Installer Implementation Plan\n\n**Goal:** Install the tool with one curl command.\n\n**Tech Stack:** Bash, curl\n\n---\n\n### Task 1: Write install.sh\n\n- [ ] **Step 1: Write install.sh**\n\n```bash\n#!/usr/bin/env bash\necho install\n```\n\n- [ ] **Step 2: Commit**\n\n```bash\ngit add install.sh\ngit commit -m "feat: add curl-based installer"\n```\n',
      },
    ],
    invalid: [
      {
        plan: '# Finding Evidence Implementation Plan\n\n**Goal:** Keep evidence per phase.\n\n**Tech Stack:** Python, pytest\n\n---\n\n## Task 1: Filename API\n\n**Files:** `src/harness/collect_evidence.py`\n\n- [ ] Implement `evidence_filename`.\n- [ ] Run `python -m pytest tests/test_evidence.py -q`; verify GREEN.\n- [ ] Commit `feat: preserve finding evidence by phase`.\n',
        message: 'without the commands',
      },
    ],
  },
  check(plan) {
    if (plan.tasks.length === 0 || planForbidsCommits(plan) || commitsElsewhere(plan)) return [];
    const out: Finding[] = [];
    const without: Task[] = [];
    // "## Final verification" … "- [ ] Commit the implementation": one commit after the tasks, owed its commands.
    const closing = closingCommit(plan);
    if (closing && !closing.commands) {
      out.push({ message: `The plan's closing commit ("${clip(withoutMarker(closing.line.text), 40)}") has no commands: show \`git add <the plan's files>\` and \`git commit -m "…"\` in a bash block.`, span: closing.line.span });
    }
    const once = closing !== undefined || commitsOnce(plan);
    let house: string | undefined;
    let kept: string[] | undefined;
    const ignored = (): string[] => (kept ??= ignoredDirectories(plan));
    // A task followed by one that commits may be committed with it: plans group a red task with the
    // green one, or commit once at the end ("Step 5: 提交单个中文 commit"), in ways too varied to read.
    const stepsOf = new Map(plan.tasks.map((t) => [t, commitSteps(t)]));
    const inProse = new Map(plan.tasks.map((t) => [t, proseCommit(plan, t)]));
    const lastCommitting = plan.tasks.reduce((at, t, i) => (stepsOf.get(t)!.length > 0 || t.commit || inProse.get(t) ? i : at), -1);
    // The plan's one commit, in its last task that changes files, after tasks that commit nothing of their own,
    // stages their files too: "the task's files" would leave Tasks 1 and 2's out.
    const changes = (t: Task): boolean => t.files.length > 0 || (t.steps.length === 0 && !runsOnly(t, plan));
    const stages = (i: number): string => {
      const onlyCommit = plan.tasks.every((t, j) => j === i || ((stepsOf.get(t)?.length ?? 0) === 0 && !inProse.get(t)));
      return onlyCommit && plan.tasks.slice(0, i).some(changes) && !plan.tasks.slice(i + 1).some(changes) ? "the plan's files" : "the task's files";
    };
    for (const [i, task] of plan.tasks.entries()) {
      const steps = stepsOf.get(task)!;
      const said = inProse.get(task);
      if (said) {
        // "### Task 6: Verification" over "- Commit on the isolated branch, push to origin, …": the task
        // commits, in a list item of its text.
        const code = [...taskBlocks(plan, task).flatMap((b) => b.content.split('\n')), ...codeSpanTexts(said.text)];
        if (!code.some(commitsWith)) out.push({ message: `${taskName(task)} says to commit ("${clip(withoutMarker(said.text), 40)}") without the commands: show \`git add <${stages(i)}>\` and \`git commit -m "…"\` in a bash block.`, span: said.span });
        continue;
      }
      if (steps.length === 0) {
        if (runsOnly(task, plan) || touchesNoFile(task) || readsOnly(task) || shellOnly(plan, task) || task.commit || once || i < lastCommitting) continue;
        if (changesOnlyOnCondition(task)) continue;
        // "**Files (scratchpad, not committed):** `announce-reddit.md`": the task's files stay out of git.
        if (task.filesBlock !== undefined && /\b(?:not|never) committed\b|\buncommitted\b/i.test(task.filesBlock.label.text)) continue;
        // Git's own files (`~/src/codex/.git/config` after `git remote rename`): nothing to commit.
        if (task.files.length > 0 && task.files.every((f) => /(?:^|\/)\.git(?:\/|$)/.test(f.path))) continue;
        // Files the plan keeps out of the repository ("under ignored `logs/relay/` … must not be staged or committed").
        if (task.files.length > 0 && task.files.every((f) => ignored().some((dir) => f.path.startsWith(dir)))) continue;
        if (worksOutsideRepository(plan, task)) continue;
        if (taskProse(plan, task).some((l) => NO_COMMIT.test(l.text))) continue;
        // "Step 4: 暂时不 commit（等所有 task 完成一并 commit）": the task leaves its commit to a later one.
        if (task.steps.some((s) => PUTS_OFF_COMMIT.test(s.title.text))) continue;
        without.push(task);
        continue;
      }
      if (steps.some((s) => GIT_COMMIT.test(stepText(plan, task, s)) || stepCode(s).some(commitsWith))) continue;
      // "No commit — Task 2 is verification only", "this task commits nothing".
      if (taskProse(plan, task).some((l) => NO_COMMIT.test(l.text))) continue;
      // "Inspect diff and commit" in a task whose only file changes on a condition: what it commits is conditional too.
      if (changesOnlyOnCondition(task)) continue;
      const step = steps[steps.length - 1]!;
      if (CONDITIONAL.test([step.title.text, ...step.prose.map((p) => p.text)].join(' '))) continue;
      // "### Task 8: Final verification" over runs, then "Commit: `chore: final cleanup verification`", while other
      // tasks commit their own work: a verification task that lists no file has nothing of its own to stage.
      if (task.files.length === 0 && VERIFICATION_TASK.test(task.title.text) && stages(i) === "the task's files" && runsOnly(task, plan)) continue;
      // "Run through the agent progress tool with commit message: `style: format rust sources`": a commit the agent's
      // own tool makes, named in words, with its message.
      if (TOOL_COMMIT.test([step.title.text, ...step.prose.map((p) => p.text)].join(' '))) continue;
      // "Commit all pending changes" before a branch is cut: work from before the task, not the task's own.
      if (PENDING_CHANGES.test(step.title.text)) continue;
      if (DEFERRED_COMMIT.test(step.title.text) && i < lastCommitting) continue;
      // "**Step 4:** full suite + both clippy. **Step 5: Commit** `feat(gui): …`": one checkbox packs several
      // steps; the commit is the one named after it.
      const head = lineText(plan, step.title.span.start.line);
      const packed = (head.match(/\bStep\s+\d+/gi) ?? []).length >= 2 ? PACKED_COMMIT.exec(head) : null;
      const name = packed ? `Step ${packed[1]}` : stepName(plan, step);
      const quoted = packed ? packed[2]!.replace(/\*\*/g, '').trim() : step.title.text;
      // A plan that commits with its own tool elsewhere ("`but commit chore/x -m \"…\"`") is shown that tool.
      house ??= houseCommit(plan) ?? '';
      const show = house !== '' ? `show the command, as the plan's other commits do (\`${clip(house, 40)}\`)` : `show \`git add <${stages(i)}>\` and \`git commit -m "…"\` in a bash block`;
      const named = `${name.startsWith('Step') ? `${name} ("${clip(quoted, 40)}")` : name.replace(/^the/, 'The')} of ${taskName(task)}`;
      // "**Step 5: 提交暂存**" over "Run: `git add a.go b.go`": the files are staged, the commit is what is missing.
      const staged = house === '' && stepCode(step).some((c) => STAGES.test(c));
      out.push({
        message: staged
          ? `${named} shows \`git add\` but no \`git commit -m "…"\`: add the commit command after it.`
          : `${named} says to commit without the commands: ${show}.`,
        span: step.title.span,
      });
    }
    // Many tasks without a commit, or all of them, are one finding, at the first of them.
    const none = plan.tasks.every((t) => without.includes(t) || stepsOf.get(t)!.length === 0);
    if (without.length >= 3 || (without.length >= 2 && none)) {
      out.push({
        message: `${none ? 'No task has a' : `${taskList(without)} have no`} commit step: end each task with "Commit" and a bash block with \`git add <the task's files>\` and \`git commit -m "…"\`.`,
        span: taskHeadSpan(plan, without[0]!),
      });
    } else {
      for (const task of without) {
        out.push({
          message: `${taskName(task)} has no commit step: end it with "Commit" and a bash block with \`git add <the task's files>\` and \`git commit -m "…"\`.`,
          span: taskHeadSpan(plan, task),
        });
      }
    }
    return out.sort((a, b) => a.span.start.line - b.span.start.line);
  },
};

/**
 * A Files entry the task keeps out of the repository: "Modify locally: `…`", "Persistent runtime state only: …", a
 * harness it deletes again ("Create temporarily: `examples/smoke.rs`", "Delete before commit: `examples/smoke.rs`").
 */
const LOCAL_ENTRY =
  /\blocal(?:ly| only)\b|\bruntime (?:state|only)\b|\buntracked\b|\buncommitted\b|\bnot (?:tracked|in (?:the )?repo(?:sitory)?)\b|^\W*(?:create|add|write)\s+temporar(?:y|ily)\b|\bdelete (?:it )?before (?:the )?commit\b/i;
/**
 * A path outside any checkout: a drive (`F:\VibeTrading\config\agent.json`), a home directory (`~/.config/x`), or an
 * absolute path under the host's own directories (`/data/agent/profile/bin/x.py`, `/home/me/.local/bin/guard`).
 */
const OUTSIDE_PATH = /^(?:[A-Za-z]:[\\/]|~[\\/]|\$HOME\b|%\w+%|\/(?:home|Users|root|data|etc|opt|srv|mnt|usr|var)\/)/;
/** A temporary file, outside every checkout whatever paths the plan writes: `/tmp/phase5b-id-map.txt`, `$TMPDIR/x`. */
const TEMP_PATH = /^(?:\/(?:private\/)?(?:var\/)?tmp\/|\$\{?TMPDIR\b|%TEMP%)/;

/**
 * A task whose Files are host configuration, local-only edits or runtime state ("Create:
 * `F:\VibeTrading\config\agent.json`", "Modify locally: `docker-compose.local.yml`", "Read without exposing
 * values: `…`", "Create: `/tmp/preflight-state.txt`"): it writes nothing a commit would hold. An absolute path is
 * outside the repository only in a plan that names the repository's files by relative paths (some plans write
 * every path from the drive); a temporary file always is.
 */
function worksOutsideRepository(plan: Plan, task: Task): boolean {
  const items = task.filesBlock?.items ?? [];
  const outside = (text: string): boolean => {
    const paths = codeSpanTexts(text);
    return paths.length > 0 && paths.every((p) => TEMP_PATH.test(p) || (OUTSIDE_PATH.test(p) && writesRelativePaths(plan)));
  };
  return items.length > 0 && items.some((it) => !READ_ENTRY.test(it.text)) && items.every((it) => READ_ENTRY.test(it.text) || LOCAL_ENTRY.test(it.text) || outside(it.text));
}

/** The plan names some file by a relative path (read once per plan: every task's check asks). */
const relativeWriters = new WeakMap<Plan, boolean>();
function writesRelativePaths(plan: Plan): boolean {
  let relative = relativeWriters.get(plan);
  if (relative === undefined) {
    relative = plan.tasks.some((t) => t.files.some((f) => !OUTSIDE_PATH.test(f.path) && !f.path.startsWith('/')));
    relativeWriters.set(plan, relative);
  }
  return relative;
}

/** Words that keep files out of the repository: "git-ignored", "live under ignored `logs/x/`", "must not be staged or committed". */
const KEPT_OUT = /\b(?:git-?)?ignored\b|\bmust not be (?:staged (?:or|and) )?committed\b/i;

/**
 * The directories the plan says are kept out of git: the paths in backticks ending in `/` on a line
 * that says so, or on the line before it when the sentence wraps ("Harness root: `logs/h/`; all
 * contents remain" / "git-ignored and outside npm packaging.").
 */
function ignoredDirectories(plan: Plan): string[] {
  const dirs: string[] = [];
  for (let l = 1; l <= plan.lines.length; l++) {
    if (isCode(plan, l) || !KEPT_OUT.test(lineText(plan, l))) continue;
    for (const text of [lineText(plan, l), l > 1 && !isCode(plan, l - 1) ? lineText(plan, l - 1) : '']) {
      for (const m of text.matchAll(/`([^`\s]+\/)`/g)) dirs.push(m[1]!.replace(/^\.\//, ''));
    }
  }
  return dirs;
}

/** "Tasks 1–8", "Tasks 2, 4 and 7": consecutive task numbers as a range. */
function taskList(tasks: readonly Task[]): string {
  if (tasks.some((t) => t.subnumber !== undefined || t.id !== undefined)) return `${tasks.slice(0, -1).map(taskName).join(', ')} and ${taskName(tasks[tasks.length - 1]!)}`;
  const runs: Array<[number, number]> = [];
  for (const t of tasks) {
    const last = runs[runs.length - 1];
    if (last && t.number === last[1] + 1) last[1] = t.number;
    else runs.push([t.number, t.number]);
  }
  const parts = runs.map(([a, b]) => (a === b ? `${a}` : b === a + 1 ? `${a}, ${b}` : `${a}–${b}`));
  return `Tasks ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`}`;
}
