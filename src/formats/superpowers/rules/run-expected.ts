import type { CodeBlock, Command, Plan, Step, Task } from '../../../plan/types.js';
import type { Finding, Rule } from '../../../rules/types.js';
import { gitCommand } from '../../../plan/git-command.js';
import { lineSpan, span } from '../../../plan/source.js';
import { SHELL_LANGS } from '../../../rules/tasks/shared.js';
import { commandProblem } from '../../../rules/tasks/task-exact-commands.js';
import { codeSpanTexts } from '../../../plan/citations.js';
import { escapeRegExp } from '../../../escape-regexp.js';
import { CI_FILE, clip, firstTaskLine, isCode, lineText, linesBeforeTasks, OUTPUT_LANGS, stepName, taskBlocks, taskName, taskProse, withoutStepNumber } from './parts.js';

/**
 * An outcome written right after an inline command: "Run `pytest -q`; verify RED.", "`npm test` → PASS",
 * "… at one rate point to verify CLI flags are accepted", "… to confirm <30s performance requirement".
 */
const INLINE_OUTCOME =
  /\bto\s+(?:verify|confirm|check|ensure)\s+(?:the\s+)?[<>≤≥]=?\s*\d|\b(?:pass(?:es|ing)?|fail(?:s|ing|ure)?|red|green|succeeds?|success(?:ful(?:ly)?)?|exits?\s+(?:0|non-?zero|with)|prints?|shows?|returns?|outputs?)\b|\bto\s+(?:verify|confirm|check|ensure|make sure)\s+(?:that\s+)?[\w`"]+[^.]*\b(?:is|are|was|were|gets?)\s+\w+/i;
/** An Expected that allows either outcome: "Most tests PASS, may have some failures". */
const HEDGED = /\b(?:may|might|could)\s+(?:have|see|show|get|produce)?\s*(?:some\s+)?(?:fail(?:s|ures?)?|errors?)\b|\bmost (?:tests? )?pass/i;
/**
 * An Expected that says which failure is acceptable: "this may fail until … If it fails only because the new code needs formatting, continue",
 * "The MSRV check may fail on API changes, but it must not fail because RMCP 2.1 requires a newer Rust", "Build succeeds (may
 * fail due to remaining tmux references — that's fine, fixed in subsequent tasks)".
 */
const NAMES_THE_FAILURE = /\bfails? only (?:because|on|for|with|when)\b|\bmust not fail (?:because|on|for|with|when)\b|\b(?:may|might|could) fail (?:due to|because(?: of)?|from)\s+\w/i;
/**
 * Commands with nothing to expect: they print nothing when they work (`mkdir -p`, `cp`, `touch`,
 * `git diff --check`, `gofmt -l`), only show a file for the agent to read before it edits (`cat
 * SKILL.md`), set up a repository or branch the next steps work in (`git init -b main`, `git checkout
 * -b feat/x`), or install, generate or format files that a later step checks (`npm install`, `task
 * generate`, `cargo fmt`, `vendor/bin/pint --dirty`, `mix format`), also after `cd` or a virtualenv's activation
 * (`source .venv/bin/activate && pip install -r requirements-test.txt`).
 */
const NOTHING_TO_EXPECT =
  /^\s*(?:(?:cd|source|\.)\s+\S+\s*&&\s*)*(?:(?:mkdir|cp|mv|touch|ln|chmod|rm|cat|less|head|tail|ls|tree|open|sed\s+-n)\b[^|;&>]*|git (?:diff --check|init|clone|checkout -b|switch -c|worktree add)\b[^|;&>]*|gofmt -l\b[^|;&>]*|(?:npm|pnpm|yarn|bun) (?:install|ci|i|add)\b[^|;&>]*|(?:uv|pip3?|poetry|bundle|composer|dotnet) (?:sync|install|add|restore)\b[^|;&>]*|go (?:mod tidy|generate)\b[^|;&>]*|(?:task|make|just|npm run|pnpm|yarn) (?:generate|gen|codegen|fmt|format)\b[^|;&>]*|(?:(?:[\w.-]+\/)*(?:cargo fmt|go fmt|gofmt -w|rustfmt|prettier (?:--write|-w)|ruff format|black|pint|php-cs-fixer fix|mix format|dotnet format|terraform fmt|shfmt -w|stylua|dart format|elm-format|swiftformat|scalafmt|clang-format -i|npx prisma generate|prisma generate))\b[^|;&>]*)$/;
/** What to do with each outcome, after the command: "If any non-stdlib imports appear, document them"; "Record the baseline loss in …". */
const OUTCOME_HANDLED =
  /^\s*(?:[-*+]\s+)?(?:\*\*)?(?:if\b[^,.]{3,},|fix (?:any|all|the) \w+ (?:reported|found|it reports)|record\b|note (?:down )?the\b|save the (?:output|result|number|value))|\buntil\b[^.]*\b(?:builds?|pass(?:es)?|succeeds?|compiles?|is clean|(?:is|are|goes|turns) green)\b/i;
/**
 * A run step that says to fix what fails ("Run the same checks locally and fix all failures."): it expects
 * them to pass. Read only where the step names no command; a command's own Expected is still asked for.
 */
const FIXES_FAILURES = /\bfix (?:any|all) (?:\w+ )?(?:failures|errors|issues|problems|offen[cs]es|warnings)\b/i;
/**
 * A run whose outcome is what it finds or how it compares: "Run it in the 0.24 environment and record each missing or moved
 * symbol", "Run a two-step smoke and compare reward/logprob finiteness with the 0.20 baseline".
 */
const RECORDS_OR_COMPARES = /\b(?:and|then) record (?:each|every|all|any|the)\b|\bcompare\b[^.]{0,60}?\b(?:with|against|to) (?:the )?(?:[\w.-]+ ){0,2}baseline\b/i;
/** A line of the step that opens by saying what to check: "Confirm both routes reach the custom endpoint." */
const OPENS_WITH_CHECK = /^\W*(?:confirm|verify|ensure)\s+(?!(?:it|they|this|that)\b)(?:\S+\s+){2,}\S/i;
/**
 * A title that states the outcome: "Verify VM is up", "Run — expect PASS", "Run the focused tests and
 * verify they fail because the new contracts do not exist", and a checklist's record of it: "Run it; it failed because
 * `pruneDiffBases` did not exist", or after the run: "Run the focused test and confirm the routes/tables are absent."
 */
const TITLE_OUTCOME =
  /(?:^|\band\s+)(?:verify|confirm|check|ensure)\s+(?:that\s+)?\S.*\b(?:(?:is|are)\s+\w+|compiles|builds|passes|succeeds)\b|\bexpect(?:s|ed|ing)?\b|\b(?:it|they|the tests?) (?:failed|passed) (?:because|with|as)\b/i;
const titleStatesOutcome = (step: Step): boolean => TITLE_OUTCOME.test(step.title.text) || INLINE_OUTCOME.test(step.title.text);
/** A path in backticks (`build/`), which a title names as what it changes, not as a command. */
const A_DIRECTORY = /^[\w.-]+(?:\/[\w.-]+)*\/$/;
/** A data or document file by its path (`src/data/racas.json` after "Verify:"): what the step checks, not a command. */
const A_DATA_FILE = /^[\w.-]+(?:\/[\w.-]+)*\.(?:json|jsonl|ya?ml|toml|csv|tsv|md|txt|lock|xml|html|ini|cfg|env|log)$/i;
/**
 * Prose that says what the step checks: "Verify that all five files exist; …", "… and confirm the same-inode case is not
 * rejected", or lists the checks ("Verify Russian auto-detection, English override, persistence after reload").
 */
const CHECKS = /\b(?:verify|confirm|check|ensure) that\b|\band (?:confirm|verify|check|ensure)\s+(?!(?:it|they|this)\b)\S|(?:^|[.!?]\s+)(?:verify|confirm|check)\s+(?!(?:the |that )?(?:it|they|this)\b)\S[^.]*,[^.]*,/i;
/**
 * Words that state or judge an outcome, in any form: "verify it resets all counters", "the build must be
 * clean", "no new warnings", "if it reports offenses, fix them", "`pnpm typecheck` 0 错误" (0 errors), "Verificar que tests
 * pasen" (that the tests pass), "Confirm
 * structure (in order):" over what should be seen. A step that uses one has said something
 * of what to expect, in words the rule cannot hold to the Expected form; on plans it was not tuned on,
 * reviewers called findings on such steps noise more often than not, so only a step silent on the
 * outcome is reported.
 */
const OUTCOME_WORD =
  /\b(?:expect\w*|esperad[oa]s?|attendus?|erwartet|previst[oa]|attes[oa]|verwacht|beklenen|pass(?:es|ed|ing)?|fail\w*|succe\w*|should|must|errors?|warnings?|outputs?|prints?|shows?|lists?|returns?|exits?|green|RED|clean|compiles?|works?|ok|nothing|empty|no (?:new |more |\w+ )?(?:matches|changes|diff|errors|output|offen[cs]es|failures|warnings|regressions|issues|problems|violations|findings)|zero|appears?|exists?|complet(?:es|ed)|produc(?:es|ed)|(?:is |are |gets? )?(?:created|written|generated|updated)|found|finds|(?:verify|confirm|ensure|check|make sure)\s+(?:that|it|they|there|nothing|no|none|all|each|every)\b|see|until|if|result\w*|report\w*|pas(?:a|an|e|en)|passent|errores|erros|erreurs?|fehler\w*)\b|[预預期望通过過失败敗成功]|错误|錯誤|报错|警告|エラー|ожида|^\W*(?:verify|confirm|ensure|check|make sure)\b[^.:\n]{0,40}:\s*$/im;

/** A command with its outcome in a comment after it: "yarn test:typecheck   # must pass". */
function commentedOutcome(line: string): boolean {
  const comment = /\s#\s*([^#'"]+)$/.exec(line)?.[1];
  return comment !== undefined && OUTCOME_WORD.test(comment);
}

/** The step's words, outside its code: title, prose, the text after an inline command, comments in its shell blocks. */
function saysAnOutcome(plan: Plan, step: Step): boolean {
  const words = [step.title.text, ...step.prose.map((p) => p.text)];
  for (const c of step.commands) if (c.run.span.start.line === c.run.span.end.line) words.push(lineText(plan, c.run.span.start.line).slice(c.run.span.end.column));
  for (const b of step.codeBlocks) if (SHELL_LANGS.has(b.lang)) words.push(...b.content.split('\n').filter((l) => /^\s*#(?!!)/.test(l)));
  return words.some((w) => OUTCOME_WORD.test(w.replace(/`[^`]*`/g, ' ')));
}

