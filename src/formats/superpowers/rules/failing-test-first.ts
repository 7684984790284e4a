import type { CodeBlock, Plan, Step, Task } from '../../../plan/types.js';
import type { Finding, Rule } from '../../../rules/types.js';
import { isTestFile } from '../../../ground/test-files.js';
import { stepKind } from '../../../plan/tasks.js';
import { needsNewTest, SHELL_LANGS } from '../../../rules/tasks/shared.js';
import { parseBlock } from '../../../rules/test-code/code.js';
import { clip, linesBeforeTasks, stepName, taskName, taskProse } from './parts.js';
import { lazy } from '../../../lazy.js';

/** Blocks that are not code a test could fail on: prose, data and configuration. */
const NOT_CODE = new Set(['markdown', 'md', 'text', 'txt', 'plaintext', 'json', 'jsonc', 'yaml', 'yml', 'toml', 'ini', 'xml', 'csv', 'diff', 'gitignore', 'dotenv', 'env', 'properties', 'html', 'mermaid']);
/** What a red run expects: a failure, a compile error, something missing. */
const FAILS = /\bfail|\berror\b|\bRED\b|not (?:found|defined|exist)|does ?n[o']t exist|no such file|cannot find|undefined|panic|missing/i;

/** Test code: a block that declares tests. */
const TEST_CODE = /\bdef test_|\bfunc (?:Test|Benchmark)|\[(?:Fact|Test|Theory)\b|\b(?:describe|it|test)\(\s*['"`]|@Test\b|#\[test\]|\bexpect\([^\n]*\)\s*\.(?:to\w*|not|resolves|rejects)\b/;
/** A step that writes or extends tests ("Write the failing test", "Add failing parser tests"). */
const WRITES_TESTS = /\bfailing\b|^(?:write|add|create|extend|update|replace|change|rewrite|adjust)\b[^.]*\b(?:tests?|assertions?|specs?|fixtures?|conftest)\b/i;
/** Research and tooling code (experiment harnesses, training scripts): the check does not judge it. */
const TOOLING = /(?:^|\/)(?:hypotheses|experiments?|training|bench(?:marks?)?|tools)\/|(?:^|\/)train(?:ing)?(?:[_-][\w-]*)?\.\w+$/;
/**
 * A task that lays out a project before there is anything to test: "scaffold: solution layout, core
 * lib, smoke test", "## Task 1: Bootstrap the Rust crate and workspace integration".
 */
const SCAFFOLD = /^scaffold(?:\([^)]*\))?!?:|\b(?:bootstrap|scaffold(?:ing)?|skeleton)\b|^create (?:the |a )?[\w-]+ (?:crate|package|module|library|workspace|project)\b/i;
/** Build and package configuration: a version bump, a compiler plugin or a Dockerfile has no failing test to write first. */
const BUILD_CONFIG = /(?:^|\/)(?:[\w.-]+\.gemspec|[\w.-]+\.gradle(?:\.kts)?|gradle\.properties|libs\.versions\.toml|package\.json|Cargo\.toml|pyproject\.toml|setup\.cfg|go\.mod|[\w.-]+\.csproj|Directory\.Build\.props|Gemfile|version\.rb|VERSION|Makefile|CMakeLists\.txt|(?:Docker|Container)file|[\w.-]+\.dockerfile|\.dockerignore|PKGBUILD|[\w.-]+\.(?:ya?ml|json|toml|ini|cfg|md|txt))$/;
/** A task that restructures code without changing what it does, in its title or commit subject ("Merge duplicate normalize helpers"). */
const REFACTOR = /\b(?:refactor(?:s|ing)?|merge duplicate|dedup(?:e|licate)|consolidate|clean[- ]?up|instead of|rename)\b/i;
/** A task that says it can have no test: "No unit tests possible for this task — VLCJ requires a live VLC". */
const NO_TEST_POSSIBLE = /\bno (?:[\w/-]+ ){0,2}test (?:targets?|projects?) (?:exists?|yet)\b|\bno (?:unit |automated )?tests? (?:are |is )?(?:possible|feasible|needed|required)\b|\b(?:has|have|there is|there are) no (?:[\w/]+[ -]){0,2}test (?:harness|suite|framework|runner)\b|\bno (?:unit[- ]|automated )?test (?:harness|framework|runner)\b|\bno (?:unit |automated )?tests?\s*(?:[—–]|--|:)|\bcannot be (?:unit[- ])?tested\b|\bnot (?:unit[- ])?testable\b/i;
/** A task that says it changes no behaviour: "Existing tests must still pass", "The output is identical". */
const KEEPS_BEHAVIOUR = /\bexisting tests (?:must|should|will) (?:still |all )?pass\b|\b(?:the )?output is (?:identical|unchanged|the same)\b|\bbehaviou?r (?:is|stays|remains) (?:the same|unchanged|identical)\b|\bkeeps (?:the )?existing behaviou?r(?: identical| unchanged| the same)?\b|\bno behaviou?r changes?\b/i;
/** A task that ships nothing: "It is a throwaway probe; every change made here is reverted", "this task commits nothing", "(channel exists but nothing uses it yet)". */
const SHIPS_NOTHING = /\bthrowaway\b|\bis reverted\b|\bare reverted\b|\bcommits nothing\b|\bnothing (?:yet )?(?:uses|consumes|calls|reads) (?:it|them)(?: yet)?\b/i;
/** A commit that adds or fixes behaviour: `feat: …`, `fix(api)!: …`. */
const BEHAVIOUR_COMMIT = /^\s*(?:feat|fix)(?:\([^)]*\))?!?:/;
/** A step that runs tests, by its title: "Run tests", "Run the spec", "verify RED". */
/**
 * A run that only checks the code imports: `uv run python -c "from app.auth import get_user; print('OK')"`
 * (not one that calls it: `node -e "require('./lib/state').readState()"` runs the code).
 */
const IMPORT_CHECK = /^\s*(?:uv run\s+)?python3?\s+-c\s+(["'])\s*(?:(?:from\s+[\w.]+\s+)?import\s+[\w., ]+;\s*)+(?:print\(\s*['"][^'"]*['"]\s*\)\s*)?\1\s*$/;
function importsOnly(step: Step): boolean {
  return step.commands.length > 0 && step.commands.every((c) => IMPORT_CHECK.test(c.run.text));
}

const TESTS_RUN = /\b(?:run|verify|confirm)\b.*\b(?:tests?|specs?|suite)\b|^tests?\b|\bRED\b|\bGREEN\b/i;
/**
 * A task that declares shapes, not behaviour, by its title: contracts, DTOs, a schema, model fields, an interface or struct ("Add `IObservationSource` interface")
 * or columns, fields added to a type, a migration, translation strings ("Add service contracts for preview",
 * "Add data model audit fields", "Extend ContributionMetrics with bandwidth fields", "Add i18n keys (zh-CN + en)").
 * With no test step of its own, its check is a build, and there is no behaviour to test first.
 */
const DECLARES = /\badd\b[^.]*\bfields? to\b|\b(?:add|define|declare|introduce)\b[^.]*\b(?:interfaces?|value structs?|structs?|records?|protocols?|traits?|enums?)\b(?!-)|\bextend\b[^.]*\bwith\b[^.]*\bfields\b|\b(?:contracts?|DTOs?|schemas?|migrations?|data model|(?:audit|model|schema|database|db) (?:fields|properties|columns)|columns|i18n|l10n|translations?|locale (?:keys|strings|bundles?))\b/i;

/** Documentation a step writes: "Write README.md", "Add LICENSE and CHANGELOG". */
const DOC_TITLE = /\.(?:md|mdx|rst|txt|adoc)\b|\b(?:README|LICENSE|CHANGELOG|CONTRIBUTING)\b/;

/** A code block a step writes: source code, or a script when the step names the script it writes. */
function isCode(step: Step, b: CodeBlock): boolean {
  if (NOT_CODE.has(b.lang) || TEST_CODE.test(b.content)) return false;
  if (!SHELL_LANGS.has(b.lang)) return true;
  // A shell block is usually a command; it is the code when the step writes a script.
  return /^#!/.test(b.content) || /\.(?:sh|bash|ps1)\b|\bscript\b/i.test(step.title.text);
}

/**
 * A step whose title says, in words the rule reads, that it changes code ("Implement …", "Add …",
 * "Replace …", "Wire …"). The parser takes any step that shows code and runs nothing for an
 * implementation step; a title in another language ("寫最小實作") or one that only locates or reads
 * code ("Locate current code") does not say so, and is not judged.
 */
function saysChange(step: Step): boolean {
  // "写 diar/mod.rs(trait + 实现 + mock)", "删除头文件声明": a title in another language is not judged.
  if (/^[^A-Za-z]*[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(step.title.text)) return false;
  return stepKind(step.title.text) === 'implement' || MORE_CHANGE_VERBS.test(step.title.text);
}

/** Change verbs beyond the parser's, when they open the title ("Set TierPriority when …", "Import the module"). */
const MORE_CHANGE_VERBS = /^(?:set|import|make|handle|guard|switch|apply|enable|disable|hook|compute|emit|store|track|propagate|expose)\b/i;

/** A step that sets up the test runner, not the code under test: "Create `web/vitest.config.ts`", "Add `conftest.py` fixtures", "Create vitest config". */
const TEST_SETUP =
  /`[^`]*(?:\b(?:vitest|jest|karma|playwright|cypress|mocha|ava)\.config\.[cm]?[jt]s|\.mocharc\.\w+|\bconftest\.py|\bpytest\.ini|\bsetupTests\.[jt]sx?)`|^\W*(?:create|add|write|set up)\s+(?:the\s+|a\s+)?(?:vitest|jest|karma|playwright|cypress|mocha|pytest)\s+config(?:uration)?\b/i;

/**
 * A step that adds a field to a type, by its title, in a language the rule does not parse: "Add the property to the
 * response model" over `public DateTimeOffset? TimeoutUtc { get; set; }`.
 */
const ADDS_FIELD = /^(?:add|declare)\b[^.]*\b(?:propert(?:y|ies)|fields?|columns?|members?)\b[^.]*\b(?:to|on|in)\b[^.]*\b(?:model|DTO|record|type|struct|class|schema|entity|response|request|options|settings)\b/i;
/** A step that writes the code and its tests at once: "Write `blade_product` function and tests". */
const CODE_AND_TESTS = /\b(?:function|functions|implementation|method|methods|class|module)\s+and\s+(?:its\s+|the\s+)?(?:unit\s+)?tests?\b/i;

/**
 * The first step that changes code: an implementation step that says so and shows it. A step that only
 * declares types (a struct, a dataclass field the method needs) is passed over for a later step that
 * implements behaviour; in a task with no such step and no red run (its behaviour comes in a later
 * task), the types are the change.
 */
function firstCodeChange(task: Task): Step | undefined {
  const changes = task.steps.filter(
    (s) =>
      ((s.kind === 'implement' && saysChange(s) && !WRITES_TESTS.test(s.title.text)) || CODE_AND_TESTS.test(s.title.text)) &&
      // "Convert the existing integration fixture into a fallback regression" over `expect(…).toHaveLength(1)`: test code only.
      !(s.codeBlocks.length > 0 && s.codeBlocks.every((b) => TEST_CODE.test(b.content))) &&
      !DOC_TITLE.test(s.title.text) &&
      !/^(?:run|execute|verify|check)\b/i.test(s.title.text) &&
      !TEST_SETUP.test([s.title.text, ...s.prose.map((p) => p.text)].join('\n')),
  );
  const code = (s: Step, shapes: boolean): boolean =>
    s.codeBlocks.some((b) => isCode(s, b) && !declaresNoBehaviour(b.content) && !docsOnly(b) && (shapes || !(typesOnly(b) || ADDS_FIELD.test(s.title.text))));
  return changes.find((s) => code(s, false)) ?? (task.steps.some(seenFailing) ? undefined : changes.find((s) => code(s, true)));
}

/**
 * A run that tests: its title or commands name tests ("Run the tests", `cargo test`, `pytest`). A build
 * that only checks the code compiles ("Build to verify compilation": `cabal build`, `xcodebuild … build`)
 * does not test the change.
 */
function runsTests(step: Step): boolean {
  return TESTS_RUN.test(step.title.text) || TEST_WORD.test([step.title.text, ...step.commands.map((c) => c.run.text)].join('\n'));
}
const TEST_WORD = /\b(?:tests?|specs?|pytest|jest|vitest|mocha|rspec|phpunit|ctest|bats|junit|xunit|nunit|unittest)\b/i;

/**
 * A block with no behaviour in it: one that only declares a module for the tests to reach ("Register the
 * module": `mod mdconv;`), or holds only comments (an empty `__init__.py` shown by its path: `# pkg/__init__.py`).
 */
function declaresNoBehaviour(code: string): boolean {
  const lines = code.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^(?:\/\/|#(?:\s|$))/.test(l));
  return lines.every((l) => MODULE_LINE.test(l));
}
const MODULE_LINE = /^(?:pub(?:\([\w:]+\))?\s+)?mod\s+\w+;$/;

/** A block that holds only documentation, as its language reads it (a package's `__init__.py` with its docstring). */
function docsOnly(block: CodeBlock): boolean {
  const parsed = parseBlock(block);
  return parsed?.language.snippets.syntax.documentationOnly?.(parsed.root) ?? false;
}

/** A block that only declares types, as its language reads it (a TypeScript `export interface ProfileRow { … }` the test imports, a Go struct). */
function typesOnly(block: CodeBlock): boolean {
  const parsed = parseBlock(block);
  return parsed?.language.snippets.syntax.typesOnly?.(parsed.root) ?? false;
}

/**
 * Words in a script other than Latin ("編譯失敗", "компиляция"): an Expected the rule cannot read.
 * Made on first use: a pattern with Unicode property escapes costs ~1 ms to create, which every
 * lint paid at start-up, micro-plans included.
 */
const UNREAD = lazy(() => /(?:(?!\p{Script=Latin})\p{L}){2}/u);

/**
 * A run expected to fail: "Run test to verify it fails", "Run tests; verify RED", "Expected: FAIL …".
 * A Run with an Expected the rule cannot read ("Expected: 編譯失敗 —— 型別不存在") is given the benefit of the doubt.
 */
function seenFailing(step: Step): boolean {
  if (step.kind === 'run-fail' || step.commands.some((c) => FAILS.test(c.expected?.text ?? '') || UNREAD().test(c.expected?.text ?? ''))) return true;
  // "Run: `cargo test -p tui splash` — expected: FAIL to compile", on the step's own line.
  if (/\bexpect(?:ed|s)?\b\W{0,3}(?:to\s+)?fail/i.test(step.title.text)) return true;
  // "Run test → FAIL.": a red run whose command the title leaves out (sp-run-expected asks for it).
  if (/^\W*run\b[^.]{0,40}?(?:→|->|=>|—|–)\s*(?:FAIL|RED)\b/i.test(`${step.title.text} ${step.prose[0]?.text ?? ''}`)) return true;
  return step.commands.length > 0 && /\bRED\b|\bfails?\b/.test(step.title.text);
}

/** An assertion that cannot fail, standing in for the test: `assert.ok(true)`, `expect(true).toBe(true)`, `assert True`. */
const ASSERTS_NOTHING = /\bassert(?:\.ok)?\(\s*true\s*\)|\bexpect\(\s*true\s*\)\.toBe(?:Truthy)?\(\s*(?:true)?\s*\)|\bassert\s+True\b|\bassertTrue\(\s*true\s*\)/;

/** A step that writes tests: a test step, or one showing test code. */
const writesTests = (step: Step): boolean => step.kind === 'test' || step.codeBlocks.some((b) => TEST_CODE.test(b.content));

/**
 * A task whose last run is seen failing and that leaves it to a later task ("This is the expected red — pool gets
 * seeded in the next task"), or commits it as such ("test: add failing tests for action change threshold").
 */
function endsRed(plan: Plan, task: Task): boolean {
  const runs = task.steps.filter((s) => s.kind !== 'commit' && (s.commands.length > 0 || s.kind === 'run-fail' || s.kind === 'run-pass'));
  const last = runs[runs.length - 1];
  const commitsRed = /\bfailing tests?\b/i.test(task.commit?.subject.text ?? '');
  return last !== undefined && seenFailing(last) && (commitsRed || taskProse(plan, task).some((l) => NEXT_TASK.test(l.text)));
}
const NEXT_TASK = /\b(?:in|by) (?:the )?(?:next|following|later) task\b|\bin task \d+\b/i;

/** A task that writes tests and sees them fail, and changes no code: a later task makes them pass. */
function redOnly(task: Task): boolean {
  return task.steps.some(seenFailing) && !firstCodeChange(task);
}

/** Experiment harnesses and training or tooling scripts, by their files or the step's own words. */
function tooling(task: Task, step: Step): boolean {
  if (/\bexperiments?\b|\bbenchmarks?\b|\btraining\b/i.test(`${step.title.text} ${task.title.text}`)) return true;
  return task.files.length > 0 && task.files.every((f) => TOOLING.test(f.path));
}

/** A step that runs a test an earlier task wrote and saw fail: "Run the failing test from Task 1". */
const EARLIER_RED = /\bfailing tests? (?:from|of|in|written in) task \d+/i;

export const spFailingTestFirst: Rule = {
  id: 'sp-failing-test-first',
  family: 'superpowers',
  severity: 'warning',
  strict: true,
  formats: ['superpowers'],
  description:
    'TDD, as the skill lays out each task: "Write the failing test" — "Run it to make sure it fails" — "Implement the minimal code to make the test pass" — "Run the tests and make sure they pass" — "Commit". A test that was never seen failing may not test the change at all. Where the task wrote its test before the change and never ran it, the message asks for that red run. The check is narrow: it reports a task whose first step that changes code (an implementation step showing source code, or the script it writes) comes before any run expected to fail ("Expected: FAIL …", a compile error, "not defined") while a later step of the same task writes its tests — the test comes after the code — or, in a task whose commit says it adds or fixes behaviour (`feat:`, `fix:`), runs them (a build that only checks the code compiles, `cabal build`, is not a test run) (unless its title says it only declares shapes or strings: contracts, DTOs, a schema, model fields or columns, fields added to a type, a migration, i18n keys). A task whose title says it is a migration ("`product_associations` migration") is not reported at all: its schema test may follow the table it checks. A task with no test step at all, or one that only re-runs tests after a change its commit does not call a feature or a fix, is not reported: whether it has a test to write is often a judgement the plan does not record. Not reported: steps that only declare a module for the tests (`mod mdconv;`), show only comments (an empty `__init__.py` by its path) or only declare types (a TypeScript `export interface ProfileRow { … }` the test imports, a Go struct and its constants, a Python dataclass field the method needs, or, in a language the rule does not parse, a step titled as adding a field to a type: "Add the property to the response model") when a later step implements the behaviour, runs that only check the code imports (`python -c "from app import x; print(\'OK\')"`), steps that write tests ("Write the failing test", test code, a step that only extends a test, `expect(res.docs).toHaveLength(1)`, "Replace the expected-failure assertion", "Add fixtures to conftest") or set up the test runner ("Create `web/vitest.config.ts`", "Create vitest config", a step that adds the test script and creates `vitest.config.ts`), tasks that say they need no new test, docs-only tasks, tasks whose commit type does not change behavior (refactor, test, docs, chore, …), tasks that lay out a project (a `scaffold:` commit, a "Bootstrap the crate" or "Create the torqc-semantic crate" task), tasks that say they keep behaviour ("Existing tests must still pass", "The output is identical", "The default 240 keeps existing behaviour identical", "struct compiles, no behavior change"), tasks whose files are all build configuration, data or documentation (a gemspec version bump, a Gradle plugin, a Dockerfile) or all tests (fixing a test\'s mock data; test classes by their conventions too, `FooTest.java`, `FooSpec.groovy`, `FooTests.cs`, and Gradle\'s `src/testFixtures/`), steps that write documentation ("Write README.md"), tasks that only remove code, tasks whose title or commit says they restructure code ("Merge duplicate normalize helpers", "Use the Place schema instead of raw table strings"), tasks that say no test is possible ("No unit tests possible for this task — …", "No unit test — this is a schema change"), or whose plan says so before its tasks ("The website has no test harness", "This demo package has no unit-test harness", "No unit test targets exist", "No test framework — verification is a clean build") or that they ship nothing ("a throwaway probe; every change made here is reverted", "Nothing consumes it yet", "channel exists but nothing uses it yet"), tasks after a task that wrote the failing tests and saw them fail, a task that runs an earlier task\'s failing test green ("Run the failing test from Task 1"), the task after one that ends on a red run it leaves to the next ("This is the expected red — pool gets seeded in the next task") or commits as failing tests (`test: add failing tests for …`), and experiment, benchmark, training and tooling code (`hypotheses/`, `experiments/`, `training/`, `bench/`, `tools/`, training scripts such as `scripts/train_mlx.py`). Steps that describe a change without showing code are not judged, nor are steps whose title does not say in English that they change code ("Locate current code", a title in another language); a Run whose Expected is written in another language counts as the red run, and so does a step titled with its red outcome ("Run test → FAIL.") whose command is missing (sp-run-expected reports that). Off by default (strict): on real plans nobody tuned it on, reviewers agreed with about a third of its findings (docs/precision.md); a project that wants it turns it on under `rules:`.',
  instruction: 'In each task that changes behavior, write the failing test first and run it to see it fail (Expected: FAIL with the message) before the step that implements the change.',
  examples: {
    valid: [
      {
        plan: '# Pending Paste Implementation Plan\n\n**Goal:** Never inject text into the wrong field.\n\n**Tech Stack:** C# / .NET 9, xUnit\n\n---\n\n### Task 1: Injection target\n\n- [ ] **Step 1: Write the failing test**\n\n```csharp\n[Fact] public void Same_target_is_equal() { }\n```\n\n- [ ] **Step 2: Run test to verify it fails**\n\nRun: `dotnet test`\nExpected: FAIL with CS0246\n\n- [ ] **Step 3: Write minimal implementation**\n\n```csharp\npublic sealed record InjectionTarget(nint Hwnd);\n```\n',
      },
    ],
    invalid: [
      {
        plan: '# Feedback Loop Implementation Plan\n\n**Goal:** Record skill outcomes.\n\n**Tech Stack:** Node.js\n\n---\n\n### Task 1: Learning state manager\n\n- [ ] **Step 1: Create lib/learning-state.js**\n\n```javascript\nfunction readState() { return {}; }\n```\n\n- [ ] **Step 2: Test learning state manager**\n\nRun: `node -e "require(\'./lib/learning-state\').readState()"`\nExpected: a JSON object\n\n- [ ] **Step 3: Commit**\n\n```bash\ngit add lib/learning-state.js\ngit commit -m "feat: add learning state manager"\n```\n',
        message: 'before any test has been seen to fail',
      },
    ],
  },
  check(plan: Plan) {
    const out: Finding[] = [];
    let redBefore = false;
    // The task before ended on a red run it leaves to this one ("This is the expected red — pool gets seeded in the next task").
    let leftRed = false;
    // "The website has no test harness. Every task verifies with `pnpm build`": said once, before the tasks.
    const noTestHarness = linesBeforeTasks(plan).some((l) => NO_TEST_POSSIBLE.test(l));
    for (const task of plan.tasks) {
      const change = firstCodeChange(task);
      const setUp = SCAFFOLD.test(task.commit?.subject.text.trim() ?? '') || SCAFFOLD.test(task.title.text);
      const configOnly = task.files.length > 0 && task.files.every((f) => BUILD_CONFIG.test(f.path));
      // A task that edits only tests (fixing a test's mock data) writes no code a test could fail on first.
      const testsOnly = task.files.length > 0 && task.files.every((f) => isTestFile(f.path));
      const commitText = task.steps.filter((s) => s.kind === 'commit').flatMap((s) => s.codeBlocks.map((b) => b.content));
      const refactor = REFACTOR.test([task.title.text, task.commit?.subject.text ?? '', ...commitText].join('\n'));
      const untestable = noTestHarness || taskProse(plan, task).some((l) => NO_TEST_POSSIBLE.test(l.text) || SHIPS_NOTHING.test(l.text) || KEEPS_BEHAVIOUR.test(l.text));
      // "Task 1: `product_associations` migration": a table's shape, whose schema test may follow it.
      const migration = /\bmigrations?\b/i.test(task.title.text);
      // "Step 3: Run the failing test from Task 1" (Expected: PASS): the red run was an earlier task's.
      const greensEarlierRed = task.steps.some((st) => EARLIER_RED.test(st.title.text));
      if (change && !redBefore && !leftRed && !greensEarlierRed && needsNewTest(plan, task) && !tooling(task, change) && !setUp && !configOnly && !testsOnly && !refactor && !untestable && !migration) {
        const at = task.steps.indexOf(change);
        const before = task.steps.slice(0, at);
        // Only a task that tests its change after making it: a step that writes tests, or, when the
        // commit says the task adds or fixes behaviour (`feat:`, `fix:`), a step that runs them. A
        // task that only re-runs tests after some other change (configuration fields, a tooling
        // script, a new type) may have no new test to write.
        const after = task.steps.slice(at + 1);
        const writesTest = after.some(writesTests);
        // `python -c "from app import x; print('OK')"` checks that the code imports, not what it does.
        const runsTest =
          BEHAVIOUR_COMMIT.test(task.commit?.subject.text ?? '') &&
          !DECLARES.test(task.title.text) &&
          after.some((s) => (s.kind === 'run-fail' || s.kind === 'run-pass' || TESTS_RUN.test(s.title.text)) && runsTests(s) && !importsOnly(s));
        if ((writesTest || runsTest) && !before.some(seenFailing)) {
          // A test written before the change and never run: what is missing is the red run, not the test.
          // (One run and seen passing may not test the change at all: then a failing test is still owed.)
          const written = before.find(writesTests);
          const neverRun = written !== undefined && !before.slice(before.indexOf(written)).some((s) => s.commands.length > 0 || s.kind === 'run-pass' || s.kind === 'run-fail');
          const placeholder = written?.codeBlocks.map((b) => ASSERTS_NOTHING.exec(b.content)?.[0]).find((m) => m !== undefined);
          const missing =
            written && placeholder
              ? `before any test could fail: the test ${stepName(plan, written)} writes asserts nothing (\`${placeholder}\`); give it a real assertion, run it (Expected: FAIL with the message), then implement.`
              : written && neverRun
                ? `before the test ${stepName(plan, written)} writes has been seen to fail: run it first (Expected: FAIL with the message), then implement.`
                : 'before any test has been seen to fail: first write the failing test and run it (Expected: FAIL with the message), then implement.';
          out.push({ message: `${taskName(task)} changes code in ${stepName(plan, change)} ("${clip(change.title.text, 50)}") ${missing}`, span: change.title.span });
        }
      }
      if (redOnly(task)) redBefore = true;
      leftRed = endsRed(plan, task);
    }
    return out;
  },
};
