/**
 * The parts of a superpowers task: its heading, its Files block with exact paths, checkbox steps,
 * a failing test before the code, Run with Expected, and a commit step with the git commands.
 */
import { describe, expect, it } from 'vitest';
import { lintRule } from '../../helpers.js';
import { spPlan, TASK } from './sp-plan.js';

const lint = async (id: string, text: string): Promise<string[]> => (await lintRule(id, text, { format: 'superpowers' })).map((d) => d.message);
const task = (heading: string, ...body: string[]): string[] => [heading, '', ...body, ''];

describe('the skill\'s own task shape', () => {
  it('satisfies every task rule', async () => {
    for (const id of ['sp-task-heading', 'sp-task-files', 'sp-files-exact-paths', 'sp-files-line-range', 'sp-step-checkbox', 'sp-failing-test-first', 'sp-run-expected', 'sp-commit-step']) {
      expect(await lint(id, spPlan()), id).toEqual([]);
    }
  });
});

describe('sp-task-heading', () => {
  it('accepts dotted numbers under chunk headings', async () => {
    expect(await lint('sp-task-heading', spPlan({ tasks: ['## Chunk 1: Core', '', ...TASK.map((l) => l.replace('### Task 1:', '### Task 1.1:'))] }))).toEqual([]);
  });

  it('reports h2 task headings once, at the first', async () => {
    const text = spPlan({ tasks: [...task('## Task 1: Write install.sh', '- [ ] **Step 1: Write the failing test**'), ...task('## Task 2: Lint', '- [ ] **Step 1: Run shellcheck**')] });
    const ds = await lintRule('sp-task-heading', text, { format: 'superpowers' });
    expect(ds.map((d) => d.message)).toEqual(['The task headings are `## Task N:` headings (h2); the writing-plans template heads tasks `### Task N: <Component Name>` (h3).']);
  });

  it('reports units of work headed otherwise', async () => {
    const text = spPlan({ tasks: [...task('## Slice 1: Scaffolding', '- [ ] **Step 1: Create plugin.json**'), ...task('## Slice 2: Bridge', '- [ ] **Step 1: Write the failing test**')] });
    expect(await lint('sp-task-heading', text)).toEqual([
      'The plan has no "### Task N:" headings: its units of work are headed "Slice 1: Scaffolding". executing-plans and subagent-driven-development work task by task: head each unit "### Task N: <Component Name>".',
    ]);
  });
});

describe('sp-task-files', () => {
  it('does not ask a task that only runs things, or says it touches nothing, for files', async () => {
    const verify = task('### Task 2: Verify', '- [ ] **Step 1: Run the suite**', '', 'Run: `bats tests/`', 'Expected: PASS');
    const none = task('### Task 3: Static analysis', '**Files:**', '- (No files modified — testing only)', '', '- [ ] **Step 1: Run shellcheck**');
    expect(await lint('sp-task-files', spPlan({ tasks: [...TASK, '', ...verify, ...none] }))).toEqual([]);
  });

  it('reports a task without a Files block', async () => {
    const fix = task('### Task 2: Fix dead code', '- [ ] **Step 1:** Update `todo-crud.sh` to read `.todo-registry`.');
    expect(await lint('sp-task-files', spPlan({ tasks: [...TASK, '', ...fix] }))).toEqual([
      'Task 2 has no "**Files:**" block: list the files it creates, modifies and tests, as exact paths, before its first step.',
    ]);
  });

  it('reports a plan where no task has one once', async () => {
    const a = task('### Task 1: Fix resolve-env-path.sh', '- [ ] **Step 1:** Add a `.todo-registry` check.');
    const b = task('### Task 2: Fix todo-crud.sh', '- [ ] **Step 1:** Read `.todo-registry`.');
    expect(await lint('sp-task-files', spPlan({ tasks: [...a, ...b] }))).toHaveLength(1);
  });

  it('is a warning, which does not stop an agent\'s lint loop: reviewers agreed with too few of its blind findings for an error', async () => {
    const fix = task('### Task 2: Fix dead code', '- [ ] **Step 1:** Update `todo-crud.sh` to read `.todo-registry`.');
    const [d] = await lintRule('sp-task-files', spPlan({ tasks: [...TASK, '', ...fix] }), { format: 'superpowers' });
    expect(d?.severity).toBe('warning');
  });
});