/** A check for an absence, which is its expected outcome: "Run PHPStan to verify no breaks". */
const CHECKS_NONE = /\b(?:verify|confirm|check|ensure|make sure)\s+(?:that\s+)?(?:no|nothing|none)\b/i;

/** The end state a run must reach: "Final PR head must pass normal split CI", "Pages tests remain Green". */
const MUST_END = /\b(?:must|should|will) (?:pass|fail|succeed|stay|remain|be (?:green|clean|unchanged))\b|\bremains? (?:green|unchanged|sequential)\b/i;

/** A step that uses the run's outcome, naming it: "Update `AGENTS.md` test count with the passing suite result". */
const USES_OUTCOME = /\b(?:pass(?:ing|ed)|fail(?:ing|ed)|green|clean)\s+(?:[\w-]+\s+)?(?:results?|counts?|output|runs?)\b/i;

/** Words that give a step the outcome of the one before it: "Same as above for the frontend.", "As before." */
const SAME_AS_BEFORE = /^\W*(?:same as (?:above|before|the (?:previous|last) step|step \d+)|as (?:above|before))\b/i;

/** A next step that opens on the run's outcome: "After tests pass, run:", "If the focused tests pass, run `pnpm -r typecheck`". */
const AFTER_IT_PASSES = /^\W*(?:after|once|when|if) (?:the |all )?(?:[\w-]+ )?(?:tests?|suite|build|checks?|it|they) (?:pass(?:es)?|succeeds?|(?:is|are) green)\b/i;

/** A next step that deals with the run's failures: "Fix CLI/help only if failing for real bugs", "Fix any failures". */
const FIXES_AFTER = /^(?:fix|repair|address|resolve)\b.*\b(?:if (?:it |they |anything )?(?:fails?|failing|broken|red)|fail(?:s|ing|ures?)|errors?|regressions?)\b/i;

/**
 * A step that checks what the step before it did: "Confirm it writes generated server/client files", "Review the output and
 * only then report …", "Verificar que no hay errores de TypeScript", "Compare metrics against baseline".
 */
const CONFIRMS =
  /^(?:confirm|verify|check|ensure|inspect|validate|spot[- ]check|sanity[- ]check|double[- ]check|verificar|comprobar|confirmar|validar|vérifier|prüfen|überprüfen)\b|^(?:review|read|examine) (?:the |its )?(?:output|results?|logs?|report)\b|^compare (?:the )?(?:metrics|results|numbers|timings|output)\b/i;

/**
 * A run that points back at a command the task already gave: "Run the tests again", "Re-run the same
 * command", "Run the same filter", "Run the same build and test commands", "Run Step 2, then commit".
 */
const REPEATS = /^(?:re-?run\b|run (?:the|those|these) tests\b)|\b(?:again|same (?:[\w-]+ (?:and |& )?){0,3}(?:commands?|tests?|filter|run|suite|invocation|selection)|as (?:above|before|in step \d+)|(?:re-?run|repeat|run) step \d+)\b/i;

/**
 * A command written inline after "run" in a step's words: "Run `cargo test --lib` and commit", "run
 * `test/run_js_tests.sh`", "Run full `make ci` across …". A command with arguments, or a script by its path.
 */
const INLINE_RUN = /\brun\b(?:\s+(?:the\s+)?(?:full|whole|entire|complete|focused|targeted))?\W{0,4}`([^`]+\s[^`]*|[^`\s]*\/[^`\s]+|[^`\s]+\.(?:sh|ps1|py|js|mjs|rb|bat|cmd))`/i;

/**
 * A command after a run step's bold head: "- [ ] **Step 2: Run, expect FAIL** — `mvn -o test -Dtest=…`",
 * "- [ ] **Step 2: Run red** (in-container: `npm test -w web -- feeds`)"
 * (not a commit message: "**Run → PASS; commit** — `feat(x): …`").
 */
const AFTER_HEAD = /\*\*\s*(?:[—–:-]+|\([^`)]{0,40}?)\s*`(?![a-z]+(?:\([^)]*\))?!?:\s)([^`]+\s[^`]*|[^`\s]*\/[^`\s]+|[^`\s]+\.(?:sh|ps1|py|js|mjs|rb|bat|cmd))`/;

/**
 * A line that opens with a command in backticks, with its arguments: "`mvn -q -pl core test` → PASS."
 * (not a commit message: "`feat(auth): add JWT` — then commit").
 */
const LEADING_COMMAND = /^\s*(?:[-*+]\s+)?`(?![a-z]+(?:\([^)]*\))?!?:\s)([^`\s]+\s[^`]*)`/;

/** A command in parentheses, given as the example of what to run: "(e.g., `bun run x --dry-run`)". */
const EXAMPLE_COMMAND = /\(\s*(?:e\.g\.|i\.e\.|for example)?,?\s*`((?:[\w.~-]*\/)*[\w.-]+\s[^`]*)`\s*\)/i;

/** The first inline command of the step, on its head line or in its prose, and the text after it on that line. */
function inlineRun(plan: Plan, step: Step): { command: string; after: string } | undefined {
  const head = lineText(plan, step.title.span.start.line);
  const afterHead = RUN_TITLE.test(withoutStepNumber(step.title.text)) ? AFTER_HEAD.exec(head) : null;
  if (afterHead) return { command: afterHead[1]!, after: head.slice(afterHead.index + afterHead[0].length) };
  for (const text of [head, ...step.prose.map((p) => p.text)]) {
    const m = INLINE_RUN.exec(text);
    if (m) return { command: m[1]!, after: text.slice(m.index + m[0].length) };
  }
  // "Run hydration script with dry-run (e.g., `/usr/bin/time bun run session:hydrate --dry-run`) to confirm …": the command in parentheses.
  if (RUN_TITLE.test(withoutStepNumber(step.title.text))) {
    const m = EXAMPLE_COMMAND.exec(head);
    if (m) return { command: m[1]!, after: head.slice(m.index + m[0].length) };
  }
  // Under a run step's head, a line that opens with the command: "`mvn -q test -Dtest=EntityIdTest` → PASS."
  for (const p of step.prose) {
    const m = LEADING_COMMAND.exec(p.text);
    // "- `xcodebuild -project amux.xcodeproj` → `-project seamux.xcodeproj`": the old text of a replacement, not a run.
    if (m && !/^\s*(?:→|->|=>)\s*`/.test(p.text.slice(m[0].length))) return { command: m[1]!, after: p.text.slice(m[0].length) };
  }
  return undefined;
}

/** git commands silent when they work: staging, committing and pushing (sp-commit-step's), tagging. */
const GIT_STAGES = new RegExp(String.raw`^\s*${gitCommand('add|commit|push|tag').source}`);

/** A step that adds or defines something, a script among them: "Add `pnpm smoke:openai` for real API smoke". */
const DEFINES = /^(?:add|create|define|register|write|expose)\b/i;

/** A step that says to run something: "Run focused tests GREEN.", "Run affected tests and commit". */
const RUN_TITLE = /^(?:re-?)?run\b/i;
/** A review or a QA pass the step has people or agents run: "Run Gate A review with two reviewer scopes:", "Run the code review", "Run design QA". */
const REVIEW = /^(?:re-?)?run\s+(?:(?:the|a|an)\s+)?(?:(?!and\b)[\w-]+\s+){0,4}?(?:reviews?|QA)\b(?![^.:]*\btests?\b)/i;

const writesCiOnly = (task: Task): boolean => task.files.length > 0 && task.files.every((f) => CI_FILE.test(f.path));
/** A step that adds a CI step or job and names what it runs: "Add a post-build `docker run` step to `cicd-container-build` that executes `python -m pytest` …". */
const ADDS_CI_STEP = /\badd (?:a|an|the)\s+(?:[\w`-]+\s+){0,3}(?:step|job)\b[^.]{0,80}?\b(?:that|which|to)\s+(?:runs?|executes?)\b/i;
const addsCiStep = (task: Task, step: Step): boolean =>
  task.files.some((f) => CI_FILE.test(f.path)) && ADDS_CI_STEP.test([step.title.text, ...step.prose.map((p) => p.text)].join(' '));

/** A block's commands, one per line; a command continued with backslashes (`npm install -D vitest \` …) is one. */
function logicalLines(text: string): string[] {
  return text.replace(/\\\n\s*/g, ' ').split('\n');
}

/** Every line of the command prints nothing to expect (`mkdir -p`, `npm install -D vitest`), also in a pipeline. */
function nothingToExpect(text: string): boolean {
  return logicalLines(text).every((l) => l.trim() === '' || l.split(/\s\|\s/).every((part) => NOTHING_TO_EXPECT.test(part)));
}

/**
 * Words that name a run of tests, a build or a check, as a command's program, subcommand, flag or
 * script name: `pytest`, `npm test`, `cargo build`, `mvn verify`, `node --test`, `cargo fmt --check`,
 * `npm run test:unit`, `scripts/test-cli.sh`, `composer quality`.
 */
const CHECK_WORDS = new Set(
  (
    'test tests spec specs e2e smoke check checks lint build verify validate compile assemble typecheck analyze quality qa ci ' +
    'clippy vet pytest jest vitest mocha rspec phpunit pest ctest bats tsc mypy pyright eslint rubocop ruff staticcheck ' +
    'shellcheck golangci playwright cypress karma ava unittest tox nox behave cucumber dialyzer credo phpstan psalm ' +
    'detekt ktlint swiftlint stylelint biome xcodebuild'
  ).split(' '),
);

/** Programs that show, search or move files, PowerShell's too: what follows them names files and patterns, not a check (`grep -n "test" …`, `Rename-Item tests\\verify-x.js verify.js`). */
const SHOWS_OR_MOVES =
  /^(?:grep|egrep|rg|ag|find|fd|echo|printf|cat|less|head|tail|ls|tree|wc|sed|awk|jq|yq|git|cd|mkdir|cp|mv|rm|touch|ln|chmod|diff|curl|wget|open|code|rename-item|move-item|copy-item|remove-item|new-item|get-content|set-content|add-content|get-childitem|select-string|test-path|write-host|write-output)$/i;

/**
 * The command runs tests, a build or a check: a run whose pass or fail the step turns on. On plans it
 * was not tuned on, reviewers agreed with most missing-Expected findings on such runs (54 of 76) and
 * with few on any other command (5 of 31: a script the agent runs once, a `git log` to read, a
 * formatter, a prompt), so only these are asked for their Expected. Each command of a line
 * (`a && b | c`) is read on its own, without its quoted arguments.
 */
function runsACheck(text: string): boolean {
  return logicalLines(text)
    .filter((l) => !/^\s*#/.test(l))
    .flatMap((l) => l.replace(/"[^"]*"|'[^']*'/g, ' ').split(/&&|\|\||[|;]/))
    .some((command) => {
      const words = command.trim().split(/\s+/).filter((w) => !/^\w+=/.test(w));
      const program = baseName(words[0] ?? '');
      return !SHOWS_OR_MOVES.test(program) && words.some((w) => baseName(w).toLowerCase().split(/[:._-]/).some((part) => CHECK_WORDS.has(part)));
    });
}

/** A word as a name, without its directories, backticks, leading dashes or `.exe`: `.venv/bin/pytest` → `pytest`, `--check` → `check`. */
const baseName = (word: string): string => word.replace(/[`,;)]+$/, '').replace(/^[`(-]+/, '').replace(/^.*[\\/]/, '').replace(/\.exe$/i, '');

/** A command the rule asks no Expected of: one that prints nothing to expect, or runs no test, build or check. */
function quietRun(text: string): boolean {
  return nothingToExpect(text) || !runsACheck(text);
}

function commandExpected(plan: Plan, c: Command): boolean {
  if (c.expected && c.expected.text.trim() !== '') return true;
  // "Expected:" over a list or a block: the outcomes are what follows the label.
  if (c.expected && followedByList(plan, c.expected.span.start.line)) return true;
  // An inline command with its outcome after it on the same line.
  const { start, end } = c.run.span;
  if (start.line !== end.line) return false;
  return INLINE_OUTCOME.test(lineText(plan, start.line).slice(end.column));
}

/** The line after an empty "Expected:" label starts a list item or a code block. */
function followedByList(plan: Plan, line: number): boolean {
  if (!/\bExpect(?:ed)?\b\W*$/i.test(lineText(plan, line))) return false;
  const next = plan.lines.slice(line).find((l) => l.trim() !== '') ?? '';
  return /^\s*(?:[-*+]|\d+[.)])\s+\S|^\s*(?:```|~~~)/.test(next);
}

/** The step says what to expect somewhere: an "# Expected:" comment in its shell block, "Expected:" in its text. */
function stepExpected(step: Step): boolean {
  if (step.codeBlocks.some((b) => SHELL_LANGS.has(b.lang) && /#\s*Expected\b/i.test(b.content))) return true;
  return step.prose.some((p) => EXPECTED_LABEL.test(p.text) || EXPECTATION.test(p.text));
}

/** "Expected:", and its variants: "Expected after the code fix: PASS.", "Expected output — should show …". */
const EXPECTED_LABEL = /\bExpected:|^\W*Expected\b[^:—–\n]{0,40}[:—–]/i;
/** An expectation in other words: "You should see `x`", "… must list only `transport/body.go`". */
const EXPECTATION = /\byou should see\b|\bshould (?:show|print|list|output|return)\b|\bmust (?:list|show|print) only\b/i;

/**
 * The command as a reader recognizes it: its first line that is not a bare `cd`, without a trailing backslash
 * and without a `cd` it opens with ("cd H:/excalidraw && yarn test:typecheck" shows "yarn test:typecheck").
 */
export function commandShown(text: string): string {
  const lines = text.split('\n').map((l) => l.trim().replace(/^cd\s+\S+\s*&&\s*/, '')).filter((l) => l !== '');
  const shown = lines.find((l) => !/^cd\s/.test(l)) ?? lines[0] ?? '';
  return `\`${clip(shown.replace(/\s*\\$/, ''), 50)}\`${lines.length > 1 ? ' (and the lines after it)' : ''}`;
}

export const spRunExpected: Rule = {
  id: 'sp-run-expected',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description:
    '"Exact commands with expected output": a step that runs tests, a build or a check says what the run should print — "Run: `pytest tests/path/test.py::test_name -v`" then "Expected: FAIL with \\"function not defined\\"" — so the executing agent knows whether the step worked, and a red step is seen to fail for the right reason. Reported: a run of tests, a build or a check (`pytest`, `npm test`, `cargo build`, `mvn verify`, `tsc --noEmit`, `cargo fmt --check`, a linter, a script named for one: `scripts/test-cli.sh`) with no Expected and no word of its outcome; an Expected that allows failure ("Most tests PASS, may have some failures"; not one that says which failure is acceptable: "this may fail until … If it fails only because the new code needs formatting, continue", "may fail on API changes, but it must not fail because RMCP 2.1 requires a newer Rust", "Build succeeds (may fail due to remaining tmux references — that\'s fine, fixed in subsequent tasks)"); a step that says to run something ("Run documentation checks."; not a review or QA pass people run, "Run Gate A review", "Run design QA", nor, in a task that writes only a CI workflow, a line of what the workflow runs that expects nothing, nor what a CI step the step adds executes: "Add a post-build `docker run` step to `cicd-container-build` that executes `python -m pytest` …") and names no command — in the step or a table under it with a Command column, in its task when it repeats one ("Run the tests again", "Run the same build and test commands", "Run Step 2, then commit", "Run the helper tests and confirm all pass." after the task\'s one test command, a bare "Run, expect PASS." after the task\'s one run) or after a checklist of step heads with nothing under them ("- [ ] **Step 6: Run the unit tests**" … then "Run:" over a block), or in a "## Commands" section or a line before the tasks that lists them when it names them ("Run the test command.", "Both test commands"), or in a section before the tasks it runs by its heading ("Run the Required Commit Gate and commit" over "## Required Commit Gate" and its block) — and, when it says what it expects ("verify it fails because …", "Verify Russian auto-detection, English override, persistence after reload", or logs what it saw: "Observed:" over md5s and counts, "Pre and post gates both matched:"), only the command is asked for, and when it names some of its commands ("Run focused tests, full `swift test`, and `swift build`"), the exact command for the rest, and so when it gives one command and names more runs only in words ("Run `buf lint` and targeted server tests."); in a task without steps, a "Run" of a test, build or check with no Expected (a line before it that says what must pass, "- Verify typecheck, tests, and build pass", is its Expected). Taken as the Expected: an "Expected:" (or "**Expect:**") line after the Run or its block (its value on the line, or a list under the label), an "# Expected:" comment in the block, an outcome in a comment after each command (`yarn fix  # must pass with 0 warnings`; a command of the block without one is asked for its own), an outcome after an inline command ("Run `pytest -q`; verify RED", "`mvn -q test -Dtest=EntityIdTest` → PASS."), an Expected in other words or another language ("Expected after the code fix: PASS.", "You should see `x`", "Esperado: …", "预期：…"), a title that states the outcome ("Verify VM is up"), any word of the outcome ("the build must be clean", "no new warnings", "`pnpm typecheck` 0 错误", "Verificar que tests pasen: `pnpm test`", "If it reports offenses, fix them", "and record each missing or moved symbol", "compare reward finiteness with the 0.20 baseline", a line under it that opens with the check: "Confirm both routes reach the custom endpoint.", "Verify: `src/data/racas.json` … created."), a step that takes the outcome of the one before ("Same as above for the frontend."), a later step of the task that runs the same command again with its Expected and no code or test written between ("1. Run `make test-compare`." … "**Run:**" `make -C poc test-compare` "**Expect:**" …), or a block of the task after its steps that does, with the outcome in a comment ("- [ ] Run `dune build`." then "### Verification" over `dune build   # clean compile`), a next step that checks the run ("Confirm it writes the generated files", "Spot-check the rewritten messages", "Verificar que no hay errores de TypeScript", "Review the output and only then report the result", "Compare metrics against baseline"), fixes what it finds ("Fix CLI/help only if failing for real bugs") or uses its outcome by name ("Update the test count with the passing suite result", "After tests pass, run:", "If the focused tests pass, run `pnpm -r typecheck`"), or an outcome the plan states once before its tasks, for the same command or the same program and subcommand ("`task check` must pass at the end of every task", "`cargo test --workspace` must pass at every commit" for `cargo test -p api`). Not asked for: an Expected of any other command — a script or tool the agent runs once, a search, a diff or a log to read, a set-up, install, generate or format command (`git init -b main`, `npm install -D vitest`, `task generate`, `vendor/bin/pint --dirty`), a prompt the step sends ("You are an agent finishing a work session.") — because on plans it was not tuned on, reviewers agreed with few of the missing-Expected findings such commands drew (5 of 31, against 54 of 76 on runs of tests, builds and checks). A block that opens with a shebang (`#!/usr/bin/env bash`) is a script the step writes, not commands it runs. Commit steps are left to sp-commit-step. A warning: reviewers found too many ways of stating an outcome for an error.',
  instruction: 'Follow every command with its expected output: "Run: `<exact command>`" then "Expected: PASS" (or "FAIL with \\"<message>\\"", or the output).',
  examples: {
    valid: [
      {
        plan: '# Bilingual README Implementation Plan\n\n**Goal:** Add a Chinese README mirror.\n\n**Tech Stack:** Markdown, pytest\n\n---\n\n### Task 1: README contract test\n\n- [ ] **Step 2: Run test to verify it fails**\n\nRun: `python -m pytest tests/test_readme_docs.py -q`\n\nExpected: FAIL because the Chinese README does not exist.\n',
      },
      {
        plan: '# Beta Flag Implementation Plan\n\n**Goal:** Hide the goals page behind a flag.\n\n**Tech Stack:** Laravel, Pest\n\n---\n\n### Task 1: Flag\n\n- [ ] **Step 2: Format**\n\n```bash\nvendor/bin/pint --dirty\n```\n\n- [ ] **Step 3: Commit**\n',
      },
      {
        plan: '# Example Workflow Implementation Plan\n\n**Goal:** Rename the agents.\n\n**Tech Stack:** Markdown\n\n---\n\n### Task 1: Review the agent file\n\n- [ ] **Step 8: Review the complete file for consistency**\n\n```bash\ngrep -n "researcher" example-workflow/agents/yegge.md\n# Expected: no matches\n```\n',
      },
    ],
    invalid: [
      {
        plan: '# Range Cleanup Implementation Plan\n\n**Goal:** Drop the unused range columns.\n\n**Tech Stack:** Elixir, ExUnit\n\n---\n\n### Task 2: Remove the columns\n\n- [ ] **Step 2: Run tests**\n\nRun: `mix test test/gallformers/ranges_test.exs`\n\n- [ ] **Step 3: Commit**\n',
        message: 'has no Expected',
      },
    ],
  },
  check(plan, { config }) {
    const out: Finding[] = [];
    let checksOnce: boolean | undefined;
    for (const task of plan.tasks) {
      let tail: { commands: boolean; expected: boolean } | undefined;
      const afterItems = (): { commands: boolean; expected: boolean } => (tail ??= trailing(plan, task));
      for (const [i, step] of task.steps.entries()) {
        // The outcome said after the step: the next step checks it ("Confirm it writes the generated
        // files"), or a checklist task gives "Expected …:" after its last item.
        const next = task.steps[i + 1]?.title.text ?? '';
        const nextOpens = task.steps[i + 1]?.prose[0]?.text ?? '';
        const checkedAfter = (): boolean => CONFIRMS.test(next) || USES_OUTCOME.test(next) || FIXES_AFTER.test(next) || AFTER_IT_PASSES.test(nextOpens) || AFTER_IT_PASSES.test(withoutStepNumber(next)) || afterItems().expected;
        const name = stepName(plan, step);
        const named = name.startsWith('Step') ? `${name} of ${taskName(task)} ("${clip(step.title.text, 50)}")` : `${name.replace(/^the/, 'The')} of ${taskName(task)}`;
        if (step.kind === 'commit') {
          // "Run the focused test and commit": the run is this step's, the commit sp-commit-step's.
          if (RUN_TITLE.test(step.title.text) && step.commands.length === 0 && step.codeBlocks.length === 0) {
            const inline = inlineRun(plan, step);
            // "Run Step 2, then stage only Task 1 files and commit": the run is one the task gave.
            if (!inline) {
              if (!pointsBackToRun(plan, task, step) && !namesCommandSection(plan, step)) out.push(...noCommand(named, step, ranBefore(plan, task, i)));
            } else if (!quietRun(inline.command) && !inlineOutcome(plan, step, inline.after) && !checkedAfter()) out.push(noExpected(named, step, inline.command));
          }
          continue;
        }
        // "Verify: all states reference the right names" is a description the parser took for a command.
        // "Add `pnpm smoke:openai` for …": a title that adds or defines a script names it, it does not run it.
        const definesScript = DEFINES.test(step.title.text);
        const runs = step.commands.filter(
          (c) =>
            c.run.text.trim() !== '' &&
            !(definesScript && c.run.span.start.line === step.title.span.start.line) &&
            !A_DIRECTORY.test(c.run.text.trim()) &&
            !A_DATA_FILE.test(c.run.text.trim()) &&
            !GIT_STAGES.test(c.run.text) &&
            // A block read as a whole: one that opens with a sentence ("You are an agent finishing a
            // work session.") is a prompt or a message the step sends, not commands.
            commandProblem(c.run.text.trim().split('\n')[0]!, config) !== 'is a description, not a command',
        );
        // "Add a post-build `docker run` step to `cicd-container-build` that executes `python -m pytest` …": CI runs it.
        if (addsCiStep(task, step) && !saysAnOutcome(plan, step)) continue;
        if (runs.length > 0) {
          const vague = runs.map((c) => c.expected).find((e) => e !== undefined && HEDGED.test(e.text) && !NAMES_THE_FAILURE.test(e.text));
          if (vague) {
            out.push({ message: `The Expected of ${name} in ${taskName(task)} is not exact ("${clip(vague.text, 60)}"): say which result the step expects, so a failure cannot pass for success.`, span: vague.span });
            continue;
          }
          if (runs.some((c) => commandExpected(plan, c)) || stepExpected(step)) continue;
          if (runs.every((c) => quietRun(c.run.text))) continue;
          if (titleStatesOutcome(step) || step.prose.some((p) => OUTCOME_HANDLED.test(p.text))) continue;
          if (saysAnOutcome(plan, step) || checkedAfter() || runs.some((r) => outcomeGivenOnce(plan, r.run.text))) continue;
          // "Run: `pnpm -F frontend typecheck`" then "Same as above for the frontend.": the outcome is the step before's.
          if (i > 0 && step.prose.some((p) => SAME_AS_BEFORE.test(p.text))) continue;
          const c = runs.find((r) => !quietRun(r.run.text))!;
          if (expectedLater(plan, task, i, c.run.text)) continue;
          // "yarn fix  # must pass with 0 warnings" over `yarn build:esm`: a command whose comment states its outcome
          // has it; the first check without one is the command asked for.
          const lines = logicalLines(c.run.text).filter((l) => l.trim() !== '');
          const open = lines.some(commentedOutcome) ? lines.filter((l) => !commentedOutcome(l) && !quietRun(l)) : undefined;
          if (open?.length === 0) continue;
          const onHead = c.run.span.start.line === step.span.start.line;
          // "Run `go test -v ./core/habit` and the available store tests.": the rest has no command either.
          if (onHead && runs.length === 1 && runsMoreInWords(step)) {
            out.push(partlyNamed(named, step, c.run.text, false));
            continue;
          }
          out.push({
            message: `${onHead ? named : `The command ${commandShown(open ? open[0]! : c.run.text)} of ${name} in ${taskName(task)}`} has no Expected: add "Expected: …" after it (PASS, FAIL with the message, or the output that shows the step worked).`,
            span: c.run.span.start.line === c.run.span.end.line ? c.run.span : lineSpan(plan.lines, step.span.start.line),
          });
          continue;
        }
        // "Run Gate A review with two reviewer scopes:": reviewers read the work; no command runs.
        if (REVIEW.test(withoutStepNumber(step.title.text))) continue;
        // A task that writes a CI workflow lists what the workflow runs ("Run `py_compile`, unit tests, and CLI help"):
        // the CI runs it, not the agent. A run it expects something of ("Run the focused contract test and expect PASS") is the agent's.
        if (writesCiOnly(task) && !saysAnOutcome(plan, step)) continue;
        if (step.commands.length === 0 && step.codeBlocks.length === 0 && RUN_TITLE.test(withoutStepNumber(step.title.text))) {
          // "**Step 2:** Run: `uv run pytest -q` — expect FAIL (…)": the command is on the step's own
          // line, or in its text ("Run `cargo test --lib` and `cargo clippy`.").
          const inline = inlineRun(plan, step);
          if (inline) {
            // "Run `go generate ./internal/protocol/...`": inline as in a block, such a command has nothing to expect.
            if (!quietRun(inline.command) && !inlineOutcome(plan, step, inline.after) && !checkedAfter() && !outcomeGivenOnce(plan, inline.command) && !expectedLater(plan, task, i, inline.command)) {
              out.push(noExpected(named, step, inline.command));
            }
            continue;
          }
          // The task may give the command elsewhere (a Verification block after its steps, an earlier
          // step the run repeats: "Run the tests and confirm they pass", "Run the same filter — PASS",
          // the green run of a TDD task, "Run — PASS"): then it is not missing.
          const runs = (s: Step): boolean => s !== step && givesRun(s);
          // "**Step 4: Run, expect PASS.**" naming nothing, after "**Step 2: Run, expect FAIL** — `uv run … pytest …`": the one
          // run the task gave, again.
          const bare = BARE_RERUN.test(withoutStepNumber(step.title.text)) && task.steps.slice(0, i).filter((s) => runsSomething(plan, s)).length === 1;
          const repeats = bare || pointsBackToRun(plan, task, step) || (saysAnOutcome(plan, step) && task.steps.slice(0, i).some(runs));
          // "Run the test command.": the plan gives its commands once, in a section of their own ("## Commands").
          const byName = NAMED_COMMAND.test(step.title.text) || step.prose.some((p) => NAMED_COMMAND.test(p.text));
          // The plan gives its check commands once before its tasks ("Verify with: `pnpm run test ./src/<file> --run`",
          // a gate's "run the full verification stack:" over `cargo clippy …`), or the task's Files block does
          // ("Test: `cargo test -p beads-rs --test integration …`"): the step runs what is given there.
          const given = (checksOnce ??= checksGivenOnce(plan)) || filesGiveTestCommand(task);
          const elsewhere =
            shellBlocksOutsideSteps(plan, task).length > 0 || repeats || afterItems().commands || (byName && commandsGivenOnce(plan)) || given || commandTable(plan, task, i) || namesCommandSection(plan, step);
          // "Expected result:" after the checklist says what the run shows: only the command is missing.
          if (!elsewhere) out.push(...noCommand(named, step, ranBefore(plan, task, i), i === task.steps.length - 1 && afterItems().expected));
        }
      }
      if (task.steps.length > 0) continue;
      // A task written as prose: "Run `bash tests/x.sh` before changing the hooks", "Run:" over a block.
      const prose = taskProse(plan, task);
      if (prose.some((l) => /\bExpected\b/i.test(l.text))) continue;
      const run = prose.find((l) => /^\s*(?:[-*+]\s+)?(?:\*\*)?Run(?::|\s+`)/.test(l.text));
      // "Run `bash tests/x.sh` and confirm the new tests fail": the outcome follows the command.
      const inline = run && INLINE_RUN.exec(run.text);
      // "- Verify typecheck, tests, and build pass" over "Run:" and its block: the outcome is said before the command.
      const saidBefore = run !== undefined && prose.some((l) => l.line < run.line && OUTCOME_BEFORE.test(l.text));
      if (run && !saidBefore && !(inline && INLINE_OUTCOME.test(run.text.slice(inline.index + inline[0].length)))) {
        const at = run.text.length - run.text.trimStart().length;
        const block = /^\s*(?:\*\*)?Run:?(?:\*\*)?:?\s*$/.test(run.text) ? plan.codeBlocks.find((b) => b.span.start.line > run.line && b.span.start.line <= task.span.end.line) : undefined;
        if (quietRun(inline ? inline[1]! : block ? block.content : run.text)) continue;
        const what = block ? commandShown(block.content) : `"${clip(run.text.trim(), 60)}"`;
        out.push({
          message: `${taskName(task)} runs ${what} with no Expected: write the exact command as "Run: \`…\`" and what it prints as "Expected: …".`,
          span: span(run.line, at + 1, run.line, run.text.trimEnd().length + 1),
        });
      }
    }
    return out;
  },
};

/**
 * A later step of the task runs the same command with an Expected, and no step between writes code or tests: "1.
 * `make test-compare CYCLES=10000`을 실행한다." … then "**Run:**" over `make -C poc test-compare CYCLES=10000` and
 * "**Expect:**". (A red run and its green rerun have a change between them: each owes its own Expected.)
 */
function expectedLater(plan: Plan, task: Task, i: number, command: string): boolean {
  const words = command.trim().split(/\s+/);
  for (const s of task.steps.slice(i + 1)) {
    if (s.kind === 'implement' || s.kind === 'test' || s.codeBlocks.some((b) => !SHELL_LANGS.has(b.lang) && !OUTPUT_LANGS.has(b.lang))) return false;
    const same = s.commands.find((c) => words.every((w) => c.run.text.split(/\s+/).includes(w)));
    if (same) return commandExpected(plan, same);
  }
  // "- [ ] Run `dune build`." as the task's last step, then its "### Verification" block: `dune build   # clean compile`.
  const step = task.steps[i]!;
  return shellBlocksOutsideSteps(plan, task).some(
    (b) => b.span.start.line > step.span.end.line && b.content.split('\n').some((l) => commentedOutcome(l) && words.every((w) => l.split(/\s+/).includes(w))),
  );
}

/** A line of a task without steps that says what its runs must show: "- Verify typecheck, tests, and build pass". */
const OUTCOME_BEFORE = /^\W*(?:verify|confirm|check|ensure)\b[^.]*\b(?:pass(?:es)?|succeeds?|(?:is|are) (?:green|clean))\W*$/i;

/** Another step of the task that runs a command, in a block or on its line (not a commit step). */
function givesRun(s: Step): boolean {
  return s.kind !== 'commit' && s.commands.some((c) => c.run.text.trim() !== '');
}

/** A step that runs a command in a block, on its line, or inline in its words ("Run `cargo test --lib`"); not a commit step. */
function runsSomething(plan: Plan, s: Step): boolean {
  return givesRun(s) || (s.kind !== 'commit' && inlineRun(plan, s) !== undefined);
}

/** A run step that names nothing but its outcome: "Run, expect PASS.", "Run — green". */
const BARE_RERUN = /^(?:re-?)?run\W*(?:expect\s+)?(?:pass(?:es)?|green)\W*$/i;

/** "Run the helper tests", "Run the focused unit tests": tests named by a word or two, no command. */
const NAMED_TESTS_RUN = /^\W*run (?:the|those|these) (?:[\w-]+ ){1,2}tests\b/i;
/** A command that runs tests. */
const TEST_COMMAND = /\b(?:test|tests|pytest|vitest|jest|mocha|rspec|phpunit|pest|ctest|bats)\b/i;

/**
 * The step repeats a run its task gives ("Run the tests again", "Run Step 2, then commit"); "Same command →
 * PASS" points at a command given inline too ("`uv run pytest …` → FAIL" under "Run RED").
 */
function pointsBackToRun(plan: Plan, task: Task, step: Step): boolean {
  const pointsBack = REPEATS.test(step.title.text) || step.prose.some((p) => REPEATS.test(p.text));
  if (pointsBack) return task.steps.some((s) => s !== step && runsSomething(plan, s));
  // "Run the helper tests and confirm all pass." after the task's one run of a test command: that run again.
  if (!NAMED_TESTS_RUN.test(step.title.text)) return false;
  const before = task.steps.slice(0, task.steps.indexOf(step)).filter((s) => s.kind !== 'commit');
  const commands = new Set([...before.flatMap((s) => s.commands.map((c) => c.run.text.trim())), ...before.map((s) => inlineRun(plan, s)?.command.trim())].filter((c) => c !== undefined && c !== ''));
  return commands.size === 1 && TEST_COMMAND.test([...commands][0]!);
}

/** The step says what its inline command should do: in its title, after the command, or anywhere in its words. */
function inlineOutcome(plan: Plan, step: Step, after: string): boolean {
  return TITLE_OUTCOME.test(lineText(plan, step.title.span.start.line)) || INLINE_OUTCOME.test(after) || saysAnOutcome(plan, step);
}

function noExpected(named: string, step: Step, command: string): Finding {
  if (runsMoreInWords(step)) return partlyNamed(named, step, command, false);
  return { message: `${named} has no Expected: add "Expected: …" after \`${clip(command, 50)}\` (PASS, FAIL with the message, or the output that shows the step worked).`, span: step.title.span };
}

/**
 * A step that gives one command and names more runs only in words: "Run `buf lint` and targeted server tests.",
 * "Run `go test -v ./core/habit` and the available store tests." (not "… and verify the tests pass").
 */
const RUNS_MORE_IN_WORDS =
  /`…`[^.;]*?\s(?:and|plus)\s+(?:the\s+)?(?!(?:verify|confirm|check|ensure|make|see|expect|watch|that)\b)(?:[\w-]+\s+){0,3}?(?:tests|test suites?|specs|checks)\b(?!\s+(?:pass|passing|fail|failing|succeed|are green|stay green)\b)/i;

const runsMoreInWords = (step: Step): boolean => RUNS_MORE_IN_WORDS.test(step.title.text.replace(/`[^`]*`/g, '`…`'));

/** The message for a step that names some of its commands: the rest, and the Expected if it has none. */
function partlyNamed(named: string, step: Step, given: string, expects: boolean): Finding {
  return {
    message: `${named} names \`${clip(given, 40)}\` but not the exact command for everything it runs${expects ? '' : ', and no Expected'}: write each command there as "Run: \`<exact command>\`"${expects ? '' : ', and "Expected: …"'}.`,
    span: step.title.span,
  };
}

/** A command written plain after "Run", by its program: "Run pnpm build:test and …", "run cargo test -p api;". */
const PLAIN_RUN =
  /\brun\s+((?:pnpm|npm|yarn|npx|bun|cargo|go|pytest|make|mvn|gradle|dotnet|uv|python3?|node|deno|bundle|rake|mix|swift|xcodebuild|ctest)\s+[\w:./=-]+(?:\s+-{1,2}[\w:./=-]+)*)/gi;

/** The commands earlier steps of the task run, in blocks or inline ("Run `node tests/preview.test.mjs`"). */
function ranBefore(plan: Plan, task: Task, i: number): string[] {
  return task.steps.slice(0, i).flatMap((s) => (s.kind === 'commit' ? [] : [...s.commands.map((c) => c.run.text), inlineRun(plan, s)?.command ?? '']));
}

/**
 * Every run of the list is a command or one an earlier step gave: "Run the Node test, `pnpm exec tsc --noEmit`, and
 * `pnpm run build`" after "Run `node frontend/tests/lib/transcript-preview.test.mjs`".
 */
function eachNamed(title: string, earlier: string[]): boolean {
  const list = withoutStepNumber(title).replace(/^\W*(?:re-?)?run\s+/i, '').split(/\*\*|;|,?\s+then\b/i)[0] ?? '';
  const items = list.split(/,\s*(?:and\s+)?|\s+and\s+/).map((t) => t.trim()).filter((t) => t !== '');
  const ranEarlier = (item: string): boolean => {
    const words = item.toLowerCase().replace(/^the\s+/, '').split(/\s+/);
    return words.length <= 3 && /^tests?$/.test(words[words.length - 1] ?? '') && earlier.some((c) => words.every((w) => c.toLowerCase().includes(w.replace(/s$/, ''))));
  };
  return items.length > 1 && items.every((t) => /^`[^`]+`$/.test(t) || ranEarlier(t));
}

/** Commands listed after a colon and nothing else: "…: `npm run typecheck`, `npm run lint`, and `npm test`." */
const ALL_NAMED = /:\s*`[^`]+`(?:\s*(?:,|,?\s*and|,?\s*or)\s*`[^`]+`)*\s*\.?\s*$/;

/**
 * A step that says to run something and gives no command; it may still say what it expects ("verify it fails because …"),
 * or its task may say it after its last item (`expectedAfter`: "Expected result:" under a checklist).
 */
/** A run the plan logs with what it saw: "Observed:" over md5s and counts, "Pre and post gates both matched:". */
const RECORDED_OUTCOME = /^\W*(?:observed|actual(?:\s+(?:result|output)s?)?)\b[^:]{0,30}:|\b(?:both|all|each)\s+(?:[\w-]+\s+)?matched\b/i;

function noCommand(named: string, step: Step, earlier: string[], expectedAfter = false): Finding[] {
  // "Run the same checks locally and fix all failures.": what to do with a failure says what to expect.
  const handles = (text: string): boolean => OUTCOME_HANDLED.test(text) || FIXES_FAILURES.test(text) || RECORDS_OR_COMPARES.test(text);
  const expects =
    expectedAfter ||
    titleStatesOutcome(step) ||
    CHECKS_NONE.test(step.title.text) ||
    CHECKS.test(step.title.text) ||
    handles(step.title.text) ||
    stepExpected(step) ||
    step.prose.some((p) => CHECKS.test(p.text) || OPENS_WITH_CHECK.test(p.text) || MUST_END.test(p.text) || INLINE_OUTCOME.test(p.text) || TITLE_OUTCOME.test(p.text) || RECORDED_OUTCOME.test(p.text) || handles(p.text)) ||
    // "… and verify" at the end of one line, "stale handles cannot alias." on the next: one sentence.
    CHECKS.test(step.prose.map((p) => p.text).join(' '));
  // "Run focused tests, full `swift test`, and `swift build`": some of what it runs has its command (a
  // command with its arguments, not a job or target name: `smoke`, `henka_script_host_tests`).
  // Or written plain after "Run": "Run pnpm build:test and the consumer test".
  const texts = [step.title.text, ...step.prose.map((p) => p.text)];
  const given = texts
    .flatMap((t) => [...codeSpanTexts(t).filter((c) => /^\S+\s/.test(c)), ...[...t.replace(/`[^`]*`/g, ' ').matchAll(PLAIN_RUN)].map((m) => m[1]!)])
    .find(runsACheck);
  // "Run the required quality-gate commands per `AGENTS.md`: `npm run typecheck`, `npm run lint`, and `npm test`.": every run named.
  if (given !== undefined && (texts.some((t) => ALL_NAMED.test(t)) || eachNamed(step.title.text, earlier))) {
    return expects ? [] : [noExpected(named, step, given)];
  }
  if (given !== undefined) return [partlyNamed(named, step, given, expects)];
  return [{
    message: expects
      ? `${named} says to run something and what to expect, but names no command in the step: write the exact command there as "Run: \`<exact command>\`".`
      : `${named} says to run something but names no command and no Expected in the step: write the exact command there as "Run: \`<exact command>\`", and "Expected: …".`,
    span: step.title.span,
  }];
}

/**
 * What a checklist task gives after its last item, for all of them: "Commands:" over a shell block,
 * "Expected RED failures: …", "Expected result:". Only after a plain checklist ("- [x] Run affected
 * module tests."), whose items carry no Step N heads, or heads with nothing under them, and so no room of their own for either.
 */
function trailing(plan: Plan, task: Task): { commands: boolean; expected: boolean } {
  const last = task.steps[task.steps.length - 1];
  const headed = task.steps.some((s) => /\bStep\s+\d/i.test(s.title.text) || /\bStep\s+\d/i.test(lineText(plan, s.title.span.start.line)));
  // "- [ ] **Step 6: Run the unit tests**", "- [ ] **Step 7: Run syntax checks**", "- [ ] **Step 8: Commit**", then
  // "Run:" over a block: step heads with nothing under them are a checklist too, and what follows it is all of theirs.
  const bare = task.steps.length >= 2 && task.steps.slice(0, -1).every((s) => s.prose.length === 0 && s.codeBlocks.length === 0 && s.commands.length === 0);
  if (!last || (headed && !bare)) return { commands: false, expected: false };
  const after = last.title.span.end.line;
  const commands = plan.codeBlocks.some((b) => b.span.start.line > after && b.span.end.line <= task.span.end.line && SHELL_LANGS.has(b.lang));
  const expected = taskProse(plan, task).some((l) => l.line > after && /^\W*Expected\b/i.test(l.text));
  return { commands, expected };
}

/**
 * A run that names commands the plan defines elsewhere: "Run the test command", "run the lint command",
 * "Both test commands; expected PASS", "All three test commands", "Run banned-pattern checks:" over a "## Command Checklist".
 */
const NAMED_COMMAND = /\b(?:run (?:the|our)|both|all (?:two|three|four|five|\d+)|the (?:two|three|four|five|\d+)) (?:[\w-]+ )?commands?\b|^\W*run (?:the )?[\w-]+ checks\b/i;

/**
 * A command whose outcome the plan states once, before its tasks: "各タスク完了時に `task check` … が通ること"
 * (`task check` passes at the end of every task), "- `make lint` must stay clean".
 */
function outcomeGivenOnce(plan: Plan, command: string): boolean {
  const lines = logicalLines(command).map((l) => l.trim()).filter((l) => l !== '' && !/^cd\s/.test(l));
  // The same program and subcommand: "`cargo test --workspace` must pass at every commit" covers `cargo test -p conduit-api`.
  const same = (given: string): boolean => {
    const head = given.trim().split(/\s+/).slice(0, 2);
    return lines.some((c) => c === given || (head.length === 2 && c.split(/\s+/).slice(0, 2).join(' ') === head.join(' ')));
  };
  return linesBeforeTasks(plan).some((l) => OUTCOME_WORD.test(l.replace(/`[^`]*`/g, ' ')) && codeSpanTexts(l).some(same));
}

const COMMANDS_HEAD = /^(?:commands?|(?:test|verification|build|check) commands?|how to (?:run|test))\b/i;

/**
 * The plan gives its commands once, before its tasks: a section of their own ("## Commands" over "Tests:"
 * and a block), or a labelled line of the header or constraints with the commands in backticks ("- Test
 * commands: `nim c … && ./tests/t` AND `…`").
 */
/**
 * "Run the Required Commit Gate and commit.": the step names, by its heading, a section before the tasks whose
 * block holds the commands ("## Required Commit Gate" over `go test ./...`, `go vet ./...`).
 */
function namesCommandSection(plan: Plan, step: Step): boolean {
  const words = [step.title.text, ...step.prose.map((p) => p.text)].join(' ').replace(/[*_`]/g, '').toLowerCase();
  const before = firstTaskLine(plan);
  return plan.sections.some((s) => {
    const heading = s.heading.text.replace(/[*_`#]/g, '').trim().toLowerCase();
    if (s.heading.span.start.line >= before || heading.split(/\s+/).length < 2 || !new RegExp(`\\brun\\s+(?:the\\s+|our\\s+)?${escapeRegExp(heading)}\\b`).test(words)) return false;
    return plan.codeBlocks.some((b) => SHELL_LANGS.has(b.lang) && b.span.start.line > s.heading.span.start.line && b.span.start.line <= Math.min(s.bodyEnd, before - 1));
  });
}

function commandsGivenOnce(plan: Plan): boolean {
  const section = plan.sections.some(
    (s) => COMMANDS_HEAD.test(s.heading.text.replace(/[*_`#]/g, '').trim()) && plan.codeBlocks.some((b) => b.span.start.line > s.heading.span.start.line && b.span.start.line <= s.bodyEnd),
  );
  return section || linesBeforeTasks(plan).some((l) => COMMANDS_HEAD.test(l.replace(/^\W+/, '').replace(/[*_]/g, '')) && /:[^`]*`[^`]+\s[^`]*`/.test(l));
}

/**
 * The plan says once, before its tasks, how its checks are run, with the command: "Verify with: `cd pkg && pnpm run
 * test ./src/<file> --run`", or "At every gate, run the full repo verification stack:" over a list of commands.
 */
function checksGivenOnce(plan: Plan): boolean {
  const lines = linesBeforeTasks(plan);
  const checks = (l: string): boolean => codeSpanTexts(l).some((c) => /\s/.test(c) && runsACheck(c));
  return lines.some((l, i) => HOW_CHECKS_RUN.test(l) && (checks(l) || (/:\s*$/.test(l) && lines.slice(i + 1, i + 8).some((n) => /^\s*[-*+]\s/.test(n) && checks(n)))));
}
/** A `Test:` entry of the task's Files block that is a command of tests or a check: "Test: `cargo test -p beads-rs --test x`". */
function filesGiveTestCommand(task: Task): boolean {
  return (
    task.filesBlock?.items.some((it) => {
      const m = /^\W*test\b[^`]*`([^`]*\s[^`]*)`/i.exec(it.text);
      return m !== null && runsACheck(m[1]!);
    }) ?? false
  );
}
/**
 * Words that say how the plan's checks are run: "Verify with:", "run the full repo verification stack:". (A bare list
 * of "Verification commands:" is not enough: reviewers still asked a step for the focused run it means.)
 */
const HOW_CHECKS_RUN = /\b(?:verify|test|check|validate|run)\b[^`.:]{0,30}\bwith\b|\brun\b[^`.:]{0,60}\b(?:stack|suite|gates?|checks|commands)\s*:/i;

/**
 * A table under the step that gives its commands: "| # | Check | Command | Expected |" over rows such
 * as "| 3 | Docs + package build | `mix docs && mix hex.build` | Clean |".
 */
function commandTable(plan: Plan, task: Task, i: number): boolean {
  const end = (task.steps[i + 1]?.span.start.line ?? task.span.end.line + 1) - 1;
  const rows: string[] = [];
  for (let l = task.steps[i]!.span.start.line; l <= end; l++) if (!isCode(plan, l) && /^\s*\|/.test(lineText(plan, l))) rows.push(lineText(plan, l));
  return rows.length >= 3 && /\|\s*(?:commands?|run)\s*\|/i.test(rows[0]!) && rows.slice(2).some((r) => /`[^`]+\s[^`]*`/.test(r));
}

/** The task's shell blocks that belong to none of its steps ("Verification:" after the steps). */
function shellBlocksOutsideSteps(plan: Plan, task: Task): CodeBlock[] {
  const inSteps = new Set(task.steps.flatMap((s) => s.codeBlocks.map((b) => b.span.start.line)));
  return taskBlocks(plan, task).filter((b) => SHELL_LANGS.has(b.lang) && !inSteps.has(b.span.start.line));
}