describe('sp-files-exact-paths', () => {
  const files = (...entries: string[]): string => spPlan({ tasks: task('### Task 1: Models', '**Files:**', ...entries, '', '- [ ] **Step 1: Write the failing test**') });

  it('accepts paths with locations, other verbs and "none"', async () => {
    expect(await lint('sp-files-exact-paths', files('- Modify: `src/harness/cli.py: after cmd_task_new`', '- Modify: `README.md:42` `README.md:64`', '- Read: `tests/helpers.sh` (for `run_claude`, `assert_contains`, etc.)', '- Delete: `scripts/node_modules/` (entire directory)'))).toEqual([]);
    expect(await lint('sp-files-exact-paths', files('- None committed (SDK lands in gitignored `./.dotnet/`).'))).toEqual([]);
  });

  it('reports entries that name no path, globs, open lists, alternatives and directories, but not an entry on a condition', async () => {
    expect(
      await lint(
        'sp-files-exact-paths',
        files(
          '- Reference: Design spec Section 8',
          '- Modify: `src/Models/*.cs`',
          '- Modify: `training/kernel_profiles/*.yaml` (regenerated)',
          '- Modify: training optimization scripts as needed',
          '- Modify: `sim/batch_formation_test.go` (or create `sim/slo_preempt_test.go`)',
          '- Modify: `sim/workload/` (add an arrival process)',
          '- Create as needed: `src/Generators/Surface.Emitter.cs`',
          '- Modify only if verification exposes a factual documentation defect.',
        ),
      ),
    ).toEqual([
      'Files entry "Reference: Design spec Section 8" of Task 1 names no file path: write each file as an exact path, e.g. "- Modify: `src/path/file.py`".',
      'Files entry "Modify: `src/Models/*.cs`" of Task 1 names a pattern, `src/Models/*.cs`: list the exact files the task creates or changes.',
      'Files entry "Modify: training optimization scripts as needed" of Task 1 leaves the list open ("as needed"): name every file the task touches.',
      'Files entry "Modify: `sim/batch_formation_test.go` (or create `sim/slo_preempt_tes…" of Task 1 names two alternatives: decide which file the task changes and list only that one.',
      'Files entry "Modify: `sim/workload/` (add an arrival process)" of Task 1 names a directory, `sim/workload/`: name the files in it that the task changes.',
      'Files entry "Create as needed: `src/Generators/Surface.Emitter.cs`" of Task 1 leaves open whether the task creates `src/Generators/Surface.Emitter.cs` ("as needed"): decide, and list the file only if the task changes it.',
    ]);
  });

  it('reports an inline Files value once per line, naming its vague parts', async () => {
    const text = spPlan({ tasks: task('### Task 1: Hotkeys', '**Files:** `src/Hotkeys/HotkeyChord.cs`, recorder/UI hotkey files, platform/core tests.', '', '- [ ] **Step 1: Write the failing test**') });
    expect(await lint('sp-files-exact-paths', text)).toEqual([
      'Files entries "recorder/UI hotkey files", "platform/core tests." of Task 1 name no file path: write each file as an exact path, e.g. "- Modify: `src/path/file.py`".',
    ]);
  });

  it('does not read the steps after the Files list as entries', async () => {
    expect(await lint('sp-files-exact-paths', spPlan())).toEqual([]);
  });

  it('reports open-ended entries of the File Structure map', async () => {
    const text = spPlan({ before: ['## File Structure', '', '- `commands/scaffold-pack.md` — scaffold command (or extend scaffold.md)'] });
    expect(await lint('sp-files-exact-paths', text)).toEqual([
      'File Structure entry "`commands/scaffold-pack.md` — scaffold command (or extend scaffold.md)" names two alternatives: decide which file the task changes and list only that one.',
    ]);
  });
});

describe('sp-files-line-range', () => {
  const modify = (entry: string, ...step: string[]): string =>
    spPlan({ tasks: task('### Task 1: Import the module', '**Files:**', `- Modify: ${entry}`, '', '- [ ] **Step 1: Import learning-state module at top**', '', ...step) });

  it('accepts every range form in the Files entry', async () => {
    for (const entry of ['`augment.js:8-9`', '`augment.js:8`', '`augment.js` (lines 8-9)']) expect(await lint('sp-files-line-range', modify(entry, 'Add after line 8:')), entry).toEqual([]);
  });

  it('reports an edit placed by line number in prose while the Modify entry has no range', async () => {
    expect(await lint('sp-files-line-range', modify('`augment.js`', 'Add after line 8:'))).toEqual([
      'Task 1 places an edit by line number ("after line 8") but `Modify: augment.js` gives no range: write the lines in the Files entry (`augment.js:8`), where the executor and the reviewer look for them.',
    ]);
  });

  it('leaves a line number given beside a quoted anchor', async () => {
    expect(await lint('sp-files-line-range', modify('`SKILL.md`', 'Add this immediately after line 13 of SKILL.md (the "Announce at start" line):'))).toEqual([]);
  });

  it('leaves rough line numbers (hints for a search) and an Expected that mentions a line alone', async () => {
    expect(await lint('sp-files-line-range', modify('`augment.js` (lines 40-74)', 'Affected lines approximately: 90, 310'))).toEqual([]);
    expect(await lint('sp-files-line-range', modify('`augment.js:218-220`', 'Expected: `tTp := 0.0` around line 220'))).toEqual([]);
  });
});

describe('sp-step-checkbox', () => {
  it('accepts checkbox items without "Step N"', async () => {
    const text = spPlan({ tasks: task('### Task 1: Filename API', '**Files:** `src/cli.py`', '', '- [ ] Write RED tests for `evidence_filename`.', '- [ ] Run `python -m pytest -q`; verify RED.') });
    expect(await lint('sp-step-checkbox', text)).toEqual([]);
  });

  it('reports numbered-list steps once per plan', async () => {
    const text = spPlan({ tasks: task('### Task 1: Hotkeys', '**Files:** `src/Hotkeys/HotkeyChord.cs`', '', '1. Add failing parser tests.', '2. Introduce a key catalog.') });
    expect(await lint('sp-step-checkbox', text)).toEqual([
      'The plan\'s 2 steps are a numbered list, not checkboxes (first: Task 1, "Add failing parser tests."): write each step as `- [ ] **Step N: …**`, so the executing agent can tick it off.',
    ]);
  });

  it('accepts bold steps in a plan written to the older skill throughout (its "For Claude:" line), not in a current one', async () => {
    const bold = TASK.map((l) => l.replace('- [ ] **Step', '**Step'));
    expect(await lint('sp-step-checkbox', spPlan({ agentic: '> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task.', tasks: bold }))).toEqual([]);
    const [current] = await lint('sp-step-checkbox', spPlan({ tasks: bold }));
    expect(current).toContain('are bold `**Step N:**` paragraphs, not checkboxes');
  });
});

describe('sp-failing-test-first', () => {
  const impl = ['- [ ] **Step 1: Create lib/state.js**', '', '```javascript', 'function readState() { return {}; }', '```', ''];
  const check = ['- [ ] **Step 2: Test the state manager**', '', 'Run: `node -e "require(\'./lib/state\')"`', 'Expected: no error', ''];

  const feat = ['- [ ] **Step 3: Commit**', '', '```bash', 'git add lib/state.js', 'git commit -m "feat: add state manager"', '```', ''];

  it('reports code written before any test was seen to fail, in a task that adds behaviour', async () => {
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: State manager', '**Files:**', '- Create: `lib/state.js`', '', ...impl, ...check, ...feat) }))).toEqual([
      'Task 1 changes code in Step 1 ("Create lib/state.js") before any test has been seen to fail: first write the failing test and run it (Expected: FAIL with the message), then implement.',
    ]);
  });

  it('does not report a task that only re-runs its checks after a change its commit does not call a feature or a fix', async () => {
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: State manager', ...impl, ...check) }))).toEqual([]);
    const chore = feat.map((l) => l.replace('feat:', 'chore:'));
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: State manager', ...impl, ...check, ...chore) }))).toEqual([]);
  });

  it('reports a task that writes its test after the code, whatever its commit says', async () => {
    const testAfter = ['- [ ] **Step 2: Write the test**', '', '```javascript', "test('reads state', () => expect(readState()).toEqual({}));", '```', ''];
    const [m] = await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: State manager', ...impl, ...testAfter) }));
    expect(m).toContain('Task 1 changes code in Step 1 ("Create lib/state.js") before any test has been seen to fail');
  });

  it('accepts a red run described as RED, and waived or non-behavioral tasks', async () => {
    const red = ['- [ ] **Step 1: Write failing tests**', '', '```python', 'def test_recover(): assert False', '```', '', '- [ ] **Step 2: Run tests; verify RED**', '', 'Run: `pytest -q`', '', 'Expected: parser rejects the `recover` command.', ''];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Recover', '**Files:**', '- Modify: `src/cli.py`', '', ...red, ...impl.map((l) => l.replace('Step 1', 'Step 3'))) }))).toEqual([]);
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: State manager', '**No new tests:** the change is a rename.', '', ...impl) }))).toEqual([]);
    const refactor = [...impl, '- [ ] **Step 2: Commit**', '', '```bash', 'git commit -am "refactor: extract state"', '```'];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Extract', ...refactor) }))).toEqual([]);
    const scaffold = [...impl, '- [ ] **Step 2: Commit**', '', '```bash', 'git commit -am "scaffold: solution layout, core lib, smoke test"', '```'];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Solution layout', ...scaffold) }))).toEqual([]);
  });

  it('leaves experiment and tooling code alone', async () => {
    const script = ['- [ ] **Step 1: Write run.sh**', '', '```bash', '#!/bin/bash', 'go run main.go --seed 1', '```'];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 4: Experiment harness', '**Files:**', '- Create: `hypotheses/h-deadline/run.sh`', '', ...script) }))).toEqual([]);
    const lookup = ['- [ ] **Step 2: Replace hardcoded val_batches with config lookup**', '', '```python', 'val_batches = config.get("val_batches", 5)', '```'];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 3: Configurable val_batches', '**Files:**', '- Modify: `scripts/train_mlx.py:286-297`', '', ...lookup) }))).toEqual([]);
  });
});

describe('sp-run-expected', () => {
  it('accepts an Expected after the block, an "# Expected:" comment, and an outcome after an inline command', async () => {
    const forms = [
      ['- [ ] **Step 1: Verify**', '', '```bash', 'grep -c "Think" CLAUDE.md', '```', 'Expected: `1`'],
      ['- [ ] **Step 1: Verify**', '', '```bash', 'grep -n "researcher" yegge.md', '# Expected: no matches', '```'],
      ['- [ ] Run `python -m pytest tests/test_evidence.py -q`; verify RED.'],
      ['- [ ] **Step 2: Sanity check**', '', 'Run: `bash run.sh --num-requests 10` at one rate point to verify the CLI flags are accepted.'],
    ];
    for (const body of forms) expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Check', ...body) })), body[0]).toEqual([]);
  });

  it('reports a Run without an Expected', async () => {
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Plugin', '- [ ] **Step 1: Build the plugin**', '', 'Run: `npm run build`') }))).toEqual([
      'The command `npm run build` of Step 1 in Task 1 has no Expected: add "Expected: …" after it (PASS, FAIL with the message, or the output that shows the step worked).',
    ]);
  });

  it('asks no Expected of a command with nothing to expect, a title that states the outcome, or a step that handles each outcome', async () => {
    const forms = [
      ['- [ ] **Step 1: Create directory**', '', 'Run: `mkdir -p .opencode/plugin`'],
      ['- [ ] **Step 1:** Read the current brainstorming skill', '', 'Run: `cat skills/brainstorming/SKILL.md`'],
      ['- [ ] **Step 1: Verify VM is up**', '', '```bash', "docker ps -f name=windows11 --format '{{.Status}}'", '```'],
      ['**Step 4: Check for external dependencies**', '', '```bash', 'grep -rh "^import" tools/scripts/*.py | sort -u', '```', '', 'If any non-stdlib imports appear, document them in README.md.'],
      ['**Step 3: Run baseline evaluation**', '', '```bash', 'python run_blis_and_compute_loss.py', '```', '', 'Record the baseline loss in `FINDINGS.md`.'],
    ];
    for (const body of forms) expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Check', ...body) })), body[0]).toEqual([]);
  });

  it('reports a step that says to run something without a command, and an Expected that allows failure', async () => {
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Filename API', '- [ ] Run focused tests GREEN.') }))).toEqual([
      'The step "Run focused tests GREEN." of Task 1 says to run something and what to expect, but names no command in the step: write the exact command there as "Run: `<exact command>`".',
    ]);
    const [m] = await lint('sp-run-expected', spPlan({ tasks: task('### Task 10: Fix regressions', '- [ ] **Step 1: Run full test suite**', '', 'Run: `go test ./...`', 'Expected: Most tests PASS, may have some failures') }));
    expect(m).toContain('is not exact ("Most tests PASS, may have some failures")');
  });

  it('reports a "Run:" without Expected in a task written as prose', async () => {
    const [m] = await lint('sp-run-expected', spPlan({ tasks: task('### Task 3: Verify', 'Run:', '', '```bash', 'bash tests/hooks/test-session-start.sh', 'git diff --check', '```') }));
    expect(m).toBe('Task 3 runs `bash tests/hooks/test-session-start.sh` (and the lines after it) with no Expected: write the exact command as "Run: `…`" and what it prints as "Expected: …".');
  });
});

describe('sp-commit-step', () => {
  it('reports a commit step without the git commands', async () => {
    expect(await lint('sp-commit-step', spPlan({ tasks: task('### Task 1: Filename API', '**Files:** `src/cli.py`', '', '- [ ] Implement `evidence_filename`.', '- [ ] Commit `feat: preserve finding evidence by phase`.') }))).toEqual([
      'The step "Commit `feat: preserve finding evidence by phase`." of Task 1 says to commit without the commands: show `git add <the task\'s files>` and `git commit -m "…"` in a bash block.',
    ]);
  });

  it('reports a task without a commit step, and a plan where no task has one once', async () => {
    const plain = task('### Task 2: Fix release semantics', '**Files:**', '- Modify: `src/Hook.cs`', '', '- [ ] **Step 1: Fix release matching**');
    expect(await lint('sp-commit-step', spPlan({ tasks: [...TASK, '', ...plain] }))).toEqual([
      'Task 2 has no commit step: end it with "Commit" and a bash block with `git add <the task\'s files>` and `git commit -m "…"`.',
    ]);
    expect(await lint('sp-commit-step', spPlan({ tasks: [...plain, ...plain.map((l) => l.replace('Task 2', 'Task 3'))] }))).toEqual([
      'No task has a commit step: end each task with "Commit" and a bash block with `git add <the task\'s files>` and `git commit -m "…"`.',
    ]);
  });

  it('accepts conditional commits, tasks that commit nothing, and plans that forbid git operations', async () => {
    const conditional = task('### Task 2: Static analysis', '**Files:**', '- Modify: `install.sh`', '', '- [ ] **Step 1: Commit if fixes were needed**');
    expect(await lint('sp-commit-step', spPlan({ tasks: [...TASK, '', ...conditional] }))).toEqual([]);
    const nothing = task('### Task 0: Provision the SDK', '**Files:** none committed (SDK lands in gitignored `./.dotnet/`).', '', '- [ ] **Step 1: Provision the SDK**');
    expect(await lint('sp-commit-step', spPlan({ tasks: [...nothing, ...TASK] }))).toEqual([]);
    const plain = task('### Task 1: Fix release semantics', '**Files:**', '- Modify: `src/Hook.cs`', '', '- [ ] **Step 1: Fix release matching**');
    expect(await lint('sp-commit-step', spPlan({ before: ['## Global Constraints', '', '- Do not perform git operations.'], tasks: plain }))).toEqual([]);
  });
});

describe('sp-commit-step and sp-task-files on what real plans write', () => {
  it('reads a commit block written after the "- [ ] Commit:" item, unindented and untagged', async () => {
    const text = spPlan({ tasks: task('### Task 1: Journal', '**Files:**', '- Create: `src/Journal.cs`', '', '- [ ] Run `dotnet test` — expect all green.', '- [ ] Commit:', '', '```', 'git add src/Journal.cs', 'git commit -m "core: journal injections"', '```') });
    expect(await lint('sp-commit-step', text)).toEqual([]);
  });

  it('asks nothing of a task that only runs tests ("### Task 6: Tests", a bash block)', async () => {
    const text = spPlan({ tasks: task('### Task 6: Tests', 'Run targeted tests:', '', '```bash', 'go test ./cmd/bd -run TestPacman', '```') });
    expect(await lint('sp-commit-step', text)).toEqual([]);
    expect(await lint('sp-task-files', text)).toEqual([]);
  });
});

describe('sp-files-exact-paths and sp-header-title on what real plans write', () => {
  it('takes `Makefile` (a root file named without an extension) for a path', async () => {
    const text = spPlan({ tasks: task('### Task 3: Build target', '**Files:**', '- Modify: `Makefile`', '', ...TASK.slice(3)) });
    expect(await lint('sp-files-exact-paths', text)).toEqual([]);
  });

  it('does not hold a title in another script to the English words', async () => {
    expect(await lint('sp-header-title', spPlan({ tasks: TASK }).replace(/^# .*$/m, '# 侧边栏动画优化实现计划'))).toEqual([]);
    expect(await lint('sp-header-title', spPlan({ tasks: TASK }).replace(/^# .*$/m, '# Sidebar Animation'))).toHaveLength(1);
  });
});
