/**
 * Plan habits the held-out batches showed (real plans nobody tuned on, every finding judged before
 * a rule saw them): each is read here as the reviewers read it, batch by batch.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../src/plan/parse.js';
import { lintRule } from '../../helpers.js';
import { spPlan, TASK } from './sp-plan.js';

const lint = async (id: string, text: string): Promise<string[]> => (await lintRule(id, text, { format: 'superpowers' })).map((d) => d.message);
const task = (heading: string, ...body: string[]): string[] => [heading, '', ...body, ''];
/** One rule on a plan whose second task, after the template's Task 1, has the heading and body given. */
const lintSecondTask = (id: string, heading: string, ...body: string[]): Promise<string[]> => lint(id, spPlan({ tasks: [...TASK, '', ...task(heading, ...body)] }));
/** Strict sp-files-exact-paths on one Files entry, in a task after the template's Task 1. */
const filesEntry = (heading: string, entry: string, step: string): Promise<string[]> => lintSecondTask('sp-files-exact-paths', heading, '**Files:**', entry, '', step);
/** sp-code-step-without-code on a second task that modifies one file and whose Step 1 has the title and text given. */
const modifyStep = (file: string, title: string, ...text: string[]): Promise<string[]> =>
  lintSecondTask('sp-code-step-without-code', '### Task 2: Edit', '**Files:**', `- Modify: \`${file}\``, '', `- [ ] **Step 1: ${title}**`, '', ...text);

describe('sp-run-expected', () => {
  it('takes an outcome stated in the step title, or an end state the step works to, as its Expected', async () => {
    const forms = [
      ['- [ ] **Step 2: Run — expect PASS:** `go test -race ./internal/httpx/`'],
      ['- [ ] **Step 2: Run the focused tests and verify they fail because the new contracts do not exist**', '', 'Run: `pytest tests/unit/sync -q`'],
      ['- [ ] **Step 4: Build and fix any mismatched variants**', '', '```bash', 'cargo build -p turso_ruby', '```', '', 'Fix compiler errors until the crate builds.'],
    ];
    for (const body of forms) expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Retry', ...body) })), body[0]).toEqual([]);
  });

  it('still asks for an Expected when the title only says what the step checks with', async () => {
    const [m] = await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Docs', '- [ ] Verify with `npm run lint -- README.md`.') }));
    expect(m).toContain('has no Expected');
  });

  it('asks an Expected only of a run of tests, a build or a check, the runs reviewers held to one', async () => {
    const run = (...block: string[]): string[] => task('### Task 2: Ranges', '- [ ] **Step 4: Run it**', '', '```bash', ...block, '```', '', '- [ ] **Step 5: Commit**');
    const checks = [
      ['mix test test/gallformers/ranges_test.exs'],
      ['cd apps/server && .venv/bin/python -m pytest -v'],
      ['pnpm --dir gateway --filter @clawscale/api build'],
      ['npm run test:unit'],
      ['./scripts/test-cli.sh --all'],
      ['cargo clippy --all-targets -- -D warnings'],
      ['git status --short', 'mvn -B -ntp verify'],
    ];
    for (const block of checks) expect(await lint('sp-run-expected', spPlan({ tasks: run(...block) })), block.join(' ')).toEqual([expect.stringContaining('has no Expected')]);
    const others = [
      ['vendor/bin/pint --dirty --format agent'],
      ['node scripts/port-t20db.mjs'],
      ['git filter-repo --message-callback "$(cat /tmp/rewrite.py)"'],
      ['git log --oneline | head -30'],
      ['grep -rn "test" src/'],
      ['gleam run -m libero -- gen'],
      ['npm install -D vitest@^5.0.0 @vitejs/plugin-react'],
    ];
    for (const block of others) expect(await lint('sp-run-expected', spPlan({ tasks: run(...block) })), block.join(' ')).toEqual([]);
  });

  it('does not take a directory the title names for a command', async () => {
    const body = ['**Step 5: Add `build/` to .gitignore**', '', '```', '# DMG build output', 'build/', '```'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 4: Ignore build output', ...body) }))).toEqual([]);
  });

  it('does not ask a step for a command its task gives in a block of its own, and hears "Verify that …" as an expectation', async () => {
    const verification = ['- [x] Run the builder locally.', '', 'Verification:', '', '```bash', 'uv run python scripts/build_semantic_assets.py', '```'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 5: Assets', ...verification) }))).toEqual([]);
    const [m] = await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Plans', '- [ ] **Step 3: Run structural validation**', '', 'Verify that all five files exist.') }));
    expect(m).toContain('says to run something and what to expect, but names no command in the step');
  });
});

describe('sp-commit-step', () => {
  it('reads a commit written inline after "Run:", under a title in any language', async () => {
    const body = ['- [ ] **Step 1: 更新文档**', '', 'Edit `docs/roadmap.md`.', '', '- [ ] **Step 2: 提交**', '', 'Run: `git add docs/roadmap.md; git commit -m "docs: align milestones"`'];
    expect(await lint('sp-commit-step', spPlan({ tasks: task('### Task 1: Roadmap', ...body) }))).toEqual([]);
  });

  it('asks nothing of a plan that leaves commits to the user or gathers them in a Commits section', async () => {
    const onRequest = [...task('### Task 1: Guide', '- [ ] Write `docs/guide.md`.'), ...task('### Task 2: Index', '- [ ] Link the guide from `docs/INDEX.md`.', '- [ ] 提交文档变更（若用户要求再 commit）')];
    expect(await lint('sp-commit-step', spPlan({ tasks: onRequest }))).toEqual([]);
    const gathered = [...task('### Task 1: Retry delay', '- [ ] Add `retryDelay` to `internal/httpx/retry.go`.'), ...task('### Task 2: Retry-After', '- [ ] Parse `Retry-After`.'), '## Commits', '', '- `feat(httpx): respect Retry-After`'];
    expect(await lint('sp-commit-step', spPlan({ tasks: gathered }))).toEqual([]);
  });
});

describe('sp-failing-test-first', () => {
  const code = (title: string): string[] => [`- [ ] **Step 1: ${title}**`, '', '```ruby', 'spec.required_ruby_version = ">= 3.2.0"', '```'];

  it('owes no failing test for a project bootstrap, a build configuration change or a README', async () => {
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('## Task 1: Bootstrap the Rust crate and workspace integration', '**Files:**', '- Create: `bindings/ruby/src/lib.rs`', '', ...code('Create a minimal init')) }))).toEqual([]);
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('## Task 1: Bump the minimum Ruby version', '**Files:**', '- Modify: `bindings/ruby/turso.gemspec`', '', ...code('Update Ruby requirement')) }))).toEqual([]);
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('## Task 2: Packaging', '**Files:**', '- Create: `bindings/ruby/lib/turso.rb`', '', ...code('Write README.md')) }))).toEqual([]);
  });
});

describe('sp-code-step-without-code', () => {
  it('leaves steps of a task that touches only data and configuration, and does not read "dev/test" as tests', async () => {
    const manifest = ['**Files:**', '- Modify: `config/route_sources.yaml`', '', '- [x] Remove `massive_zh_tw_general` from the default source manifest.'];
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: task('## Task 1: Manifest', ...manifest) }))).toEqual([]);
    const mixed = ['**Files:**', '- Modify: `config/route_sources.yaml`', '- Modify: `tests/test_assets.py`', '', '- [x] Replace the subsets with split-aware entries: train for routes, dev/test for eval.'];
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: task('## Task 1: Manifest', ...mixed) }))).toEqual([]);
  });
});

describe('sp-files-exact-paths', () => {
  it('reads a location after the path, a label over nested paths, a Test entry that names a check, "ninguno", and a route', async () => {
    const files = [
      '**Files:**',
      '- Modify: `docs/plan.md:1-10, 460-484, 附录 D`',
      '- Generated ignored files only:',
      '  - `data/semantic_records.jsonl`',
      '- Test: release notes check',
      '',
      '- [ ] **Step 1: Update the plan**',
    ];
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: task('### Task 1: Release notes', ...files) }))).toEqual([]);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: task('### Task 1: Decisions', '**Files:** ninguno. La salida es este archivo editado.', '', '- [ ] **Step 1: Ask**') }))).toEqual([]);
    const map = ['## File Map', '', '| File | Action | Responsibility |', '| --- | --- | --- |', '| `src/bridge/scheduler_api.py` | Create | REST endpoints `/api/scheduler/*` |'];
    expect(await lint('sp-files-exact-paths', spPlan({ before: map }))).toEqual([]);
  });
});

describe('sp-file-structure', () => {
  it('asks no map of a plan of one task, and finds `README.md:<section>` under README.md in the map', async () => {
    const files = ['**Files:**', ...['a', 'b', 'c', 'd', 'e'].map((n) => `- Create: \`docs/${n}.md\``), '', '- [ ] **Step 1: Write the five plans**'];
    expect(await lint('sp-file-structure', spPlan({ tasks: task('### Task 1: Split the roadmap', ...files) }))).toEqual([]);
    const map = ['## File Structure', '', '- `README.md` — positioning.', '- `docs/INDEX.md` — the index.'];
    const tasks = [...task('### Task 1: README', '**Files:**', '- Modify: `README.md:现状（给决策者）`', '', '- [ ] **Step 1: Edit**'), ...task('### Task 2: Index', '**Files:**', '- Modify: `docs/INDEX.md:深度与归档`', '', '- [ ] **Step 1: Edit**')];
    expect(await lint('sp-file-structure', spPlan({ before: map, tasks }))).toEqual([]);
  });

  it('parses the path of a Files entry that names a section after it', () => {
    const plan = parsePlan(spPlan({ tasks: task('### Task 1: README', '**Files:**', '- Modify: `README.md:现状（给决策者）`', '- Modify: `b.go:12-20`') }), 'plan.md');
    expect(plan.tasks[0]!.files.map((f) => [f.path, f.lines])).toEqual([
      ['README.md', undefined],
      ['b.go', { start: 12, end: 20 }],
    ]);
  });
});

describe('habits of the third held-out batch', () => {
  it('accepts a title that says "Implementation Plan" in the plan\'s own language', async () => {
    expect(await lint('sp-header-title', spPlan({ title: '# Chain33 Claude 协作基础建设 — 实施计划' }))).toEqual([]);
    expect(await lint('sp-header-title', spPlan({ title: '# Bandeja — Plan de implementación' }))).toEqual([]);
  });

  it('owes no failing test for a refactor its commit names, or a task that says no test is possible', async () => {
    const change = ['**Step 1: Add alias and replace raw table strings**', '', '```elixir', 'alias Gallformers.Places.Place', '```', ''];
    const commit = ['**Step 3: Commit**', '', '```', 'Use Place schema instead of raw table strings in Ranges queries', '```'];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1.2: Place schema in queries', ...change, ...commit) }))).toEqual([]);
    const untestable = ['No unit tests possible for this task — VLCJ requires a live VLC installation and a display.', '', ...change];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 2: Player speed', ...untestable) }))).toEqual([]);
  });

  it('hears "already … works identically" as nothing to change, and "(directory)" as a directory the task makes', async () => {
    const callers = ['**Files:**', '- Modify: `lib/ranges.ex`', '', '**Step 3: Update callers**', '', 'All callers already destructure with `range_data.in_range` etc., which works identically with a struct.'];
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 1: Range struct', ...callers) }))).toEqual([]);
    const dir = ['**Files:**', '- Create: `docs/parameters/` (directory)', '', '- [ ] **Step 1: Create it**'];
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: task('### Task 1: Knowledge base', ...dir) }))).toEqual([]);
  });

  it('takes "Fix any offenses reported" as what to do with the output, and lines named in the entry\'s note as its range', async () => {
    const rubocop = ['- [ ] **Step 6: Run RuboCop on modified files**', '', '```bash', 'rubocop lib/cfd_data_builder.rb', '```', '', 'Fix any offenses reported.'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 2: Rules', ...rubocop) }))).toEqual([]);
    const entry = ['**Files:**', '- Modify: `include/game_config.hpp` (remove `horizontal_bounce` line 21; replace the block lines 22-25)', '', '- [ ] **Step 1: Edit**', '', 'Delete line 21.'];
    expect(await lint('sp-files-line-range', spPlan({ tasks: task('### Task 1: Bounce', ...entry) }))).toEqual([]);
  });

  it('does not take two names a task consumes side by side, or a name a Produces line only speaks of, for a slip', async () => {
    const t2 = [
      '**Interfaces:**',
      '- Consumes: `minimum_y_value`; `y_value(item)`.',
      '- Produces:',
      '  - `percentile_value(items, percentile)` returns the value at that percentile of `y_value`.',
    ];
    expect(await lint('sp-type-consistency', spPlan({ tasks: task('### Task 2: Percentile', ...t2) }))).toEqual([]);
  });
});

describe('habits of the fourth held-out batch', () => {
  it('hears an Expected in other words, and asks none of a command that only shows lines to read', async () => {
    const forms = [
      ['- [ ] **Step 4: Run the test**', '', 'Run: `uv run pytest tests/test_graph.py -q`', '', 'Expected after the code fix: PASS.'],
      ['- [ ] **Step 6: Verify the file**', '', '```bash', 'grep -n "Branch" docs/feature-format.md', '```', '', 'Expected output — should show Branch on every example:'],
      ['- [ ] **Step 1: Read the builder**', '', "Run: `cd ../deriva-py && sed -n '422,432p' deriva/bag/builder.py`", 'You should see `self._check_not_finalized()` first.'],
    ];
    for (const body of forms) expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Graph', ...body) })), body[0]).toEqual([]);
  });

  it('reads edits of a test, and fixtures added to conftest, as test steps', async () => {
    const red = ['- [ ] **Step 2: Run the test**', '', 'Run: `pytest tests/test_x.py -q`', 'Expected: FAIL with `assert 1 == 0`', ''];
    const testEdit = ['- [ ] **Step 1: Replace the expected-failure assertion.**', '', '```python', 'assert result.exit_code == 0', '```', '', ...red];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Retrofit', '**Files:**', '- Modify: `src/graph.py`', '', ...testEdit) }))).toEqual([]);
    const fixtures = ['**Step 1: Add SDF fixtures to conftest**', '', '```python', '@pytest.fixture', 'def sphere_sdf():', '    return make_sphere()', '```', '', ...red];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 2: Extraction', '**Files:**', '- Modify: `src/extract.py`', '', ...fixtures) }))).toEqual([]);
  });

  it('asks no commit of each task in a plan that makes one commit at its end, but still wants that commit shown', async () => {
    const tasks = [
      ...task('## Task 1: Pin the gate', '**Files:**', '- Modify: `Makefile`', '', '- [ ] **Step 1: Pin it**', '', 'Run: `make gate`', 'Expected: PASS'),
      ...task('## Task 2: Commit', '- [ ] **Step 1: Commit the cleanup**', '', 'Stage the cleanup and create one signed cleanup commit.'),
    ];
    expect(await lint('sp-commit-step', spPlan({ tasks }))).toEqual([
      'Step 1 ("Commit the cleanup") of Task 2 says to commit without the commands: show `git add <the task\'s files>` and `git commit -m "…"` in a bash block.',
    ]);
  });
});

describe('habits of the fifth held-out batch', () => {
  it('reads a commit with `git -c` options, and a task that says it commits nothing', async () => {
    const withOptions = ['- [ ] **Step 3: Commit**', '', '```bash', 'git add src/a.ts', 'git -c user.email=a@b -c user.name=A commit -m "feat: a"', '```'];
    expect(await lint('sp-commit-step', spPlan({ tasks: task('### Task 1: A', '- [ ] **Step 1: Edit `src/a.ts`**', '', ...withOptions) }))).toEqual([]);
    const probe = ['- [ ] **Step 1: Probe**', '', 'Run: `task render`', 'Expected: the echoed name', '', '- [ ] **Step 2: Commit**', '', 'No commit — Task 2 is verification only.'];
    expect(await lint('sp-commit-step', spPlan({ tasks: task('### Task 2: Verify', ...probe) }))).toEqual([]);
  });

  it('reads `justfile:14-39` as a path, braces without a wildcard as exact files, and an Unchanged list as no files', async () => {
    const files = ['**Files:**', '- Modify: `justfile:14-39`', '- Modify: `tooling/{aws-0,gcp-0}/main.k`', '- Unchanged: `src/other.go`', '', '- [ ] **Step 1: Edit**'];
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: task('### Task 1: CI', ...files) }))).toEqual([]);
  });

  it('owes no failing test for a throwaway probe or a task that says "No unit test — …"', async () => {
    const code = ['- [ ] **Step 2: Make the composition echo what it sees**', '', '```go', 'func echo() string { return name }', '```'];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Probe', 'It is a throwaway probe; every change made here is reverted at the end.', '', ...code) }))).toEqual([]);
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Schema', 'No unit test — this is a schema change.', '', ...code) }))).toEqual([]);
  });
});

describe('habits of the sixth held-out batch', () => {
  it('reads a command written inline on the step line, with its outcome after it', async () => {
    const forms = [
      ['- [ ] **Step 2:** Run: `uv run pytest tests/scoring/ -q` — expect FAIL (`load_rubric_context` not defined).'],
      ['- [ ] **Step 3: run** `.venv/bin/python -m pytest tests/test_gate_battery.py -q` — expect 3 passed, rc 0.'],
    ];
    for (const body of forms) expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 2: Rubrics', ...body) })), body[0]).toEqual([]);
    const [m] = await lint('sp-run-expected', spPlan({ tasks: task('### Task 2: Rubrics', '- [ ] **Step 2:** Run: `uv run pytest tests/scoring/ -q`.') }));
    expect(m).toContain('has no Expected');
  });

  it('asks no commit of each task when the last task is the plan\'s commit', async () => {
    const tasks = [
      ...task('## Task 1: Dataset', '**Files:**', '- Modify: `src/data.ts`', '', '- [ ] **Step 1: Reuse the dataset**', '', 'Run: `npm test`', 'Expected: PASS'),
      ...task('## Task 2: Verification And Commit', '- [ ] **Step 1: Commit**', '', '```bash', 'git add src/data.ts', 'git commit -m "feat: reuse dataset"', '```'),
    ];
    expect(await lint('sp-commit-step', spPlan({ tasks }))).toEqual([]);
  });

  it('does not read the words of a `<FILL FROM STEP 1 OUTPUT>` stand-in as names', async () => {
    const body = ['**Files:**', '- Create: `tests/test_gate.py`', '', '- [ ] **Step 2: Write the test**', '', '```python', 'import pytest', '', 'EXPECTED = {', '    <FILL FROM STEP 1 OUTPUT — five entries>', '}', '```'];
    expect(await lint('sp-type-consistency', spPlan({ tasks: task('### Task 1: Gate', ...body) }))).toEqual([]);
  });
});

describe('narrowed where reviewers of unseen plans disagreed', () => {
  it('sp-run-expected reports only a step silent on what should happen', async () => {
    const said = [
      ['- [ ] **Step 3: Type-check**', '', 'Run: `npx tsc --noEmit`', '', 'The build must be clean.'],
      ['- [ ] **Step 4: Lint**', '', '```bash', 'npm run lint', '```', '', 'No new warnings.'],
      ['- [ ] **Step 2: Run focused tests and verify it resets all counters**', '', 'Run: `pytest tests/unit/test_motion.py -q`'],
    ];
    for (const body of said) expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Reset', ...body) })), body[0]).toEqual([]);
    const [m] = await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Ranges', '**Step 4: Run tests**', '', 'Run: `mix test test/ranges_test.exs`') }));
    expect(m).toContain('has no Expected');
  });

  it('sp-run-expected asks nothing after installs, generators, formatters and silent checks', async () => {
    for (const command of ['git diff --check', 'cd ../config && task generate', 'npm install', 'cargo fmt']) {
      expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Regenerate', '- [ ] **Step 3: Regenerate**', '', `Run: \`${command}\``) })), command).toEqual([]);
    }
  });

  it('sp-run-expected takes "Run the tests again" to repeat the command an earlier step of the task gave', async () => {
    const body = ['- [ ] **Step 4: Run the tests**', '', 'Run: `julia --project -e "using Pkg; Pkg.test()"`', 'Expected: FAIL', '', '- [ ] **Step 5: Implement**', '', '- [ ] **Step 6: Run the tests and confirm they pass**'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Solver', ...body) }))).toEqual([]);
    const [m] = await lint('sp-run-expected', spPlan({ tasks: task('### Task 6: Docs', '- [x] Run documentation source tests and translation freshness verification.') }));
    expect(m).toContain('names no command');
  });

  it('sp-failing-test-first is silent on a task that re-runs tests after a change it does not call a feature', async () => {
    const body = ['- [ ] **Step 1: Add config fields + defaults**', '', '```rust', '#[serde(default)] pub idle_secs: u64,', '```', '', '- [ ] **Step 2: Run the tests**', '', 'Run: `cargo test`', 'Expected: PASS', '', '- [ ] **Step 3: Commit**', '', '```bash', 'git commit -am "config: add screensaver fields"', '```'];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Config', ...body) }))).toEqual([]);
    const feat = body.map((l) => l.replace('config: add screensaver fields', 'feat: idle screensaver'));
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Config', ...feat) }))).toHaveLength(1);
  });

  it('sp-files-exact-paths reads patterns only where a map entry names its files', async () => {
    const map = (entry: string): string => spPlan({ before: ['## File Structure', '', entry] });
    expect(await lint('sp-files-exact-paths', map('- `messages/en/app.json`, `messages/nl/app.json` — `profile.displayName*` keys'))).toEqual([]);
    expect(await lint('sp-files-exact-paths', map('| `src/bridge/api.py` | Create | serves `/api/*` and `*.json` exports |'))).toEqual([]);
    const [m] = await lint('sp-files-exact-paths', map('| `src/components/*` | rebuild on library |'));
    expect(m).toContain('names a pattern, `src/components/*`');
  });

  it('sp-files-exact-paths accepts a closing task\'s commit scope, a condition with its criterion, and generator output', async () => {
    for (const entry of ['all touched files.', 'Modify only if needed for accurate current traceability: `docs/specs/control-plane.md`', 'Create: `.codex-plugin/**`（生成器产物，提交入库）']) {
      expect(await lint('sp-files-exact-paths', spPlan({ tasks: task('### Task 6: Verify and commit', '**Files:**', `- ${entry}`, '', '- [ ] **Step 1: Run the suite**') })), entry).toEqual([]);
    }
  });
});

describe('habits of the eighth blind batch', () => {
  it('reads an inline Files list separated by "、", and a note\'s commas as the note\'s', async () => {
    const files = (line: string): string => spPlan({ tasks: task('## Task 1: 路由', line, '', '- [ ] **Step 1: Write the failing test**') });
    expect(await lint('sp-files-exact-paths', files('**Files:** src/leaf/routing.nim、src/leaf.nim、tests/nim/test_routing.nim。'))).toEqual([]);
    const [glob] = await lint('sp-files-exact-paths', files('**Files:** src/leaf/scaffold*.nim、src/leaf_cli.nim。'));
    expect(glob).toContain('names a pattern, `src/leaf/scaffold*.nim`');
    expect(await lint('sp-files-exact-paths', files('**Files:** Modify `authz/permission.cr` (`max_age : Time::Span? = nil`, which must be positive), `authz/rbac.cr`.'))).toEqual([]);
    const plan = parsePlan(files('**Files:** Modify `sim/a.go:53-65, 180-193`、`sim/b.go`'), 'plan.md');
    expect(plan.tasks[0]!.files.map((f) => [f.path, f.lines?.start, f.lines?.end])).toEqual([['sim/a.go', 53, 193], ['sim/b.go', undefined, undefined]]);
  });

  it('holds only entries that change files to the exact-path form', async () => {
    const entries = ['Do not modify: Watershed working-tree files', 'Preserve from history: `tools/code-map/**` as `../code-map/**`'];
    for (const entry of entries) expect(await lint('sp-files-exact-paths', spPlan({ tasks: task('### Task 1: Split', '**Files:**', `- ${entry}`, '', '- [ ] **Step 1: Clone**') })), entry).toEqual([]);
  });

  it('sp-run-expected reads a script run by its path as a command, and a next step that confirms its outcome', async () => {
    const [m] = await lint('sp-run-expected', spPlan({ tasks: task('### Task 6: Suite', '- [x] Run `test/run_js_tests.sh`.') }));
    expect(m).toContain('has no Expected: add "Expected: …" after `test/run_js_tests.sh`');
    const confirmed = ['- [x] Run `gleam run -m libero -- gen` from `/tmp/libero-preflight`.', '- [x] Confirm it writes generated server/client files.'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Preflight', ...confirmed) }))).toEqual([]);
  });

  it('sp-failing-test-first takes a plan\'s own word that it has no test harness', async () => {
    const body = ['- [ ] **Step 1: Add the `sequences` array**', '', '```ts', 'export const sequences = [];', '```', '', '- [ ] **Step 2: Write the test**', '', '```ts', "test('lists sequences', () => expect(sequences).toEqual([]));", '```'];
    const tasks = task('### Task 1: Sequences', ...body);
    expect(await lint('sp-failing-test-first', spPlan({ before: ['**Verification model:** The website has no test harness. Every task verifies with `pnpm build`.'], tasks }))).toEqual([]);
    expect(await lint('sp-failing-test-first', spPlan({ tasks }))).toHaveLength(1);
  });

  it('sp-interfaces takes exact names given without the Consumes / Produces labels', async () => {
    const code = ['- [ ] **Step 1: Write the failing test**', '', '```python', 'def test_job(): assert job_name() == "x"', '```', ''];
    const interfaces = (entry: string): string[] => ['**Interfaces:**', entry, '', ...code];
    const tasks = [...task('### Task 1: Job', ...interfaces('- Consumes: nothing.')), ...task('### Task 2: Artifact', ...interfaces('- Artifact name: `healthcheck-investigation`.'))];
    expect(await lint('sp-interfaces', spPlan({ tasks }))).toEqual([]);
    const vague = [...task('### Task 1: Job', ...interfaces('- Consumes: nothing.')), ...task('### Task 2: Artifact', ...interfaces('- Some notes about the job.'))];
    expect(await lint('sp-interfaces', spPlan({ tasks: vague }))).toHaveLength(1);
  });

  it('sp-file-structure counts a map that names files by brace lists and globs', async () => {
    const map = ['## 文件职责', '', '| 文件 | 职责 |', '| --- | --- |', '| `src/model/{record,errors}.nim` | 对象状态 |', '| `tests/test_model_*.nim` | 行为测试 |'];
    const files = ['**Files:** Create `src/model/record.nim`、`src/model/errors.nim`、`tests/test_model_record.nim`、`tests/test_model_errors.nim`', '', '- [ ] **Step 1: Write the failing test**'];
    expect(await lint('sp-file-structure', spPlan({ before: map, tasks: [...task('## Task 1: 记录', ...files), ...task('## Task 2: 错误', '- [ ] **Step 1: Write the failing test**')] }))).toEqual([]);
  });
});

describe('habits of the seventh blind batch', () => {
  it('sp-code-step-without-code takes entries added to a list, and parameters given whole, as exact edits', async () => {
    const step = (title: string): string => spPlan({ tasks: task('### Task 3: Token model', '**Files:**', '- Modify: `src/Auth/Token.php`', '', `- [ ] **Step 1: ${title}**`) });
    for (const title of ['Add `oauth_client_id` and `oauth_client_name` to `$fillable`', 'Add `?string $oauthClientId = null, ?string $oauthClientName = null` params to `createToken()`', 'Update existing token store tests if they break from new params']) {
      expect(await lint('sp-code-step-without-code', step(title)), title).toEqual([]);
    }
    const [m] = await lint('sp-code-step-without-code', step('Add `oauth_client_id` and `oauth_client_name` to `serializeToken()`'));
    expect(m).toContain('shows no code');
  });

  it('sp-commit-step owes no commit for a task that only runs scripts or works outside the repository', async () => {
    const run = ['- [ ] **Step 1: 运行 scripts/create-issue.sh**', '', '```bash', 'bash scripts/create-issue.sh docs/plan.md', '```', '', '- [ ] **Step 2: 验证 Issue 已创建**', '', '```bash', 'gh issue view "$(cat .claude/gh-issue/current-issue.txt)"', '```'];
    const write = ['- [ ] **Step 1: Write the config**', '', '```bash', 'echo "debug = true" > config/app.toml', '```'];
    const commit = ['- [ ] **Step 2: Commit**', '', '```bash', 'git add config/app.toml', 'git commit -m "chore: config"', '```'];
    const plan = (last: string[]): string => spPlan({ tasks: [...task('### Task 1: Config', ...write, '', ...commit), ...task('### Task 2: Issue', ...last)] });
    expect(await lint('sp-commit-step', plan(run))).toEqual([]);
    expect(await lint('sp-commit-step', plan(write))).toEqual(['Task 2 has no commit step: end it with "Commit" and a bash block with `git add <the task\'s files>` and `git commit -m "…"`.']);
  });

  it('sp-run-expected asks nothing after a pipeline that only shows a file, and hears "verify no breaks" as the outcome', async () => {
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 2: Store', '- [ ] **Step 1: Read the store**', '', '```bash', 'cat src/components/copilot/store.tsx | head -80', '```') }))).toEqual([]);
    const [m] = await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Types', '- [ ] Run PHPStan to verify no breaks') }));
    expect(m).toContain('says to run something and what to expect, but names no command');
  });
});

describe('habits of the ninth blind batch', () => {
  const red = ['- [ ] **Step 1: Write the failing test**', '', '```rust', '#[test] fn splits() { assert!(split("a,b").len() == 2); }', '```', ''];
  const commit = (msg: string): string[] => ['- [ ] **Step 3: Commit**', '', '```bash', 'git add src/split.rs', `git commit -m "${msg}"`, '```', ''];

  it('sp-commit-step leaves a task to the later task that commits, and reports work left uncommitted at the end', async () => {
    const tasks = [...task('### Task 1: Red tests', ...red), ...task('### Task 2: Split', ...red, ...commit('feat: split')), ...task('### Task 3: Docs', '- [ ] **Step 1: Update `docs/split.md`**')];
    expect(await lint('sp-commit-step', spPlan({ tasks }))).toEqual(['Task 3 has no commit step: end it with "Commit" and a bash block with `git add <the task\'s files>` and `git commit -m "…"`.']);
  });

  it('does not take "Add the official pre-commit hook" for a commit step', async () => {
    const tasks = task('### Task 2: Hooks', '1. Add the official pre-commit hook to `.pre-commit-config.yaml`.', '', ...commit('chore: hooks'));
    expect(await lint('sp-commit-step', spPlan({ tasks }))).toEqual([]);
  });

  it('owes no Interfaces block for a task whose Files say it touches none', async () => {
    const iface = ['**Interfaces:**', '- Consumes: nothing.', '- Produces: `split()`.', ''];
    const tasks = [...task('### Task 1: Split', ...iface, ...red), ...task('### Task 2: Verify on hardware', '**Files:** none (verification only)', '', ...red)];
    expect(await lint('sp-interfaces', spPlan({ tasks }))).toEqual([]);
  });

  it('sp-code-step-without-code leaves a step that edits the runbook and plans', async () => {
    const tasks = task('### Task 1: Correct the validator', '**Files:**', '- Modify: `scripts/validate.py`', '', '4. Update the runbook and both plans to state that the path is `vulnerabilityAlerts` with `null`.');
    expect(await lint('sp-code-step-without-code', spPlan({ tasks }))).toEqual([]);
  });

  it('sp-failing-test-first hears "expected: FAIL to compile" on the step\'s own line', async () => {
    const body = ['- [ ] **Step 1:** Write the tests in `splash.rs`.', '', '```rust', '#[test] fn large() { assert!(is_large(100)); }', '```', '', '- [ ] **Step 2:** Add `mod splash;`. Run: `cargo test -p tui splash` — expected: FAIL to compile.', '', '- [ ] **Step 3: Implement** in `splash.rs`:', '', '```rust', 'pub fn is_large(w: u16) -> bool { w > 80 }', '```', '', '- [ ] **Step 4: Write more tests**', '', '```rust', '#[test] fn small() { assert!(!is_large(10)); }', '```'];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Splash', ...body) }))).toEqual([]);
  });

  it('sp-file-structure counts a header whose list maps each change to its file', async () => {
    const files = (n: number): string[] => ['**Files:**', `- Modify: \`src/a${n}.py\``, '', ...red];
    const before = ['1. `src/a1.py` — parse the flag', '2. `src/a2.py` — thread it through', '3. `src/a3.py` — report it', '4. `src/a4.py` — document it'];
    const tasks = [1, 2, 3, 4].flatMap((n) => task(`### Task ${n}: Part ${n}`, ...files(n)));
    expect(await lint('sp-file-structure', spPlan({ architecture: 'Four small changes:', before, tasks }))).toEqual([]);
    expect(await lint('sp-file-structure', spPlan({ tasks }))).toHaveLength(1);
  });

  it('does not read a plan titled after a task of a larger plan as one of its tasks', () => {
    const text = spPlan({ title: '# Task 6 事件接线与派生资源 Implementation Plan', tasks: [...task('### Task 1: Listener', '- [ ] **Step 1: Write the failing test**'), ...task('### Task 2: Backfill', '- [ ] **Step 1: Write the failing test**')] });
    const plan = parsePlan(text, 'plan.md');
    expect(plan.format).toBe('superpowers');
    expect(plan.tasks.map((t) => t.number)).toEqual([1, 2]);
  });
});

describe('habits of the tenth blind batch', () => {
  const red = ['### Step 1: Write the failing test', '', '```ts', "test('x', () => expect(f()).toBe(1));", '```', ''];

  it('reads "### Files" over a task\'s list as its Files block, not as the plan\'s map', async () => {
    const tasks = ['## Task 1: Export library', '', '### Files', '', '- Create: `src/lib/export-markdown.ts`', '', ...red, '## Task 2: Button', '', '### Files', '', '- Modify: `src/Button.tsx`', '', ...red];
    const text = spPlan({ agentic: '> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task.', tasks });
    expect(parsePlan(text, 'plan.md').tasks.map((t) => t.files.map((f) => f.path))).toEqual([['src/lib/export-markdown.ts'], ['src/Button.tsx']]);
    for (const id of ['sp-task-files', 'sp-file-structure', 'sp-step-checkbox']) expect(await lint(id, text), id).toEqual([]);
  });

  it('reads "**Tech Stack (recap):**" as the Tech Stack', async () => {
    expect(await lint('sp-header-tech-stack', spPlan({ techStack: undefined, before: ['**Tech Stack (recap):** + Recharts, Framer Motion'] }))).toEqual([]);
  });

  it('owes no Files block for a task of checks, and leaves "..." in an edit introduced by "Change to:"', async () => {
    const verify = task('### Task 4: End-to-end verification', '**Step 1: Verify transition detection**', '', '```javascript', 'window.__sessions = []', '```', '', '**Step 2: Final commit (if any fixes needed)**');
    expect(await lint('sp-task-files', spPlan({ tasks: [...task('### Task 1: Hook', '**Files:**', '- Create: `src/hook.ts`', '', ...red), ...verify] }))).toEqual([]);
    const edit = task('### Task 1: Group gate', '**Files:**', '- Modify: `src/agent.c`', '', '- [ ] **Step 1: Pass history to the group gate**', '', 'Change to:', '', '```c', 'if (msgs[start].is_group) {', '    ...', '}', '```');
    expect(await lint('sp-no-placeholders', spPlan({ tasks: edit }))).toEqual([]);
  });

  it('sp-failing-test-first leaves a task that creates a crate, or says existing tests must still pass', async () => {
    const body = ['**Step 1: Create `runtime.rs`**', '', '```rust', 'pub fn print() {}', '```', '', '**Step 2: Write the test**', '', '```rust', '#[test] fn prints() { print(); }', '```'];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Create torqc-semantic crate and diagnostic types', ...body) }))).toEqual([]);
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Runtime print', 'Existing tests must still pass after this change.', '', ...body) }))).toEqual([]);
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Runtime print', ...body) }))).toHaveLength(1);
  });

  it('sp-files-exact-paths leaves patterns of what a Delete entry removes', async () => {
    const tasks = task('### Task 4: Slim the gateway', '**Files:**', '- Delete: `pkg/channels/{discord,slack}/*`', '- Delete: `pkg/httpapi/console*.go`', '', '- [ ] **Step 1: Delete the channels**');
    expect(await lint('sp-files-exact-paths', spPlan({ tasks }))).toEqual([]);
  });

  it('sp-run-expected takes the commands and Expected a checklist task gives after its items, in PowerShell too', async () => {
    const tasks = task('### Task 1: RED tests', '- [x] Add tests that press each leaf callback.', '- [x] Run each affected module test and confirm the new tests fail.', '', 'Commands:', '', '```powershell', 'pnpm --filter @tempot/help-center test', '```', '', 'Expected RED failures: `expected callbacks not to contain help`.');
    expect(await lint('sp-run-expected', spPlan({ tasks }))).toEqual([]);
  });
});

describe('habits of the eleventh and twelfth blind batches', () => {
  const red = ['- [ ] **Step 1: Write the failing test**', '', '```js', "test('x', () => expect(f()).toBe(1));", '```', ''];

  it('reads the header under a tool\'s metadata line quoted above the title', async () => {
    const text = `> **FlowState Document:** \`docu_k9ltUUMlCI\`\n\n${spPlan()}`;
    expect(parsePlan(text, 'plan.md').title?.text).toBe('Curl Installer Implementation Plan');
    for (const id of ['sp-header-title', 'sp-header-goal', 'sp-header-agentic-line', 'sp-header-tech-stack']) expect(await lint(id, text), id).toEqual([]);
  });

  it('sp-file-structure takes the section that names most files, in the plan\'s language, and maps no deleted file', async () => {
    const files = (n: number, extra: string[] = []): string[] => ['**Files:**', `- Modify: \`src/f${n}.js\``, ...extra, '', ...red];
    const before = ['## Estratégia de validação', '', 'Rodar `tests/f1.test.js` e `src/f1.js`.', '', '## Arquivos afetados', '', '- `src/f1.js` — corte', '- `src/f2.js` — quadro', '- `src/f3.js` — tempo', '- `src/f4.js` — exportação'];
    const tasks = [1, 2, 3, 4].flatMap((n) => task(`### Task ${n}: Parte ${n}`, ...files(n, n === 1 ? ['- Delete: `src/.gitkeep`'] : [])));
    expect(await lint('sp-file-structure', spPlan({ before, tasks }))).toEqual([]);
  });

  it('sp-commit-step reads "commit steps are omitted because …" and "Do not create an empty commit"', async () => {
    const tasks = [...task('### Task 1: Auth', '**Files:**', '- Modify: `src/auth.md`', '', ...red), ...task('### Task 2: Docs', '**Files:**', '- Modify: `docs/auth.md`', '', ...red)];
    expect(await lint('sp-commit-step', spPlan({ before: ['Git commit steps are omitted because this workspace does not contain `.git` metadata.'], tasks }))).toEqual([]);
    const verify = task('### Task 3: Verify', '- [ ] **Step 3: Commit any remaining verification-only changes**', '', 'Expected: nothing left to commit. Do not create an empty commit.');
    const commit = ['- [ ] **Step 2: Commit**', '', '```bash', 'git add src/a.js', 'git commit -m "feat: a"', '```', ''];
    expect(await lint('sp-commit-step', spPlan({ tasks: [...task('### Task 1: A', ...red, ...commit), ...verify] }))).toEqual([]);
  });

  it('sp-code-step-without-code reads `*.sqlite` in a .gitignore block as a pattern, not a comment', async () => {
    const tasks = task('### Task 1: Ignore SQLite', '**Files:**', '- Modify: `.gitignore`', '', '- [ ] **Step 2: Add the SQLite patterns**', '', '```gitignore', '# Local SQLite databases', '*.sqlite', '*.db-*', '```');
    expect(await lint('sp-code-step-without-code', spPlan({ tasks }))).toEqual([]);
  });

  it('sp-failing-test-first leaves a task that edits only tests', async () => {
    const body = ['- [ ] **Step 1: Fix indexer.test.ts — three locations**', '', '```ts', 'const mock = { id: 1 };', '```', '', '- [ ] **Step 2: Run the tests**', '', 'Run: `pnpm vitest run`', 'Expected: PASS', '', '- [ ] **Step 3: Commit**', '', '```bash', 'git commit -am "fix: mock data"', '```'];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Mock data', '**Files:**', '- Modify: `packages/server/src/indexer.test.ts`', '', ...body) }))).toEqual([]);
  });
});

describe('habits of the thirteenth and fourteenth blind batches', () => {
  const red = ['- [ ] **Step 1: Write the failing test**', '', '```py', 'def test_x():', '    assert f() == 1', '```', ''];

  it('reads a header whose labels are translated ("**Mục tiêu:**", "**Kiến trúc:**", "**Công nghệ:**")', async () => {
    const before = ['**Mục tiêu:** Khắc phục lỗi mất trạng thái ngày đã đặt khi chuyển tháng.', '', '**Kiến trúc:** Một đối tượng `BookingState` quản lý lịch. Toast thay cho Alert.', '', '**Công nghệ:** JavaScript, CSS3, HTML5.'];
    const text = spPlan({ goal: undefined, architecture: undefined, techStack: undefined, before });
    for (const id of ['sp-header-goal', 'sp-header-architecture', 'sp-header-tech-stack']) expect(await lint(id, text), id).toEqual([]);
    expect(await lint('sp-header-goal', spPlan({ goal: undefined }))).toHaveLength(1);
  });

  it('sp-files-exact-paths leaves a pattern under a Delete label in another language ("삭제:")', async () => {
    const before = ['## File Map', '', '- 삭제: 머지로 되살아난 `app/views/server/**/*.jbuilder` 3개'];
    expect(await lint('sp-files-exact-paths', spPlan({ before }))).toEqual([]);
    expect(await lint('sp-files-exact-paths', spPlan({ before: ['## File Map', '', '- Create: `app/views/server/**/*.jbuilder`'] }))).toHaveLength(1);
  });

  it('sp-run-expected reads commands written inline in a step\'s text, and a green rerun of the task\'s command', async () => {
    const inline = task('### Task 1: Search index', '- [x] **Step 5: Run the focused test and commit**', '', 'Run `cargo test --test e2e_cli emits_index` and `cargo test search:: --lib`. Commit as `feat: emit index`.');
    const [m] = await lint('sp-run-expected', spPlan({ tasks: inline }));
    expect(m).toContain('has no Expected: add "Expected: …" after `cargo test --test e2e_cli emits_index`');
    const tdd = task('### Task 1: Config keys', ...red, '- [ ] **Step 2: Run** `cargo test --locked --lib config::` — expect FAIL (fields missing).', '- [ ] **Step 3: Implement** the fields.', '- [ ] **Step 4: Run** the same filter — PASS.', '- [ ] **Step 5: Run** — PASS; then the full suite.');
    expect(await lint('sp-run-expected', spPlan({ tasks: tdd }))).toEqual([]);
    // A run with nothing before it to repeat still names no command.
    const first = task('### Task 1: Red', '- [ ] **Step 1: Run to verify they fail**', '', '- [ ] **Step 2: Run:** `go test ./...`', 'Expected: PASS');
    expect(await lint('sp-run-expected', spPlan({ tasks: first }))).toHaveLength(1);
  });

  it('sp-type-consistency takes `TempDir` and `temp_dir` for two names, and a standard-library name for an import left out', async () => {
    const consumes = task('### Task 1: Temp dirs', '**Interfaces:**', '- Consumes: `TempDir` (tempfile crate)', '', '- [ ] **Step 1: Replace the helper**', '', '```python', 'def temp_dir():', '    return None', '```');
    expect(await lint('sp-type-consistency', spPlan({ tasks: consumes }))).toEqual([]);
    const dataclasses = (name: string): string[] => task('### Task 1: Planner', '**Files:**', '- Create: `kb/planner.py`', '', '- [ ] **Step 3: Implement the planner**', '', '```python', `@${name}(frozen=True)`, 'class PlannedChange:', '    kind: str', '```');
    expect(await lint('sp-type-consistency', spPlan({ tasks: dataclasses('dataclass') }))).toEqual([]);
    expect(await lint('sp-type-consistency', spPlan({ tasks: dataclasses('frozen_record') }))).toHaveLength(1);
  });

  it('sp-no-placeholders leaves "..." in code a step deletes, and after the lines a modify-only task changes', async () => {
    const deletes = task('### Task 1: Navbar', '**Files:**', '- Modify: `app/admin/page.tsx`', '- Create: `app/admin/nav.tsx`', '', '- [ ] **Step 3: Remove the duplicate navbar**', '', 'Delete these blocks from the authenticated branch in `page.tsx`:', '', '```tsx', '<div className="mt-6 flex">', '  ...', '</div>', '```');
    expect(await lint('sp-no-placeholders', spPlan({ tasks: deletes }))).toEqual([]);
    const guard = (body: string[]): string[] => task('### Task 1: Missing files', '**Files:**', '- Modify: `src/ingest.py:1-25`', '', '- [ ] **Step 3: Write minimal implementation**', '', '```python', 'def ingest(path):', ...body, '```');
    expect(await lint('sp-no-placeholders', spPlan({ tasks: guard(['    if not path.exists():', '        raise FileNotFoundError(path)', '    ...']) }))).toEqual([]);
    // Nor a body left as "..." (since round 20: bare ellipses were right on 2 of 11 blind findings);
    // `{ ... }` standing for a body still is.
    expect(await lint('sp-no-placeholders', spPlan({ tasks: guard(['    ...']) }))).toEqual([]);
    const braces = task('### Task 1: Parser', '**Files:**', '- Create: `src/parse.ts`', '', '- [ ] **Step 3: Write minimal implementation**', '', '```ts', 'export function parse(text: string) { ... }', '```');
    expect(await lint('sp-no-placeholders', spPlan({ tasks: braces }))).toHaveLength(1);
  });

  it('sp-failing-test-first leaves a task that only declares contracts or a schema, and checks it with a build', async () => {
    const body = ['- [ ] **Step 1: Update DTOs and interface methods**', '', '```csharp', 'public record PreviewDto(string Subject, string Body);', '```', '', '- [ ] **Step 2: Build to expose implementation failures**', '', 'Run: `dotnet build`', 'Expected: FAIL until the service implements the new methods.', '', '- [ ] **Step 3: Commit**', '', '```bash', 'git commit -am "feat: preview contracts"', '```'];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Add service contracts for preview', ...body) }))).toEqual([]);
    // A task that changes behaviour and then runs its tests (a build alone tests nothing: round 25).
    const tested = body.map((line) => line.replace('Build to expose implementation failures', 'Run the tests').replace('dotnet build', 'dotnet test'));
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Preview the cancellation mail', ...tested) }))).toHaveLength(1);
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Preview the cancellation mail', ...body) }))).toEqual([]);
  });

  it('sp-file-structure takes a directory the map names for the files under it, and asks no map entry for a lockfile', async () => {
    const before = ['## File Structure', '', '- Modify `src/Models/Request.cs`: audit properties.', '- Create EF migration under `src/Migrations/`: audit columns.'];
    const tasks = task('### Task 2: Audit fields', '**Files:**', '- Modify: `src/Models/Request.cs`', '- Create: `src/Migrations/<timestamp>_AddAudit.cs`', '- Modify: `Gemfile.lock`', '', ...red);
    expect(await lint('sp-file-structure', spPlan({ before, tasks }))).toEqual([]);
  });

  it('reads every path of a Files entry that lists several ("Test: `a`, `b`, `c`")', () => {
    const tasks = task('### Task 2: Specs', '**Files:**', '- Test: `spec/a_spec.rb`, `spec/b_spec.rb`, and `spec/c_spec.rb`', '- Modify: `lib/x.rb` (fields, defaults), `lib/y.rb`', '', ...red);
    const files = parsePlan(spPlan({ tasks }), 'plan.md').tasks[0]!.files.map((f) => [f.action, f.path]);
    expect(files).toEqual([
      ['test', 'spec/a_spec.rb'],
      ['test', 'spec/b_spec.rb'],
      ['test', 'spec/c_spec.rb'],
      ['modify', 'lib/x.rb'],
      ['modify', 'lib/y.rb'],
    ]);
  });
});

describe('habits of the fifteenth and sixteenth blind batches', () => {
  const red = ['- [ ] **Step 1: Write the failing test**', '', '```rust', '#[test] fn parses() { assert!(parse("1").is_ok()); }', '```', ''];

  it('reads the header under an HTML comment above the title (an SPDX license header)', async () => {
    const text = `<!--\nSPDX-License-Identifier: Apache-2.0\nSPDX-FileCopyrightText: Copyright the Vortex contributors\n-->\n\n${spPlan()}`;
    for (const id of ['sp-header-title', 'sp-header-goal', 'sp-header-agentic-line', 'sp-header-architecture', 'sp-header-tech-stack']) expect(await lint(id, text), id).toEqual([]);
  });

  it('sp-files-exact-paths takes a name with a line range for a file (`sbx:24-36`, a script at the root)', async () => {
    const tasks = task('### Task 1: Launch with tmux', '**Files:**', '- Modify: `sbx:24-36` (delete `SESSION_MUX`)', '- Modify: `sbx:364` (`require_tools` → add `tmux`)', '', ...red);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks }))).toEqual([]);
  });

  it('sp-commit-step reads a Jujutsu commit (`jj describe -m`), and owes no commit for a task that only reads files', async () => {
    const jj = task('### Task 1: Rename', '**Files:**', '- Modify: `src/ingest.rs`', '', ...red, '**Step 6: Commit**', '', '```bash', 'jj describe -m "refactor(ingest): rename jj_project to git_project"', '```');
    expect(await lint('sp-commit-step', spPlan({ tasks: jj }))).toEqual([]);
    const preflight = task('### Task 1: Preflight the live deployment', '**Files:**', '- Read: `/etc/systemd/system/app.service` on the host', '- Read: `docs/specs/design.md`', '', '- [ ] **Step 1: Snapshot the container**', '', 'Run: `pct snapshot 606 pre-change`', 'Expected: the snapshot is listed.');
    const commit = ['- [ ] **Step 2: Commit**', '', '```bash', 'git add src/a.rs', 'git commit -m "feat: a"', '```'];
    const tasks = [...preflight, ...task('### Task 2: Config', '**Files:**', '- Modify: `src/a.rs`', '', ...red, ...commit)];
    expect(await lint('sp-commit-step', spPlan({ tasks }))).toEqual([]);
  });

  it('sp-files-line-range leaves lines a step heading gives, and reports a task once', async () => {
    const titled = task('### Task 1: Git project field', '**Files:**', '- Modify: `crates/cli/src/ingest.rs`', '', '**Step 1: Update constructor (lines 109-121)**', '', '**Step 2: Update tests (lines 915-937)**');
    expect(await lint('sp-files-line-range', spPlan({ tasks: titled }))).toEqual([]);
    const prose = task('### Task 1: Import', '**Files:**', '- Modify: `augment.js`', '', '- [ ] **Step 1: Import the module**', '', 'Add after line 8:', '', '- [ ] **Step 2: Call it**', '', 'Insert after line 40:');
    expect(await lint('sp-files-line-range', spPlan({ tasks: prose }))).toHaveLength(1);
  });

  it('sp-code-step-without-code takes a whole statement, an exact import, a listed replacement or a move for the code', async () => {
    const steps = [
      '**Step 1:** Create `util.rs` with `parse_datetime` and `RELATIVE_TIME_RE` moved from `context.rs`.',
      '',
      '**Step 2:** Update `mod.rs` to add `pub mod util;`',
      '',
      '**Step 3:** Update `classify.rs` to import from `super::util::parse_datetime` instead of `super::context::parse_datetime`.',
    ];
    const tasks = task('### Task 1: Share the date parser', '**Files:**', '- Create: `src/util.rs`', '- Modify: `src/mod.rs`', '- Modify: `src/classify.rs`', '', ...steps);
    expect(await lint('sp-code-step-without-code', spPlan({ tasks }))).toEqual([]);
    const replacements = task('### Task 3: Rename the example', '**Files:**', '- Modify: `cmd/gqlc/main.go`', '', '- [ ] **Step 7: Update the references**', '', '- `cmd/gqlc/main.go:40`: `examples/basic` → `examples/blog`');
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: replacements }))).toEqual([]);
    // A signature is not the code of the function.
    const signature = task('### Task 2: Loader', '**Files:**', '- Modify: `src/Loader.java`', '', '- [ ] **Step 2: Add `load(Path cwd, boolean trustedProject)`**', '', 'Always load context files; load project prompts only when trusted.');
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: signature }))).toHaveLength(1);
  });

  it('sp-run-expected: an install continued over lines, "— no formatting issues", a step that adds a script, an outcome told in prose', async () => {
    const install = task('### Task 1: Test stack', '- [x] **Step 1: Install the test stack**', '', '```bash', 'npm install -D vitest@^5.0.0 \\', '  jsdom@^30.0.1', '```');
    const fmt = task('### Task 8: Cleanup', '**Step 3:** Run `cargo fmt --check` — no formatting issues.');
    const adds = task('### Task 6: Smoke', '- [x] Add `pnpm smoke:openai` for real API smoke via environment variables.');
    const told = task('### Task 7: Release', '- [x] Run the real API smoke: `pnpm smoke:openai` completed and produced a first reply with two options.');
    for (const tasks of [install, fmt, adds, told]) expect(await lint('sp-run-expected', spPlan({ tasks })), tasks[2]).toEqual([]);
  });

  it('sp-type-consistency does not order an environment variable (`CRON_SECRET`) between tasks', async () => {
    const tasks = [...task('### Task 1: Keep-warm route', '**Interfaces:**', '- Consumes: `CRON_SECRET` (optional)'), ...task('### Task 2: Document it', '**Interfaces:**', '- Produces: `CRON_SECRET` in `.env.local.example`')];
    expect(await lint('sp-type-consistency', spPlan({ tasks }))).toEqual([]);
  });

  // Round 38 quieted the header finding this batch led to (a line naming the execution skill is accepted, see below).
  it('an older-skill plan with an unaddressed sub-skill line keeps it, and its bold steps stand', async () => {
    const text = spPlan({ agentic: '> **REQUIRED SUB-SKILL:** Use the executing-plans skill to implement this plan task-by-task.', tasks: task('### Task 1: Blade product', '**Step 1: Write the failing test**', '', '```rust', '#[test] fn t() {}', '```') });
    expect(await lint('sp-header-agentic-line', text)).toEqual([]);
    expect(await lint('sp-step-checkbox', text)).toEqual([]);
  });

  it('sp-failing-test-first reports the step that writes a function and its tests together, before any red run', async () => {
    const body = ['**Step 1: Write `blade_product` function and tests**', '', '```rust', 'pub fn blade_product(i: usize, j: usize) -> usize { i ^ j }', '```', '', '**Step 2: Write tests in the same file**', '', '```rust', '#[test] fn xor() { assert_eq!(blade_product(1, 2), 3); }', '```', '', '**Step 3: Register module in `src/lib.rs`**', '', '```rust', 'pub mod generic;', '```'];
    const [m] = await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Blade product', ...body) }));
    expect(m).toContain('changes code in Step 1 ("Write `blade_product` function and tests")');
  });
});

describe('habits of the seventeenth and eighteenth blind batches', () => {
  const red = ['- [ ] **Step 1: Write the failing test**', '', '```ts', 'it("collapses", () => expect(collapse()).toBe(true));', '```', ''];

  it('sp-commit-step reads `git -C "<repo>" add` and `git -C "<repo>" commit -m`, and a plan that checkpoints instead of committing', async () => {
    const commit = ['- [ ] **Step 2: Commit**', '', '```bash', 'git -C "E:\\Program to work on\\Relay" add "Models/TriggerRule.cs"', 'git -C "E:\\Program to work on\\Relay" commit -m "Add tier toggles"', '```'];
    expect(await lint('sp-commit-step', spPlan({ tasks: task('### Task 1: Tier toggles', '**Files:**', '- Modify: `Models/TriggerRule.cs`', '', ...red, ...commit) }))).toEqual([]);
    const live = spPlan({
      tasks: ['## Global Constraints', '', '- This is a live card. Use `snapshot_field(...)` as the checkpoint mechanism instead of repo commits.', '', ...task('### Task 1: Polish', '**Files:**', '- Modify: `card.charx`', '', ...red), ...task('### Task 2: Dossier', '**Files:**', '- Modify: `card.charx`', '', ...red)],
    });
    expect(await lint('sp-commit-step', live)).toEqual([]);
  });

  it('reads the commit message of `git -C <dir> commit -m` for the task', () => {
    const plan = parsePlan(spPlan({ tasks: task('### Task 1: Tier toggles', '- [ ] **Step 1: Commit**', '', '```bash', 'git -C "my-module" commit -m "feat: add tier toggles"', '```') }));
    expect(plan.tasks[0]!.commit?.subject.text).toBe('feat: add tier toggles');
  });

  it('ends a Files list at the first step: a step title is no file', () => {
    const plan = parsePlan(spPlan({ tasks: task('### Task 3: Release docs', '**Files:**', '', '- Modify: `CHANGELOG.md`', '- Modify: `package.json`', '', '- [ ] **Step 1: Add the `0.35.1` changelog entry**', '', '```md', '## [0.35.1]', '```') }));
    expect(plan.tasks[0]!.files.map((f) => f.path)).toEqual(['CHANGELOG.md', 'package.json']);
  });

  it('sp-run-expected reads a command after the bold head of a run step ("**Run, expect FAIL** — `mvn …`"), not a commit message', async () => {
    const inline = task('### Task 2: Chat nav', '- [ ] **Step 2: Run, expect FAIL** — `mvn -o test -Dtest=ThemeTest#test_chatNav`');
    expect(await lint('sp-run-expected', spPlan({ tasks: inline }))).toEqual([]);
    const message = task('### Task 2: Catalog', '- [ ] **Step 4: Run → PASS; typecheck; commit** — `feat(service-status): curated catalog`');
    const [m] = await lint('sp-run-expected', spPlan({ tasks: message }));
    expect(m).toContain('names no command in the step');
  });

  it('sp-task-files owes no Files block to a task whose steps only run shell that writes no file (creating the branch)', async () => {
    const branch = task('### Task 1: Create feature branch', '**Step 1: Create and checkout branch**', '', '```bash', 'git checkout main && git pull origin main', 'git checkout -b feature/room-cache', '```');
    const tasks = [...branch, ...task('### Task 2: Entity', '**Files:**', '- Create: `app/Entity.kt`', '', ...red)];
    expect(await lint('sp-task-files', spPlan({ tasks }))).toEqual([]);
  });

  it('sp-code-step-without-code takes comments that give the exact statement for the edit', async () => {
    const body = ['- [ ] **Step 5: Add module to lib.rs and tests/unit.rs**', '', '```', '// src/lib.rs: add `pub mod generate;`', '// tests/unit.rs: add `#[path = "unit/generate_tests.rs"] mod generate_tests;`', '```'];
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 1: Generate', '**Files:**', '- Modify: `src/lib.rs`', '', ...body) }))).toEqual([]);
  });

  it('sp-header-agentic-line: "Execute inline in this session" says how the plan runs; sub-skills that execute nothing are named as such', async () => {
    expect(await lint('sp-header-agentic-line', spPlan({ agentic: '> **For agentic workers:** Execute inline in this session. TDD per suite.' }))).toEqual([]);
    const [m] = await lint('sp-header-agentic-line', spPlan({ agentic: '> **For Codex:** REQUIRED SUB-SKILLS: Use `superpowers:test-driven-development`, then `superpowers:verification-before-completion`.' }));
    expect(m).toContain('is not the agentic-workers line and names no REQUIRED SUB-SKILL to execute the plan with');
  });

  it('sp-file-structure does not hold task files to a section it only took for the map ("## Background" naming most files)', async () => {
    const background = ['## Background: how the pieces fit', '', '- `lib/src/local_paths.dart` builds the cache path.', '- `lib/src/offline_catalog.dart` owns the cache.', '- `lib/src/upload_task.dart` uploads.', '- `lib/src/transfer.dart` resumes.', ''];
    const tasks = [...background, ...task('### Task 1: Staging path', '**Files:**', '- Modify: `lib/src/local_paths.dart`', '- Test: `test/local_paths_test.dart`', '', ...red), ...task('### Task 2: Catalog', '**Files:**', '- Modify: `lib/src/offline_catalog.dart`', '- Modify: `lib/src/upload_task.dart`', '- Modify: `lib/src/transfer.dart`', '', ...red)];
    expect(await lint('sp-file-structure', spPlan({ tasks }))).toEqual([]);
  });

  it('sp-header-architecture-length weighs an Architecture of short bullets by its words', async () => {
    const bullets = ['', '', ...['1 new `ContextMenuAction` variant', '1 widened `ContextMenuTarget` field', '1 new i18n label', '1 new store action (`deleteEcucModule`)', '1 new test file for the store action', '1 new test file for the context menu'].map((b) => `- ${b}`)].join('\n');
    expect(await lint('sp-header-architecture-length', spPlan({ architecture: bullets }))).toEqual([]);
  });

  it('sp-task-heading accepts `## Task N:` under `# PR N` headings that group the tasks', async () => {
    const tasks = ['# PR 1 — Profile config', '', ...task('## Task 1: Dir tree helper', ...red), '# PR 2 — Detail page', '', ...task('## Task 2: Detail page', ...red)];
    expect(await lint('sp-task-heading', spPlan({ tasks }))).toEqual([]);
  });

  it('strict rules: a directory entry whose files follow, an absolute path with spaces, a task that adds i18n keys', async () => {
    const dir = task('### Task 1: DiskANN module', '**Files:**', '- Create: `src/diskann/`', '- Create: `src/diskann/graph.zig`', '', ...red);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: dir }))).toEqual([]);
    const icloud = task('### Task 2: Deliver', '**Files:**', '- Modify: `/Users/me/Library/Mobile Documents/iCloud~dk~simonbs~Scriptable/Documents/Widget.js`', '', ...red);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: icloud }))).toEqual([]);
    const keys = ['- [ ] **Step 1: Add the 3 keys to `src/i18n/editor.ts`**', '', '```ts', 'collapse: string;', '```', '', '- [ ] **Step 2: Run the parity test**', '', 'Run: `npx vitest run i18n`', 'Expected: PASS', '', '- [ ] **Step 3: Commit**', '', '```bash', 'git add src/i18n', 'git commit -m "feat(i18n): collapse labels"', '```'];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: i18n keys (3 new keys × 2 locales)', '**Files:**', '- Modify: `src/i18n/editor.ts`', '', ...keys) }))).toEqual([]);
  });
});

describe('habits of the nineteenth and twentieth blind batches', () => {
  const red = ['- [ ] **Step 1: Write the failing test**', '', '```rust', '#[test] fn strips() { assert!(strip("a").is_ok()); }', '```', ''];
  const two = (...before: string[]): string => spPlan({ tasks: [...before, ...task('### Task 1: Strip', '**Files:**', '- Modify: `src/strip.rs`', '', ...red), ...task('### Task 2: Changelog', '**Files:**', '- Modify: `src/log.rs`', '', ...red)] });

  it('sp-commit-step leaves a plan that leaves commits to the user, or commits once at the end of the phase', async () => {
    expect(await lint('sp-commit-step', two('## Global Constraints', '', '- Git commits are left to the user; do not run `git commit`.', ''))).toEqual([]);
    expect(await lint('sp-commit-step', two('**Commit policy (user rule):** **One commit at the very end of the phase.** Do not create intermediate commits.', ''))).toEqual([]);
  });

  it('sp-file-structure reads a map glob at any depth (`tests/*.test.mjs` maps `tests/lib/errors.test.mjs`)', async () => {
    const map = ['## File Structure', '', '| Path | Role |', '| --- | --- |', '| `scripts/validate.mjs` | validates the manifest |', '| `scripts/errors.mjs` | error codes |', '| `tests/*.test.mjs` | node:test unit tests |', ''];
    const tasks = [...map, ...task('### Task 1: Validate', '**Files:**', '- Create: `scripts/validate.mjs`', '- Test: `tests/lib/validate.test.mjs`', '', ...red), ...task('### Task 2: Errors', '**Files:**', '- Create: `scripts/errors.mjs`', '- Test: `tests/lib/errors.test.mjs`', '', ...red)];
    expect(await lint('sp-file-structure', spPlan({ tasks }))).toEqual([]);
  });

  it('does not read a branch named in a Files entry as a file', () => {
    const plan = parsePlan(spPlan({ tasks: task('### Task 2: CI gate', '**Files:**', '- Modify: `.github/workflows/ci.yml`', '- Test: temporary files on branch `ci/p3.5a-ci-gate`, deleted before merge.', '', ...red) }));
    expect(plan.tasks[0]!.files.map((f) => f.path)).toEqual(['.github/workflows/ci.yml']);
  });

  it('sp-code-step-without-code takes a list of exact deletions and a whole statement to add for the code', async () => {
    const body = ['- [ ] **Step 5: Replace the duplicate in `src/cli/ledger.rs`**', '', 'In `src/cli/ledger.rs`:', '1. Delete the local `fn iso_date_prefix(value: &str) -> Option<&str> { ... }` definition.', '2. Delete the local `iso_date_prefix_recognizes_iso_strings` test.', '3. Add `use crate::utils::format::iso_date_prefix;` near the existing `use` statements.'];
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 1: Lift the helper', '**Files:**', '- Modify: `src/cli/ledger.rs`', '', ...body) }))).toEqual([]);
  });

  it('sp-failing-test-first leaves a plan that says it has no test harness of a kind ("no WASM/browser test harness")', async () => {
    const note = '**Verification note:** This project has no WASM/browser test harness — we verify via `just check` and a manual browser pass.';
    const body = ['- [ ] **Step 1: Add the localStorage helpers**', '', '```rust', 'pub fn save(key: &str) { storage().set_item(key, "1").ok(); }', '```', '', '- [ ] **Step 2: Run the checks**', '', 'Run: `just check`', 'Expected: PASS', '', '- [ ] **Step 3: Commit**', '', '```bash', 'git add src/storage.rs', 'git commit -m "feat(chat): remember the draft"', '```'];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: [note, '', ...task('### Task 2: Draft storage', '**Files:**', '- Modify: `src/storage.rs`', '', ...body)] }))).toEqual([]);
  });
});

describe('quieter where the blind batches showed a check unreliable', () => {
  const red = ['- [ ] **Step 1: Write the failing test**', '', '```ts', 'it("rotates", () => expect(rotate([1, 2])).toEqual([2, 1]));', '```', ''];

  it('sp-header-goal, -architecture and -tech-stack say nothing of a header none of whose lines is read', async () => {
    const unread = ['**Purpose:** Rotate the shadow ring on every write.', '', '**Approach:** One ring buffer of five slots.', '', '**Built with:** TypeScript, vitest', ''];
    const plan = spPlan({ goal: undefined, architecture: undefined, techStack: undefined, before: unread });
    for (const id of ['sp-header-goal', 'sp-header-architecture', 'sp-header-tech-stack']) expect(await lint(id, plan), id).toEqual([]);
  });

  it('still reports the missing lines beside one that is read, or when the plan gives them as sections', async () => {
    expect(await lint('sp-header-architecture', spPlan({ architecture: undefined }))).toHaveLength(1);
    const sections = spPlan({ goal: undefined, architecture: undefined, techStack: undefined, before: ['## Goal', '', 'Fix the escaping bug.', ''] });
    for (const id of ['sp-header-goal', 'sp-header-architecture', 'sp-header-tech-stack']) expect(await lint(id, sections), id).toHaveLength(1);
  });

  it('sp-code-step-without-code leaves an edit step that names no code ("Update callers"), not one that names it', async () => {
    const files = ['**Files:**', '- Modify: `src/store.ts`', '- Test: `src/store.test.ts`', ''];
    const unnamed = ['- [ ] **Step 3: Update callers**', '', 'Both call sites pass the new options object.'];
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 1: Options', ...files, ...red, ...unnamed) }))).toEqual([]);
    const named = ['- [ ] **Step 3: Update `validateToken()` to include the OAuth fields**', '', 'Copy both fields into the fresh token.'];
    const [m] = await lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 1: Options', ...files, ...red, ...named) }));
    expect(m).toContain('shows no code');
  });
});

describe('habits of the twenty-first and twenty-second blind batches', () => {
  const typecheck = (n: string, view: string): string[] => task(`### Task 3.${n}: ${view}`, '**Files:**', `- Modify: \`frontend/src/views/${view}.vue\``, '', `- [ ] Replace \`ElMessage.error(err)\` with \`notifyApiError(err)\` in \`${view}\`.`, '- [ ] Run: `npm --prefix frontend run typecheck`');
  const grouped = spPlan({ tasks: ['## Task 3: Update views to use notifyApiError()', '', ...typecheck('1', 'TasksView'), ...typecheck('2', 'UsersView')] });

  it('reads a `## Task 3` heading that only groups `### Task 3.N` subtasks as no task of its own', () => {
    expect(parsePlan(grouped).tasks.map((t) => `${t.number}.${t.subnumber}`)).toEqual(['3.1', '3.2']);
    const withBody = parsePlan(spPlan({ tasks: ['## Task 3: Views', '', 'All views report errors the same way.', '', ...typecheck('1', 'TasksView')] }));
    const [parent, sub] = withBody.tasks;
    expect([parent!.subnumber, sub!.subnumber]).toEqual([undefined, 1]);
    expect(parent!.span.end.line).toBeLessThan(sub!.span.start.line);
  });

  it('reports a subtask\'s run once, and counts subtasks one level below their group with it', async () => {
    expect(await lint('sp-run-expected', grouped)).toHaveLength(2);
    const tasks = [...task('## Task 1: Utility', '**Files:**', '- Create: `src/notify.ts`', '', '- [ ] Write `notifyApiError()`.'), '## Task 2: Views', '', ...typecheck('1', 'TasksView')];
    const [m] = await lint('sp-task-heading', spPlan({ tasks }));
    expect(m).toMatch(/^The task headings are `## Task N:` headings/);
  });

  it('reads "Run:" and "Expected:" at the margin under a checkbox step as the step\'s', async () => {
    const body = ['- [ ] Run frontend build', '', 'Run: `npm --prefix frontend run build`', 'Expected: PASS', '', '- [ ] Run full project QA', '', 'Run: `python scripts/dev/qa.py`', 'Expected: PASS'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('## Task 4: Full verification', ...body) }))).toEqual([]);
  });

  it('owes no Files block nor commit for a task that pushes, opens the pull request and merges it', async () => {
    const ship = task('### Task 2: PR + merge', '- [ ] Push branch to origin', '- [ ] Create PR titled "Phase A-3: frontend errors" with summary and verification evidence', '- [ ] Ensure CI checks are all green', '- [ ] Merge PR and delete branch');
    const plan = spPlan({ tasks: [...TASK, '', ...ship] });
    expect(await lint('sp-task-files', plan)).toEqual([]);
    expect(await lint('sp-commit-step', plan)).toEqual([]);
  });

  it('sp-run-expected asks only for the command when the step says what to expect after its bold head', async () => {
    const [m] = await lint('sp-run-expected', spPlan({ tasks: task('### Task 2: Trail frame', '- [ ] **Step 2: Run to verify** the channel test fails (function missing).') }));
    expect(m).toContain('says to run something and what to expect, but names no command');
  });

  it('sp-code-step-without-code leaves a fix made only if the red run finds a gap', async () => {
    const body = ['- [ ] **Step 3: Implement minimal production fix only if RED identifies a real gap**', '', 'Keep the fix inside the navigation provider.'];
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 1: Navigation', '**Files:**', '- Modify: `Editor/ShaderNav.cs`', '', ...body) }))).toEqual([]);
  });

  it('strict rules: a condition after the path, a plan without test targets, a step that sets up the test runner', async () => {
    const entry = spPlan({ tasks: task('### Task 2: Share link', '**Files:**', '- Modify: `backend/app/schemas/task.py` only if needed for shared payload reuse', '', ...TASK.slice(6)) });
    expect(await lint('sp-files-exact-paths', entry)).toEqual([]);
    const code = ['- [ ] **Step 1: Create `Detector.swift` with the detector class**', '', '```swift', 'final class Detector { func run() {} }', '```', '', '- [ ] **Step 2: Write the test**', '', '```swift', 'func testRuns() { Detector().run() }', '```', '', '- [ ] **Step 3: Commit**', '', '```bash', 'git add Detector.swift', 'git commit -m "feat: add detector"', '```'];
    const noTargets = spPlan({ before: ['## Notes', '', '- No unit test targets exist — verification is build success + manual device test', ''], tasks: task('### Task 2: Detector', '**Files:**', '- Create: `Detector.swift`', '', ...code) });
    expect(await lint('sp-failing-test-first', noTargets)).toEqual([]);
    const config = ['- [ ] **Step 1: Create `web/vitest.config.ts`**', '', '```ts', 'export default { test: { environment: "jsdom" } };', '```', '', '- [ ] **Step 2: Write the failing test**', '', '```ts', 'it("renders", () => expect(render()).toBeTruthy());', '```', '', '- [ ] **Step 3: Run it**', '', 'Run: `npx vitest run`', 'Expected: FAIL with "render is not defined"', '', '- [ ] **Step 4: Implement `render`**', '', '```ts', 'export const render = () => "<div/>";', '```', '', '- [ ] **Step 5: Commit**', '', '```bash', 'git add web', 'git commit -m "feat(web): render"', '```'];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 2: Web UI', '**Files:**', '- Create: `web/vitest.config.ts`', '- Create: `web/src/render.ts`', '', ...config) }))).toEqual([]);
  });
});

describe('habits of the twenty-third blind batch', () => {
  it('sp-code-step-without-code leaves a step that writes an empty file', async () => {
    const body = ['- [ ] **Step 2: Implement `src/isbe/observability/__init__.py` (empty)**'];
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 1: Observability', '**Files:**', '- Create: `src/isbe/observability/__init__.py`', '', ...body) }))).toEqual([]);
  });

  it('sp-no-placeholders leaves a bare `...` in the block shown as the result of an edit', async () => {
    const body = ['- [ ] **Step 1.1 — Add the field**', '', 'Inside `message PColumn`, after the `derived` field (tag 17), add:', '', '```protobuf', '  optional bool isVirtual = 18 [default = false];', '```', '', 'Resulting block:', '', '```protobuf', 'message PColumn {', '  required bytes columnNameBytes = 1;', '  ...', '  optional bool isVirtual = 18 [default = false];', '}', '```'];
    expect(await lint('sp-no-placeholders', spPlan({ tasks: task('### Task 1: Protobuf field', '**Files:** `src/main/protobuf/PTable.proto`', '', ...body) }))).toEqual([]);
  });

  it('sp-run-expected asks nothing after `git tag`, which prints nothing when it works', async () => {
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 5: Release', '- [ ] `git tag p1.6-worker-service`.') }))).toEqual([]);
  });

  it('sp-file-structure reports a file several tasks touch once, at the first', async () => {
    const map = ['## File Structure', '', '- `src/collect.py` — collects the feed', ''];
    const touch = (n: number): string[] => task(`### Task ${n}: Step ${n}`, '**Files:**', '- Modify: `src/collect.py`', '- Modify: `src/github.py`', '', ...TASK.slice(6));
    const found = await lint('sp-file-structure', spPlan({ before: map, tasks: [...touch(1), ...touch(2)] }));
    expect(found).toEqual([expect.stringMatching(/^Task 1's file `src\/github.py` is not in the file map/)]);
  });

  it('strict rules: a line number beside a quoted code anchor, a step that adds the test script and its runner config', async () => {
    const anchored = ['- [ ] **Step 1: Add the auto option**', '', 'Edit `lib/config.rb`. After line 40 (`def country; ... end`), add:', '', '```ruby', 'def auto?; @auto; end', '```'];
    expect(await lint('sp-files-line-range', spPlan({ tasks: task('### Task 1: Auto', '**Files:**', '- Modify: `lib/config.rb`', '', ...anchored) }))).toEqual([]);
    const setup = ['- [ ] **Step 1: Add `zod` to the database package**', '', 'Add script `"test": "vitest run"` and create `packages/database/vitest.config.ts`:', '', '```typescript', 'export default defineConfig({ test: { environment: "node" } });', '```', '', '- [ ] **Step 2: Write failing test**', '', '```typescript', 'it("reads the url", () => expect(keys().DATABASE_URL).toBeDefined());', '```', '', '- [ ] **Step 3: Run it**', '', 'Run: `pnpm test`', 'Expected: FAIL with "Cannot find module ./keys"', '', '- [ ] **Step 4: Implement `keys`**', '', '```typescript', 'export const keys = () => ({ DATABASE_URL: process.env.DATABASE_URL });', '```', '', '- [ ] **Step 5: Commit**', '', '```bash', 'git add packages/database', 'git commit -m "feat(database): typed keys"', '```'];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Keys', '**Files:**', '- Create: `packages/database/keys.ts`', '', ...setup) }))).toEqual([]);
  });
});

describe('habits of findings first judged after their fixes (round 19)', () => {
  it('sp-run-expected takes the outcome after an inline run in a task written as prose', async () => {
    const prose = ['Modify `tests/hooks/test-session-start.sh` to add the control-character cases.', '', 'Run `bash tests/hooks/test-session-start.sh` and confirm the new tests fail before changing the hooks.'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Add RED Regression Test', ...prose) }))).toEqual([]);
    const silent = ['Run `bash tests/hooks/test-session-start.sh` before changing the hooks.'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Add RED Regression Test', ...silent) }))).toEqual([
      expect.stringMatching(/^Task 1 runs "Run `bash tests\/hooks\/test-session-start.sh` before/),
    ]);
  });

  it('sp-run-expected asks nothing of a search a step runs, to read a file before editing it or to find a section', async () => {
    const read = ['- [ ] **Step 1:** Read current plan header template', '', 'Run: `grep -A 20 "Plan Document Header" skills/writing-plans/SKILL.md`'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 5: Header', ...read) }))).toEqual([]);
    const find = ['- [ ] **Step 1: Find the review section**', '', 'Run: `grep -n "## Review" skills/brainstorming/SKILL.md`'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 2: Review loop', ...find) }))).toEqual([]);
  });

  it('sp-code-step-without-code leaves a step that says it does not apply', async () => {
    const body = ['**Step 1: Write the failing test**', '', 'Not applicable (Makefile).', '', '**Step 2: Implement targets**', '', '```makefile', 'manifest:', '\tgo run ./cmd/manifest', '```'];
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 3: Makefile targets', '**Files:**', '- Modify: `Makefile`', '', ...body) }))).toEqual([]);
  });

  it('strict sp-files-exact-paths: a Files line that touches files only on a condition, a map row of regenerated output', async () => {
    const conditional = spPlan({ tasks: task('### Task 5: Verify and review', '**Files:** tests only if gaps are discovered', '', ...TASK.slice(6)) });
    expect(await lint('sp-files-exact-paths', conditional)).toEqual([]);
    const map = ['## File Structure', '', '| File | Change |', '| --- | --- |', '| `tests/golden/sqlinstance-*.yaml` | regenerated |', '| `src/*.ts` | new modules |', ''];
    expect(await lint('sp-files-exact-paths', spPlan({ before: map }))).toEqual([expect.stringMatching(/^File Structure entry "`src\/\*\.ts` \| new modules \|" names a pattern/)]);
  });
});

describe('habits of the twenty-fourth and twenty-fifth blind batches (round 20)', () => {
  it('sp-header-tech-stack reads a bullet list under a bare "**Tech Stack:**" label as its value', async () => {
    expect(await lint('sp-header-tech-stack', spPlan({ techStack: '\n- Rust stable + nightly fmt/clippy\n- gpui (workspace dep)' }))).toEqual([]);
    expect(await lint('sp-header-tech-stack', spPlan({ techStack: '' }))).toEqual([expect.stringContaining('line is empty')]);
  });

  it('sp-header-architecture-length does not count a list item\'s bold label as a sentence', async () => {
    const architecture =
      '\n- **Main process (Node).** Holds every service the app needs, from the store to the tool host. Each one is a plain module with injected dependencies.\n- **Preload.** Exposes a whitelisted bridge that returns result envelopes.\n- **Renderer.** Turns envelopes into promises and renders the project views.\n- **Tools.** Each tool declares a contract in its own module. They share one channel to the main process.';
    expect(await lint('sp-header-architecture-length', spPlan({ architecture }))).toEqual([expect.stringMatching(/^The Architecture has 6 sentences/)]);
  });

  it('sp-commit-step takes a step that puts the commit off for no commit step, nor for a task without one', async () => {
    const later = task('### Task 2: Rules', '**Files:**', '- Create: `rules.mjs`', '', '- [ ] **Step 1: Commit**', '', '```bash', 'git add init.mjs rules.mjs', 'git commit -m "feat: bootstrap rules"', '```');
    for (const title of ['- [ ] **Step 2: 暂时不 commit（等所有 task 完成一并 commit）**', '- [ ] **Step 2: Do not commit yet (Task 2 commits both)**']) {
      const first = task('### Task 1: Init', '**Files:**', '- Create: `init.mjs`', '', '- [ ] **Step 1: Write `init.mjs`**', '', '```js', 'export const init = () => 1;', '```', '', title);
      expect(await lint('sp-commit-step', spPlan({ tasks: [...first, ...later] })), title).toEqual([]);
    }
  });

  it('sp-no-placeholders leaves a bare ellipsis line and a `TODO(topic):` the step writes, not a bare TODO', async () => {
    const code = (line: string): string[] => task('### Task 2: Chain view', '**Files:**', '- Create: `src/ChainNode.tsx`', '', '- [ ] **Step 1: Create `ChainNode.tsx`**', '', '```tsx', 'export const Collapsed = () => (', '  <button>', line, '  </button>', ');', '```');
    for (const line of ['    …', '    ...', '// TODO(light-theme): the M15 hover fields need light values']) expect(await lint('sp-no-placeholders', spPlan({ tasks: code(line) })), line).toEqual([]);
    expect(await lint('sp-no-placeholders', spPlan({ tasks: code('// TODO: render the hidden count') }))).toEqual([expect.stringContaining('has a placeholder ("// TODO: render the hidden count")')]);
  });

  it('sp-code-step-without-code leaves a step that writes settings in a task with a configuration file', async () => {
    const body = ['**Files:**', '- Create: `references/adapter-contract.md`', '- Create: `scripts/adapter_probe.py`', '- Create: `agents/openai.yaml`', '', '- [ ] Implement the probe timeout and cancellation.', '- [ ] Add packaging/discovery metadata without embedding secrets or endpoint credentials.'];
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 5: Adapter', ...body) }))).toEqual([expect.stringMatching(/^Step 1 of Task 5/)]);
  });

  it('sp-run-expected reads a command in brackets after a run step\'s bold head', async () => {
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 3: Feeds', '- [ ] **Step 2: Run red** (in-container: `env -u CORE_API_URL npm test -w web -- feeds`).') }))).toEqual([]);
  });

  it('sp-file-structure expands a task\'s brace list, and leaves two alternatives the task has not decided between', async () => {
    const map = ['## File Structure', '', '- `backends/ollama.py` — setup URL', '- `backends/gemini.py` — setup URL', '- `ui/help.py` — help cards', '- `tests/test_help.py` — help tests', ''];
    const braces = task('### Task 1: Help cards', '**Files:**', '- Modify: `backends/{ollama,gemini}.py`', '- Modify: `ui/help.py`', '- Test: `tests/test_help.py`', '', ...TASK.slice(6));
    expect(await lint('sp-file-structure', spPlan({ before: map, tasks: braces }))).toEqual([]);
    const alternatives = task('### Task 1: Help cards', '**Files:**', '- Modify: `backends/ollama.py`', '- Modify: `ui/help.py`', '- Test: the existing web test (`web/feeds.render.test.ts` or `web/source-actions.test.ts`)', '', ...TASK.slice(6));
    expect(await lint('sp-file-structure', spPlan({ before: map, tasks: alternatives }))).toEqual([]);
  });

  it('strict sp-type-consistency lets a task consume a name a later task only rewrites in files it modifies', async () => {
    const first = task('### Task 1: Baseline', '**Interfaces:**', '- Consumes: scoring `tokenize`.', '- Produces: a baseline; no source change.', '', '- [ ] **Step 1: Run the current tests**', '', 'Run: `go test ./internal/scoring/`', 'Expected: PASS');
    const rewrite = (action: string): string[] => task('### Task 3: Delegate', '**Files:**', `- ${action}: \`internal/scoring/tokenize.go\``, '', '- [ ] **Step 1: Delegate**', '', '```go', 'func tokenize(text string) []string { return tokenmatch.Tokenize(text) }', '```');
    expect(await lint('sp-type-consistency', spPlan({ tasks: [...first, ...rewrite('Modify')] }))).toEqual([]);
    expect(await lint('sp-type-consistency', spPlan({ tasks: [...first, ...rewrite('Create')] }))).toEqual([expect.stringContaining('which only Task 3 produces')]);
  });

  it('strict sp-failing-test-first hears "has no unit-test harness" said before the tasks', async () => {
    const code = ['- [ ] **Step 1: Create `src/hooks/useChains.ts`**', '', '```ts', 'export const useChains = () => [];', '```', '', '- [ ] **Step 2: Write the test**', '', '```ts', 'it("starts empty", () => expect(useChains()).toEqual([]));', '```', '', '- [ ] **Step 3: Commit**', '', '```bash', 'git add src/hooks', 'git commit -m "feat: chains hook"', '```'];
    const plan = (note: string): string => spPlan({ before: [note], tasks: task('### Task 1: Chains', '**Files:**', '- Create: `src/hooks/useChains.ts`', '', ...code) });
    expect(await lint('sp-failing-test-first', plan('**Testing note:** This demo package has no unit-test harness; each task is verified by a build.'))).toEqual([]);
    expect(await lint('sp-failing-test-first', plan('**Testing note:** Each task is verified by a build.'))).toEqual([expect.stringContaining('before any test has been seen to fail')]);
  });
});

describe('habits of the twenty-sixth and twenty-seventh blind batches (round 21)', () => {
  it('sp-commit-step reads `git -c user.name="A B" \\` over continued lines as the commit', async () => {
    const commit = ['- [ ] **Step 3: Commit**', '', '```bash', 'git -c user.name="Matthew Stone" -c user.email="m@example.com" \\', '    add crates/broker/tests/jvm_acceptance.rs', 'git -c user.name="Matthew Stone" -c user.email="m@example.com" \\', '    commit -m "test(broker): legacy image constant"', '```'];
    expect(await lint('sp-commit-step', spPlan({ tasks: task('### Task 1: Legacy image', '**Files:**', '- Modify: `crates/broker/tests/jvm_acceptance.rs`', '', ...commit) }))).toEqual([]);
  });

  it('sp-commit-step leaves commits to the session that runs the plan ("No worker commits; root commits …")', async () => {
    const before = ['## Constraints', '', '- No worker commits; root commits the reviewed assembled result.'];
    const steps = task('### Task 3: Menus', '**Files:** `ui/Workbench.svelte`', '', '- [x] Run full checks, repair actionable findings, then commit on codex/consolidated-menus.');
    expect(await lint('sp-commit-step', spPlan({ before, tasks: steps }))).toEqual([]);
  });

  it('sp-run-expected hears an Expected written in another language ("Esperado: …")', async () => {
    const body = ['- [ ] **Step 2: Smoke test**', '', '```bash', 'node scripts/delta.mjs --period all', '```', '', 'Esperado: `all` mostra `current=6000, previous=0`.'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Delta', ...body) }))).toEqual([]);
  });

  it('sp-file-structure takes a "Planned File Map" with bare brace lists in a tree as the map', async () => {
    const map = ['## Planned File Map', '', '```text', 'Cargo.toml', 'crates/core/src/{lib.rs,error.rs,ids.rs}', 'crates/store/src/{lib.rs,journal.rs}', '```'];
    const files = task('### Task 1: Core', '**Files:**', '- Create: `crates/core/src/lib.rs`', '- Create: `crates/core/src/error.rs`', '- Create: `crates/core/src/ids.rs`', '- Create: `crates/store/src/journal.rs`', '', ...TASK.slice(6));
    expect(await lint('sp-file-structure', spPlan({ before: map, tasks: files }))).toEqual([]);
    const missing = task('### Task 1: Core', '**Files:**', '- Create: `crates/core/src/lib.rs`', '- Create: `crates/core/tests/props.rs`', '- Create: `crates/core/src/ids.rs`', '- Create: `crates/store/src/journal.rs`', '', ...TASK.slice(6));
    expect(await lint('sp-file-structure', spPlan({ before: map, tasks: missing }))).toEqual([expect.stringMatching(/^Task 1's file `crates\/core\/tests\/props.rs` is not in the file map \("Planned File Map"/)]);
  });

  it('sp-code-step-without-code leaves "Remove:" over a whole statement', async () => {
    const body = ['**Step 3: Update yamalgam-parser/src/lib.rs**', '', 'Remove:', '- `pub mod cst;`'];
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 2: Move the CST', '**Files:**', '- Modify: `yamalgam-parser/src/lib.rs`', '', ...body) }))).toEqual([]);
  });

  it('sp-step-checkbox leaves a plan written to the older skill, whatever its lists', async () => {
    const older = spPlan({ agentic: '> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task.', tasks: task('### Task 1: Scanner fixes', '**Files:**', '- Modify: `src/scanner.rs`', '', '**5 fixes:**', '1. `SF5V` — duplicate `%YAML`: check `seen_yaml_directive`', '2. `9MMA` — directive-only stream: error at EOF') });
    expect(await lint('sp-step-checkbox', older)).toEqual([]);
  });

  it('strict sp-files-exact-paths: a bare path before a full stop, output generated by the build', async () => {
    const line = '**Files:** ui/WorkspaceMenus.svelte, new ui/workspace-menu-model.ts, new tests/browser/consolidated-menus.spec.mjs.';
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: task('### Task 2: Menus', line, '', ...TASK.slice(6)) }))).toEqual([]);
    const generated = '**Files:** ui/Workbench.svelte, relevant existing browser tests, dist generated by build.';
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: task('### Task 3: Menus', generated, '', ...TASK.slice(6)) }))).toEqual([expect.stringMatching(/^Files entry "relevant existing browser tests" of Task 3 names no file path/)]);
  });
});

describe('habits of the twenty-eighth and twenty-ninth blind batches (round 22)', () => {
  const twoTasks = (first: string[], second: string[]): string[] => [
    ...task('### Task 1: Crate metadata', '**Files:**', ...first, '', ...TASK.slice(6)),
    ...task('### Task 2: Release', '**Files:**', ...second, '', ...TASK.slice(6)),
  ];

  it('sp-file-structure takes an Architecture that names most of the files, by path, for the map; directories alone are not one', async () => {
    const tasks = twoTasks(['- Modify: `core/Cargo.toml`', '- Create: `core/README.md`'], ['- Create: `docs/release-guide.md`', '- Create: `.github/workflows/release-core.yml`', '- Create: `scripts/release.sh`']);
    const architecture = 'Enrich `core/Cargo.toml`, provide `core/README.md`, document release commands in `docs/release-guide.md`, and configure `.github/workflows/release-core.yml`.';
    expect(await lint('sp-file-structure', spPlan({ architecture, tasks }))).toEqual([]);
    const directories = 'Crates under `core/`, the guide under `docs/`, the workflow in `.github/workflows/`.';
    expect(await lint('sp-file-structure', spPlan({ architecture: directories, tasks }))).toEqual([expect.stringMatching(/^The plan has no File Structure section/)]);
  });

  it('sp-file-structure takes a map entry naming a directory without its slash (`crates/schema`) for the files under it', async () => {
    const map = ['## File Structure', '', '- **`crates/schema`** — verify the `ValidSchema` serde round-trip', '- **`crates/plugin/src/manifest.rs`** — the manifest body'];
    const tasks = twoTasks(['- Create: `crates/schema/tests/valid_schema_roundtrip.rs`'], ['- Modify: `crates/plugin/src/manifest.rs`', '- Create: `crates/schema/src/lib.rs`', '- Create: `crates/schemas/src/other.rs`']);
    expect(await lint('sp-file-structure', spPlan({ before: map, tasks }))).toEqual([expect.stringMatching(/^Task 2's file `crates\/schemas\/src\/other.rs` is not in the file map/)]);
  });

  it('sp-code-step-without-code leaves entries given with their values ("Extend `X` with `a: …`") and a value kept ("Keep `x` at `0`")', async () => {
    const files = ['**Files:**', '- Modify: `src/budgets.ts`', ''];
    const extend = ['- [x] **Step 4: Add the two immutable operation budgets**', '', 'Extend `OPERATION_BUDGETS` with `canonicalSnapshotAttempts: { maximum: 3 }` and `canonicalSnapshotRetryMilliseconds: { maximum: 60_000 }`.'];
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 1: Budgets', ...files, ...extend) }))).toEqual([]);
    const keep = ['- [x] **Step 1: Change defaults**', '', 'Keep `DEFAULT_RANKING_PARAMS.limit` at `0` for the full ranking.'];
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 1: Budgets', ...files, ...keep) }))).toEqual([]);
    const vague = ['- [x] **Step 4: Add the two immutable operation budgets**', '', 'Extend `OPERATION_BUDGETS` with the two new budgets.'];
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 1: Budgets', ...files, ...vague) }))).toEqual([expect.stringContaining('shows no code')]);
  });

  it('sp-run-expected does not take a prompt the step sends for commands, and hears "Confirm structure (in order):" over a list', async () => {
    const prompt = ['- [ ] **Step 2: Run Scenario A WITHOUT skill**', '', 'Dispatch a `general-purpose` subagent with EXACTLY this prompt:', '', '```', 'You are an agent finishing a work session. Session history (all of it true):', '- Project /tmp/inventory-sync (TypeScript). `npm test` → 34 passed.', '```'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Baseline', ...prompt) }))).toEqual([]);
    const commands = ['- [ ] **Step 2: Run Scenario A WITHOUT skill**', '', '```', 'npm test -- --scenario a', '```'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Baseline', ...commands) }))).toEqual([expect.stringContaining('has no Expected')]);
    const confirm = ['- [ ] **Step 4: Verify the doc reads cleanly**', '', '```bash', 'cat MIGRATION-v2.md | head -10', 'grep -n "^## " MIGRATION-v2.md', '```', '', 'Confirm structure (in order):', '1. Title and opening', '2. Required actions'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 2: Guide', ...confirm) }))).toEqual([]);
  });

  it('sp-commit-step takes "…, commit, push, open a PR" for the plan\'s commit step, and asks it for the commands', async () => {
    const work = (n: number): string[] => task(`### Task ${n}: Part ${n}`, '**Files:**', `- Modify: \`src/part${n}.ts\``, '', '- [ ] **Step 1: Implement**', '', '```ts', `export const part${n} = ${n};`, '```');
    const publish = task('### Task 3: Publish', '- [ ] **Step 1: Review and publish**', '', 'Inspect the complete diff against `origin/main`, review it, commit, push, open a PR.');
    expect(await lint('sp-commit-step', spPlan({ tasks: [...work(1), ...work(2), ...publish] }))).toEqual([expect.stringMatching(/^Step 1 \("Review and publish"\) of Task 3 says to commit without the commands/)]);
  });

  it('strict sp-failing-test-first: a step that only declares a module, a run that only checks the code imports', async () => {
    const module = task(
      '### Task 2: Markdown to HTML',
      '**Files:**',
      '- Create: `src/mdconv.rs`',
      '- Modify: `src/main.rs`',
      '',
      '- [ ] **Step 1: Register the module**',
      '',
      '```rust',
      'mod mdconv;',
      '```',
      '',
      '- [ ] **Step 2: Write the failing tests**',
      '',
      '```rust',
      '#[cfg(test)]',
      'mod tests { #[test] fn heading() { assert_eq!(super::md_to_html("# A"), "<h1>A</h1>"); } }',
      '```',
      '',
      '- [ ] **Step 3: Run the tests**',
      '',
      'Run: `cargo test mdconv`',
      'Expected: FAIL with "cannot find function `md_to_html`"',
      '',
      '- [ ] **Step 4: Commit**',
      '',
      '```bash',
      'git add src/mdconv.rs src/main.rs',
      'git commit -m "feat: convert markdown to html"',
      '```',
    );
    expect(await lint('sp-failing-test-first', spPlan({ tasks: module }))).toEqual([]);
    const imports = task(
      '### Task 3: Block deactivated users',
      '**Files:**',
      '- Modify: `boswell/server/routes/auth.py`',
      '',
      '- [ ] **Step 1: Add deactivation check to `get_current_user`**',
      '',
      '```python',
      'if not user.is_active:',
      '    raise HTTPException(status_code=403)',
      '```',
      '',
      '- [ ] **Step 2: Verify no import errors**',
      '',
      'Run: `uv run python -c "from boswell.server.routes.auth import get_current_user; print(\'OK\')"`',
      'Expected: `OK`',
      '',
      '- [ ] **Step 3: Commit**',
      '',
      '```bash',
      'git add boswell/server/routes/auth.py',
      'git commit -m "feat(auth): block deactivated users"',
      '```',
    );
    expect(await lint('sp-failing-test-first', spPlan({ tasks: imports }))).toEqual([]);
  });
});

describe('habits of the thirty-first and thirty-second blind batches (round 23)', () => {
  it('sp-run-expected asks nothing of an inline command with nothing to expect ("Run `go generate ./…`"), as of one in a block', async () => {
    const generate = ['- [ ] **Step 1: Add Schemas to SourceConfig**', '', '```go', 'Schemas []string `json:"schemas"`', '```', '', '- [ ] **Step 2: Run `go generate ./internal/protocol/...`**', '- [ ] **Step 3: Commit**'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Protocol', ...generate) }))).toEqual([]);
    const test = generate.map((line) => line.replace('go generate', 'go test'));
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Protocol', ...test) }))).toEqual([expect.stringContaining('has no Expected')]);
  });

  it('strict sp-failing-test-first: a task whose title says it adds fields to a type declares a shape', async () => {
    const fields = (title: string): string[] =>
      task(
        `### Task 1.1: ${title}`,
        '**Files:**',
        '- Modify: `crates/core/src/metrics.rs`',
        '',
        '- [ ] **Step 1: Add the fields**',
        '',
        '```rust',
        'pub struct ContributionMetrics { pub bytes_relayed: u64, pub bytes_received: u64 }',
        '```',
        '',
        '- [ ] **Step 2: Run existing tests to ensure nothing breaks**',
        '',
        'Run: `cargo test -p tom-core`',
        'Expected: PASS',
        '',
        '- [ ] **Step 3: Commit**',
        '',
        '```bash',
        'git add crates/core/src/metrics.rs',
        'git commit -m "feat(core): count relayed bandwidth"',
        '```',
      );
    expect(await lint('sp-failing-test-first', spPlan({ tasks: fields('Extend ContributionMetrics with Bandwidth Fields') }))).toEqual([]);
    expect(await lint('sp-failing-test-first', spPlan({ tasks: fields('Score contributions by bandwidth') }))).toEqual([expect.stringContaining('before any test has been seen to fail')]);
  });
});

describe('habits of the thirtieth blind batch (round 24)', () => {
  it('sp-header-agentic-line and sp-header-tech-stack read a header written in Italian ("Per worker agentici:", "**Stack:**")', async () => {
    const header = (addressee: string): string =>
      [
        '# Piano di implementazione — Calendario consapevole dei festivi',
        '',
        `> **${addressee}:** SUB-SKILL RICHIESTA: superpowers:subagent-driven-development. Step a checkbox (\`- [ ]\`).`,
        '',
        "**Obiettivo:** far saltare i giorni festivi al calcolo del prossimo giorno lavorativo.",
        '',
        '**Architettura:** nuovo modulo `utils/workdays.py` espone `is_working_day`.',
        '',
        '**Stack:** Python 3.10+, libreria `holidays`, pytest, ruff.',
        '',
        '---',
        '',
        ...TASK,
      ].join('\n');
    expect(await lint('sp-header-agentic-line', header('Per worker agentici'))).toEqual([]);
    expect(await lint('sp-header-tech-stack', header('Per worker agentici'))).toEqual([]);
    // Since round 38 any address is taken where the line names an execution skill.
    expect(await lint('sp-header-agentic-line', header('Per Codex'))).toEqual([]);
  });

  it('sp-global-constraints takes a plan of a series that points to where its constraints are kept', async () => {
    const tasks = task('### Task 1: Injectable clock', '**Interfaces:**', '- Produces: `trait Clock { fn now(&self) -> Timestamp; }`', '', ...TASK.slice(2));
    const pointer = ['**Read first:** `2026-07-31-bathy-v0.1-overview.md` Global Constraints, and M1 Tasks 2 and 5.'];
    expect(await lint('sp-global-constraints', spPlan({ before: pointer, tasks }))).toEqual([]);
    expect(await lint('sp-global-constraints', spPlan({ tasks }))).toEqual([expect.stringContaining('has no "## Global Constraints" section')]);
  });

  it('sp-code-step-without-code leaves a file the step says to leave empty, shown by its path', async () => {
    const marker = (title: string, note: string[]): string[] =>
      task('## Task 1: Package marker', '**Files:**', '- Create: `src/halluci_mate/distill/__init__.py`', '', `- [ ] **Step 1: ${title}**`, '', '```python', '# src/halluci_mate/distill/__init__.py', '```', '', ...note);
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: marker('Create the empty package marker', []) }))).toEqual([]);
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: marker('Create the package marker', ['(Leave the file empty — minimal `__init__.py`.)']) }))).toEqual([]);
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: marker('Create the package marker', []) }))).toEqual([expect.stringContaining('holds only comments')]);
  });

  it('strict sp-files-exact-paths takes root files named by convention with a suffix (`LICENSE-MIT`) for exact paths', async () => {
    const tasks = task('### Task 1: Licenses', '**Files:**', '- Create: `LICENSE-MIT`', '- Create: `LICENSE-APACHE`', '- Create: `PKGBUILD`', '', ...TASK.slice(6));
    expect(await lint('sp-files-exact-paths', spPlan({ tasks }))).toEqual([]);
    const unnamed = task('### Task 1: Licenses', '**Files:**', '- Create: the license files', '', ...TASK.slice(6));
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: unnamed }))).toEqual([expect.stringContaining('names no file path')]);
  });

  it('strict sp-failing-test-first: a Dockerfile is build configuration, and an empty file is no code written before the test', async () => {
    const docker = task(
      '### Task 1: Multi-stage Dockerfile',
      '**Files:**',
      '- Create: `Dockerfile`',
      '- Create: `.dockerignore`',
      '',
      '- [ ] **Step 1: Create multi-stage Dockerfile**',
      '',
      '```dockerfile',
      'FROM rust:1.80 AS build',
      'RUN cargo build --release',
      '```',
      '',
      '- [ ] **Step 2: Verify the image builds**',
      '',
      'Run: `docker build -t compatmalloc .`',
      'Expected: PASS',
      '',
      '- [ ] **Step 3: Commit**',
      '',
      '```bash',
      'git add Dockerfile .dockerignore',
      'git commit -m "feat: add a multi-stage Dockerfile"',
      '```',
    );
    expect(await lint('sp-failing-test-first', spPlan({ tasks: docker }))).toEqual([]);
    const marker = task(
      '## Task 1: Package marker + `SelfPlayConfig`',
      '**Files:**',
      '- Create: `src/halluci_mate/distill/__init__.py`',
      '- Test: `tests/distill/engine_selfplay_test.py`',
      '',
      '- [ ] **Step 1: Create the empty package marker**',
      '',
      '```python',
      '# src/halluci_mate/distill/__init__.py',
      '```',
      '',
      '- [ ] **Step 2: Write the failing test**',
      '',
      '```python',
      'def test_defaults():',
      '    assert SelfPlayConfig().games == 100',
      '```',
      '',
      '- [ ] **Step 3: Run it**',
      '',
      'Run: `pytest tests/distill -q`',
      'Expected: FAIL with ImportError',
      '',
      '- [ ] **Step 4: Commit**',
      '',
      '```bash',
      'git add src/halluci_mate/distill tests/distill',
      'git commit -m "feat(distill): self-play config"',
      '```',
    );
    expect(await lint('sp-failing-test-first', spPlan({ tasks: marker }))).toEqual([]);
  });
});

describe('habits of the thirty-third and thirty-fourth blind batches (round 25)', () => {
  it('sp-run-expected takes a line that opens with the command under a run step\'s head for its command ("`mvn … test` → PASS.")', async () => {
    const step = (under: string): string[] => ['**Step 4 — Run, verify pass:**', under, '', '**Step 5 — Commit**'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: EntityId', ...step('`mvn -q -pl jclaim-core test -Dtest=EntityIdTest` → PASS.')) }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: EntityId', ...step('The focused tests pass.')) }))).toEqual([expect.stringContaining('names no command in the step')]);
  });

  it('sp-run-expected asks nothing of the diff a step shows to review ("Review final diff" over `git status --short`)', async () => {
    const review = (title: string): string[] => [`- [ ] **Step 1: ${title}**`, '', '```bash', 'git status --short', 'git diff --stat', '```'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 4: Commit and deploy', ...review('Review final diff')) }))).toEqual([]);
    const inline = ['- [x] Review `git diff --stat` and ensure unrelated `.codex/` deletions remain unstaged.'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 7: Final verification', ...inline) }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 4: Commit and deploy', ...review('Check the tree')) }))).toEqual([]);
  });

  it('strict sp-files-exact-paths: "All files above." scopes a closing commit', async () => {
    const tasks = task('### Task 4: Commit and deploy', '**Files:**', '- All files above.', '', ...TASK.slice(6));
    expect(await lint('sp-files-exact-paths', spPlan({ tasks }))).toEqual([]);
  });

  it('strict sp-failing-test-first: a field added to a type declares a shape, and a build check is no test run', async () => {
    const variant = (title: string, check: string[]): string[] =>
      task(
        `## Task 2: ${title}`,
        '**Files:**',
        '- Modify: `client/Options.hs:25-31`',
        '',
        '**Step 1: Add JWTWithNKey to Auth type**',
        '',
        '```haskell',
        'data Auth = None | JWT JWTTokenData | JWTWithNKey JWTTokenData NKeyData',
        '```',
        '',
        ...check,
        '',
        '**Step 3: Commit**',
        '',
        '```bash',
        'git add client/Options.hs',
        'git commit -m "feat(auth): add JWTWithNKey auth variant"',
        '```',
      );
    const build = ['**Step 2: Build to verify compilation**', '', 'Run: `cabal build`', 'Expected: Build succeeds'];
    const tests = ['**Step 2: Run the tests**', '', 'Run: `cabal test`', 'Expected: PASS'];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: variant('Add JWTWithNKey auth variant', build) }))).toEqual([]);
    expect(await lint('sp-failing-test-first', spPlan({ tasks: variant('Add result_text field to AcpCompleted event', tests) }))).toEqual([]);
    expect(await lint('sp-failing-test-first', spPlan({ tasks: variant('Add JWTWithNKey auth variant', tests) }))).toEqual([expect.stringContaining('before any test has been seen to fail')]);
  });

  it('strict sp-type-consistency takes a name the plan says already exists for one, not a slip of a name a task defines', async () => {
    const tasks = (prose: string): string[] => [
      ...task('### Task 1: Keymap display', '**Interfaces:**', '- Produces: `displayKeymap`', '', ...TASK.slice(2)),
      ...task('### Task 2: Toolbar', prose, '', '**Interfaces:**', '- Consumes: `resolveDisplayKeymap`', '', ...TASK.slice(2)),
    ];
    expect(await lint('sp-type-consistency', spPlan({ tasks: tasks("The helpers and their tests already exist. Preserve `resolveDisplayKeymap`'s array replacement.") }))).toEqual([]);
    expect(await lint('sp-type-consistency', spPlan({ tasks: tasks('Wire the toolbar to the keymap.') }))).toEqual([expect.stringContaining('use one name for both')]);
  });
});

describe('habits of the thirty-fifth and thirty-sixth blind batches (round 26)', () => {
  it('sp-run-expected takes "Verify: `data.json` … created." for what the run should leave, not for a command', async () => {
    const step = (after: string): string[] => ['- [ ] **Step 3: Run port script**', '', '```bash', 'npm run build:data', '```', '', after];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Port data', ...step('Verify: `src/data/racas.json` and `src/data/progressao_classes.json` created.')) }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Port data', ...step('Then go on to the next step.')) }))).toEqual([expect.stringContaining('`npm run build:data`')]);
  });
});

describe('habits of the thirty-seventh and thirty-eighth blind batches (round 27)', () => {
  const agentic = '> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:subagent-driven-development (recommended) or superpowers:executing-plans to implement this plan task-by-task.';

  it('sp-header-agentic-line reads the line after a note in the same quote, and a line that says where the plan is executed', async () => {
    const noted = spPlan({ agentic: `> Historical implementation recipe. Beads was retired on 2026-09-15.\n${agentic}` });
    expect(await lint('sp-header-agentic-line', noted)).toEqual([]);
    const here = spPlan({ agentic: '> **For agentic workers:** Execute this plan in the canonical checkout. Do not create or switch to an isolated worktree.' });
    expect(await lint('sp-header-agentic-line', here)).toEqual([]);
    const none = spPlan({ agentic: '> **For agentic workers:** Work carefully and keep the tests green.' });
    expect(await lint('sp-header-agentic-line', none)).toEqual([expect.stringContaining('names no REQUIRED SUB-SKILL')]);
  });

  it('sp-header-position leaves a note quoted above the header, and still reports unquoted text there', async () => {
    const quoted = spPlan({ title: '# PS3 Update-Worker Cancel Implementation Plan\n\n> **Reconciliation note (merge, 2026-08-19):** this plan landed in parallel with the supersession plan.' });
    expect(await lint('sp-header-position', quoted)).toEqual([]);
    const prose = spPlan({ title: "# PS3 Update-Worker Cancel Implementation Plan\n\nI'm using the writing-plans skill to create the implementation plan." });
    expect(await lint('sp-header-position', prose)).toEqual([expect.stringContaining('does not start with its header')]);
  });

  it('sp-commit-step owes no commit for files the plan keeps out of git ("under ignored `logs/x/` … must not be staged or committed")', async () => {
    const relay = (dir: string): string[] => task('### Task 1: Relay', '**Files:**', `- Create, ignored: \`${dir}connect-proxy.mjs\``, `- Create, ignored: \`${dir}run-card.md\``, '', '- [ ] **Step 1: Write the relay**', '', '```js', 'export const port = 8443;', '```');
    const before = ['- The relay source, tests, and run card live under ignored `logs/blink-oauth-egress-relay/` and must not be staged or committed.'];
    expect(await lint('sp-commit-step', spPlan({ before, tasks: relay('logs/blink-oauth-egress-relay/') }))).toEqual([]);
    expect(await lint('sp-commit-step', spPlan({ before, tasks: relay('src/relay/') }))).toEqual([expect.stringContaining('has no commit step')]);
  });

  it('sp-step-checkbox leaves numbered steps the plan explains before its tasks', async () => {
    const numbered = task('### Task 1: Probe', '1. Create `settings.gradle` with only Google and Maven Central.', '2. Run `./gradlew test`.');
    const why = ['> Execution state is tracked only in Beads issue `r7d`; numbered steps avoid a duplicate Markdown task tracker prohibited by this repository.'];
    expect(await lint('sp-step-checkbox', spPlan({ before: why, tasks: numbered }))).toEqual([]);
    expect(await lint('sp-step-checkbox', spPlan({ tasks: numbered }))).toEqual([expect.stringContaining('not checkboxes')]);
  });

  it('sp-code-step-without-code takes "Add `#include "…"` at top." for an exact edit', async () => {
    const include = (line: string): string[] => task('### Task 3: Flow6', '**Files:**', '- Modify: `samples/fcache/src/fcache.c`', '', '- [ ] **Step 1: Add flow6 include**', '', line);
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: include('Add `#include "../../samples/fcache/include/flow6_cache.h"` at top.') }))).toEqual([]);
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: include('Add the flow6 header where it is needed.') }))).toEqual([expect.stringContaining('shows no code')]);
  });

  it('strict sp-files-line-range takes lines named in a Modify entry\'s note ("(play() :176-200, install() :202-219)")', async () => {
    const tasks = (entry: string): string[] => task('### Task 1: Cancel', '**Files:**', entry, '', '- [ ] **Step 1: Guard install**', '', 'After line 217, refuse while a worker is live.', '', '```cpp', 'if (updateWorkerLive_) return;', '```');
    expect(await lint('sp-files-line-range', spPlan({ tasks: tasks('- Modify: `native/src/core/EmulatorManager.cpp` (play() :176-200, install() :202-219)') }))).toEqual([]);
    expect(await lint('sp-files-line-range', spPlan({ tasks: tasks('- Modify: `native/src/core/EmulatorManager.cpp`') }))).toEqual([expect.stringContaining('places an edit by line number')]);
  });

  it('strict sp-type-consistency takes a type and the function that makes it (`store`, `store_create`) for two names', async () => {
    const tasks = (consumed: string): string[] => [
      ...task('### Task 1: State store', '**Interfaces:**', '- Produces `henka_script_state_store_create`', '', ...TASK.slice(2)),
      ...task('### Task 2: Host', '**Interfaces:**', `- Consumes \`${consumed}\` from Task 1.`, '', ...TASK.slice(2)),
    ];
    expect(await lint('sp-type-consistency', spPlan({ tasks: tasks('henka_script_state_store') }))).toEqual([]);
    expect(await lint('sp-type-consistency', spPlan({ tasks: tasks('henka_script_state_store_crate') }))).toEqual([expect.stringContaining('use one name for both')]);
  });
});

describe('habits of the thirty-ninth and fortieth blind batches (round 28)', () => {
  it('sp-run-expected takes "Run the test command." for the command a "## Commands" section gives', async () => {
    const commands = ['## Commands', '', 'Tests:', '', '```', 'lua test/run.lua', '```', '', 'Expected on success: the final line reads `N passed, 0 failed`.'];
    const tasks = task('### Task 1: Bar fix', '- [ ] **Step 2: Run the tests to verify they fail**', '', "Run the test command. Expected: failures mentioning `attempt to call method 'Bar'`.");
    expect(await lint('sp-run-expected', spPlan({ before: commands, tasks }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks }))).toEqual([expect.stringContaining('names no command in the step')]);
  });

  it('strict sp-files-exact-paths takes a root script named without an extension for a path when the file map lists it', async () => {
    const tasks = task('### Task 1: Migrate', '**Files:**', '- Modify: `grove` — add `cmd_migrate`', '- Create: `tests/migrate.sh`', '', ...TASK.slice(6));
    const map = ['## File Structure', '', '- `grove` (modified) — add `_worktree_path_for` and `cmd_migrate`.', '- `tests/migrate.sh` (created) — the test runner.'];
    expect(await lint('sp-files-exact-paths', spPlan({ before: map, tasks }))).toEqual([]);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks }))).toEqual([expect.stringContaining('names no file path')]);
  });
});

describe('habits of the forty-first and forty-second blind batches (round 29)', () => {
  it('sp-commit-step owes no commit where the plan bans git commits in its own words, or a task says it stops without one', async () => {
    const tasks = task('### Task 1: Tile origin', '**Files:**', '- Create: `src/core/tile_server.py`', '', '- [ ] **Step 1: Write the listener**', '', '```python', 'PORT = 5001', '```');
    const bans = [
      '- 不执行 `git add`、`git commit`、`git reset` 或其他 Git mutation。',
      '- Do not run `git add`, `git commit` or `git push`; the maintainer commits.',
    ];
    for (const ban of bans) expect(await lint('sp-commit-step', spPlan({ before: ['## Global Constraints', '', ban], tasks })), ban).toEqual([]);
    const checkpoint = [...tasks, '- [ ] **Step 2: Review checkpoint without committing**', '', 'Inspect `git diff` and confirm nothing unrelated changed. Do not stage or commit.', ''];
    expect(await lint('sp-commit-step', spPlan({ tasks: checkpoint }))).toEqual([]);
    // A ban on one way of committing still leaves the task owing a commit.
    const noVerify = ['## Global Constraints', '', '- 禁止使用 `git commit --no-verify` 跳过钩子。'];
    expect(await lint('sp-commit-step', spPlan({ before: noVerify, tasks }))).toEqual([expect.stringContaining('has no commit step')]);
  });
});

describe('habits of the forty-third and forty-fourth blind batches (round 30)', () => {
  it('sp-run-expected hears "; expect missing oscillator APIs" as what to expect, and asks only for the command', async () => {
    const tasks = task('### Task 3: Reference DSP', '- [ ] Write oscillator tests for phase progression and reset.', '- [ ] Run the focused tests; expect missing oscillator APIs.');
    expect(await lint('sp-run-expected', spPlan({ tasks }))).toEqual([expect.stringContaining('says to run something and what to expect, but names no command')]);
  });

  it('sp-run-expected takes "Both test commands" for the commands a constraint line gives once', async () => {
    const constraints = ['**Global constraints:**', '- Test commands: `nim c -r tests/test_schema.nim` AND `nim c -r tests/test_all.nim` — both exit 0.'];
    const tasks = task('### Task 1: Persist indexes', '- [ ] **Step 4: Run, watch them pass**', '', 'Both test commands; expected PASS + test_all green.');
    expect(await lint('sp-run-expected', spPlan({ before: constraints, tasks }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks }))).toEqual([expect.stringContaining('names no command in the step')]);
  });

  it('sp-run-expected asks nothing of a command that sets up the repository the next steps work in', async () => {
    const tasks = (line: string): string[] => task('### Task 1: Skeleton', line, '- [ ] Run `cargo test`; expect the empty crate to compile.');
    expect(await lint('sp-run-expected', spPlan({ tasks: tasks('- [ ] Initialize Git with `git init -b main`.') }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: tasks('- [ ] Check the crate with `cargo check --all-targets`.') }))).toEqual([expect.stringContaining('has no Expected')]);
  });

  it('strict sp-files-exact-paths takes "Modify any file producing verification failures" for a condition', async () => {
    const tasks = (files: string): string[] => task('### Task 8: Final verification', files, '', '- [ ] Run `cargo fmt --check`; expect success.');
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: tasks('**Files:** Modify any file producing verification failures; update `docs/HANDOFF.md`.') }))).toEqual([]);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: tasks('**Files:** Modify the verification modules; update `docs/HANDOFF.md`.') }))).toEqual([expect.stringContaining('names no file path')]);
  });

  it('strict sp-failing-test-first: a property nothing uses yet ships no behaviour to test', async () => {
    const tasks = (expected: string): string[] =>
      task('### Task 1: Add inbox channel to Node', '**Files:**', '- Modify: `src/raft/node.cr`', '', '**Step 1: Add channel property**', '', '```crystal', 'getter inbox : Channel(Message) = Channel(Message).new(64)', '```', '', '**Step 2: Run tests to verify no breakage**', '', 'Run: `crystal spec`', `Expected: ${expected}`, '', '**Step 3: Commit**', '', '```bash', 'git add src/raft/node.cr', 'git commit -m "feat: add inbox channel to Node"', '```');
    expect(await lint('sp-failing-test-first', spPlan({ tasks: tasks('All tests pass (channel exists but nothing uses it yet)') }))).toEqual([]);
    expect(await lint('sp-failing-test-first', spPlan({ tasks: tasks('All tests pass') }))).toEqual([expect.stringContaining('before any test has been seen to fail')]);
  });

  it('strict sp-type-consistency takes a local that holds what a consumed call returns for another name, not a slip', async () => {
    const tasks = (code: string): string[] =>
      task('### Task 1: Require mention', '**Interfaces:**', '- Consumes: `botUserId()` from the gateway.', '', '- [ ] **Step 1: Gate channel messages**', '', '```ts', code, '```');
    expect(await lint('sp-type-consistency', spPlan({ tasks: tasks('export function mentioned(text: string): boolean {\n  const botId = gateway.botUserId();\n  return text.includes(`<@${botId}>`);\n}') }))).toEqual([]);
    expect(await lint('sp-type-consistency', spPlan({ tasks: tasks('export function mentioned(text: string): boolean {\n  const botId = gateway.id;\n  return text.includes(`<@${botId}>`);\n}') }))).toEqual([expect.stringContaining('use one name for both')]);
  });
});

describe('habits of the forty-fifth and forty-sixth blind batches (round 31)', () => {
  it('sp-run-expected asks nothing of a formatter run by its path (`vendor/bin/pint --dirty`), as of `cargo fmt`', async () => {
    const tasks = (command: string): string[] => task('### Task 1: Beta flag', '- [ ] **Step 2: Run Pint**', '', '```bash', command, '```', '', '- [ ] **Step 3: Commit**', '', '```bash', 'git add app/', 'git commit -m "feat: beta flag"', '```');
    expect(await lint('sp-run-expected', spPlan({ tasks: tasks('vendor/bin/pint --dirty --format agent') }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: tasks('vendor/bin/phpstan analyse app') }))).toEqual([expect.stringContaining('has no Expected')]);
  });

  it('sp-run-expected takes "Same command → PASS" to repeat a command an earlier step gave inline', async () => {
    const red = ['- [ ] **Step 2: Run RED.**', '      `uv run pytest tests/pg_cron/test_retry.py -v` → FAIL (field `retry_kind` does not exist).', ''];
    const green = ['- [ ] **Step 4: Run GREEN.** Same command → PASS once the field exists.'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Typed fields', ...red, ...green) }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Typed fields', ...green) }))).toEqual([expect.stringContaining('names no command in the step')]);
  });

  it('sp-code-step-without-code leaves the implementation steps of a plan that describes its implementation in prose by choice', async () => {
    const tasks = task('### Task 1: Typed fields', '**Files:**', '- Modify: `django_absurd/pg_cron/models.py`', '', '- [ ] **Step 1: Write the failing test for `retry_kind`**', '', '- [ ] **Step 3: Implement the `RetryKind` choices in `models.py`**');
    const choice = ['## Global Constraints', '', '- TDD RED-first. This plan shows tests as code; implementation described in PROSE only —', '  never a finished production code block.'];
    expect(await lint('sp-code-step-without-code', spPlan({ before: choice, tasks }))).toEqual([expect.stringContaining('("Write the failing test')]);
    expect(await lint('sp-code-step-without-code', spPlan({ tasks }))).toHaveLength(2);
  });

  it('sp-header-architecture-length ends the Architecture at a paragraph under a bold label of its own', async () => {
    const plan = (gap: string): string =>
      spPlan({ architecture: 'The row stores flat typed columns for every option of the strategy. The wrapper reassembles the jsonb payload at fire time from those columns. The admin renders typed widgets for each column instead of a raw JSON editor.' }).replace(
        '**Tech Stack:**',
        `${gap}**Settings-driven values bubble up (REQUIREMENT).** Values set in code must materialize. A partial strategy round-trips. This covers the settings path. It is not an admin feature.\n\n**Tech Stack:**`,
      );
    expect(await lint('sp-header-architecture-length', plan(''))).toEqual([]);
    expect(await lint('sp-header-architecture-length', plan('').replace('**Settings-driven values bubble up (REQUIREMENT).** ', ''))).toEqual([expect.stringContaining('The Architecture has 7 sentences')]);
  });

  it('strict sp-files-line-range takes "replace lines 55–105 (from after `</flux:breadcrumbs>` …)" for an edit placed by its anchor', async () => {
    const tasks = (where: string): string[] => task('### Task 1: Edit button', '**Files:**', '- Modify: `resources/views/fiches/show.blade.php`', '', '- [ ] **Step 3: Add the edit button**', '', `In \`show.blade.php\`, replace lines 55–105${where} with:`, '', '```blade', '<flux:button>Edit</flux:button>', '```');
    expect(await lint('sp-files-line-range', spPlan({ tasks: tasks(' (from after `</flux:breadcrumbs>` through the closing `</div>`)') }))).toEqual([]);
    expect(await lint('sp-files-line-range', spPlan({ tasks: tasks('') }))).toEqual([expect.stringContaining('places an edit by line number')]);
  });

  it('strict sp-type-consistency takes a test helper named after a function (`…TestPathExists`) for another name', async () => {
    const tasks = (called: string): string[] =>
      task('### Task 1: Force adoption', '- [ ] **Step 1: Write the code and its test**', '', '```go', 'func initialAdoptionPathExists(path string) (bool, error) {', '\treturn true, nil', '}', '', 'func TestAdopt(t *testing.T) {', `\tif !${called}(t, root, "a") {`, '\t\tt.Fatal("missing")', '\t}', '}', '```');
    expect(await lint('sp-type-consistency', spPlan({ tasks: tasks('initialAdoptionTestPathExists') }))).toEqual([]);
    expect(await lint('sp-type-consistency', spPlan({ tasks: tasks('initialAdoptionPathExist') }))).toEqual([expect.stringContaining('use one name for both')]);
  });
});

describe('habits of the forty-seventh and forty-eighth blind batches (round 32)', () => {
  it('fence-balanced names a fence indented in a list item whose closing fence is not, and the fix', async () => {
    const step = (code: string[]): string[] => task('### Task 1: Routes', '- [ ] **Step 1: Mount the routes**', '  Add the handler:', '  ```python', ...code, '```', '', '- [ ] **Step 2: Run the tests**');
    for (const code of [['    @app.get("/team")', '    def team(): ...'], ['def test_team(tmp_path):', '    assert True']]) {
      const [m] = await lint('fence-balanced', spPlan({ tasks: step(code) }));
      expect(m, code[0]).toMatch(/^This fence is indented in a list item, but the fence that closes it \(line \d+\) is not, .* indent the code and that fence like this one\.$/);
    }
    expect(await lint('fence-balanced', spPlan({ tasks: step(['    @app.get("/team")']).map((l) => (l === '```' ? '  ```' : l)) }))).toEqual([]);
  });

  it('sp-code-step-without-code takes a rename or swap given exactly in words, and doc comments, for no code to show', async () => {
    const steps = [
      ['- [ ] **Step 2: Update view.rs test module**', '', 'In `crates/tuirealm/src/core/view.rs`, update:', '- Any `impl Component<..>` to `impl AppComponent<..>`'],
      ['- [ ] **Step 3: Update subscription.rs test module**', '', 'The test module imports `MockComponent` (`use crate::{MockComponent, ...}`). Update this import to `Component`.'],
      ['- [ ] **Step 1:** Replace every `forgejo:forge.f44.fyi/f44/plugins/<name>` in the four tui files with `github:raspiblitz/plugins/<name>`.'],
      ['- [ ] **Step 5: Update `command.rs` doc comments**', '', 'Replace remaining `MockComponent` references with `Component` in doc comments.'],
    ];
    for (const body of steps) expect(await lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 2: Rename', ...body) })), body[0]).toEqual([]);
    const vague = ['- [ ] **Step 2: Update view.rs test module**', '', 'In `crates/tuirealm/src/core/view.rs`, update the test module for the new trait.'];
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 2: Rename', ...vague) }))).toEqual([expect.stringContaining('shows no code')]);
  });

  it('sp-run-expected: a spot-check checks the run before it and reads its log; an outcome the constraints state once is stated', async () => {
    const rewrite = ['- [ ] **Step 3: Run git filter-repo**', '', '```bash', 'git filter-repo --message-callback "$(cat /tmp/cb.py)" --force', '```', ''];
    const spot = ['- [ ] **Step 4: Spot-check the rewritten messages**', '', '```bash', 'git log --oneline | head -30', '```'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 5: Rewrite messages', ...rewrite, ...spot) }))).toEqual([]);
    const check = task('### Task 1: Level shortcut', '- [ ] **Step 5: `task check` → コミット**', '', '```bash', 'task check', 'git add crates/im.rs', 'git commit -m "feat: level shortcut"', '```');
    const constraints = ['## Global Constraints', '', '- 各タスク完了時に `task check`（fmt:check + clippy -D warnings + test）が通ること。'];
    expect(await lint('sp-run-expected', spPlan({ before: constraints, tasks: check }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: check }))).toEqual([expect.stringContaining('has no Expected')]);
  });

  it('sp-commit-step does not take "Export all commit messages" for a commit step', async () => {
    const tasks = (title: string): string[] => task('### Task 5: Rewrite commit messages', `- [ ] **Step 1: ${title}**`, '', '```bash', 'git log --format="%H %s" > /tmp/commits.txt', '```');
    expect(await lint('sp-commit-step', spPlan({ tasks: tasks('Export all commit messages for analysis') }))).toEqual([]);
    expect(await lint('sp-commit-step', spPlan({ tasks: tasks('Export the log and commit') }))).toEqual([expect.stringContaining('says to commit without the commands')]);
  });

  it('sp-file-structure asks no map of a plan whose Files entries name only directories', async () => {
    const merge = (n: number, entry: string): string[] => task(`### Task ${n}: Merge history ${n}`, '**Files:**', entry, '', '- [ ] **Step 1: Merge**', '', '```bash', `git merge --allow-unrelated-histories crate${n}/main`, '```');
    const dirs = [1, 2, 3, 4].flatMap((n) => merge(n, `- New files under: \`crates/crate${n}/\` (from history rewrite)`));
    expect(await lint('sp-file-structure', spPlan({ tasks: dirs }))).toEqual([]);
    const files = [1, 2, 3, 4].flatMap((n) => merge(n, `- Create: \`crates/crate${n}/src/lib.rs\``));
    expect(await lint('sp-file-structure', spPlan({ tasks: files }))).toEqual([expect.stringContaining('no File Structure section')]);
  });

  it('strict rules: a struct or interface task with no behaviour change, "see File Structure above.", several edits placed by line', async () => {
    const struct = (expected: string): string[] =>
      task('## Task 2: Add `IObservationSource` interface', '**Files:**', '- Create: `src/IObservationSource.cs`', '', '- [ ] **Step 1: Create the interface file**', '', '```csharp', 'public interface IObservationSource { Observation Next(); }', '```', '', '- [ ] **Step 2: Run the harness**', '', 'Run: `dotnet test`', `Expected: ${expected}`, '', '- [ ] **Step 3: Commit**', '', '```bash', 'git add src/', 'git commit -m "feat: observation source"', '```');
    expect(await lint('sp-failing-test-first', spPlan({ tasks: struct('`PASS=1245 FAIL=0` (baseline; compiles, no behavior change)') }))).toEqual([]);
    expect(await lint('sp-failing-test-first', spPlan({ tasks: struct('`PASS=1245 FAIL=0`').map((l) => l.replace('Add `IObservationSource` interface', 'Observation source')) }))).toEqual([expect.stringContaining('before any test has been seen to fail')]);
    const map = ['## File Structure', '', '| File | Change |', '|---|---|', '| `src/Frank.Rdf/Rdf.fs` | Modify |'];
    const see = (files: string): string[] => task('### Task 1: Tighten resolveIri', `**Files:** ${files}`, '', ...TASK.slice(6));
    expect(await lint('sp-files-exact-paths', spPlan({ before: map, tasks: see('see File Structure above.') }))).toEqual([]);
    expect(await lint('sp-files-exact-paths', spPlan({ before: map, tasks: see('the RDF module.') }))).toEqual([expect.stringContaining('names no file path')]);
    const edits = (second: string[]): string[] => task('### Task 1: Rename', '**Files:**', '- Modify: `crates/core/src/component.rs`', '', '- [ ] **Step 1: Rename the trait**', '', '1. Update the doc comment above it (lines 46-56)', ...second, '', '```rust', 'pub trait AppComponent {}', '```');
    expect(await lint('sp-files-line-range', spPlan({ tasks: edits(['2. Update the `dyn Component<Msg>` impl block (line 68)']) }))).toEqual([]);
    expect(await lint('sp-files-line-range', spPlan({ tasks: edits([]) }))).toEqual([expect.stringContaining('places an edit by line number')]);
  });
});

describe('habits of the forty-ninth and fiftieth blind batches (round 33)', () => {
  it('sp-run-expected reads the commands of a table under the step, and "the same build and test commands" as a repeat', async () => {
    const table = (header: string): string[] =>
      task('### Task 4: Verify', '- [ ] **Step 1: Re-run every gate from a clean state and record real output**', '', header, '|---|---|---|', '| Docs build | `mix docs && mix hex.build` | Clean |', '| Suite | `mix test` | Identical pass count |');
    expect(await lint('sp-run-expected', spPlan({ tasks: table('| Check | Command | Expected |') }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: table('| Check | Note | Expected |') }))).toEqual([expect.stringContaining('but not the exact command for everything it runs')]);
    const again = (line: string): string[] =>
      task('### Task 1: Settings', '- [ ] Run `cmake --build build --target Tests` and `ctest --test-dir build`; expected FAIL.', '- [ ] Implement the settings page.', line);
    expect(await lint('sp-run-expected', spPlan({ tasks: again('- [ ] Run the same build and test commands; expected pass.') }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: again('- [ ] Run the full release checks; expected pass.') }))).toEqual([expect.stringContaining('names no command')]);
  });

  it('sp-commit-step hears "Single atomic commit." in the header as one commit for the plan', async () => {
    const tasks = [1, 2].flatMap((n) => task(`### Task ${n}: Rename part ${n}`, '**Files:**', `- Modify: \`src/part${n}.m\``, '', '- [ ] **Step 1: Replace the names**', '', '```bash', `sed -i 's/FastPlot/FastSense/g' src/part${n}.m`, '```'));
    const plan = (architecture: string): string => spPlan({ architecture, tasks });
    expect(await lint('sp-commit-step', plan('Pure find-and-replace rename. Single atomic commit.'))).toEqual([]);
    expect(await lint('sp-commit-step', plan('Pure find-and-replace rename. A single atomic commit per task.'))).toEqual([expect.stringContaining('No task has a commit step')]);
  });

  it('sp-code-step-without-code takes a swap toward the form its task shows above it as showing the code', async () => {
    const body = (given: string): string[] =>
      task('## Task 2: Prolong child-offset generalization', '**Files:** `src/simulation/m_amr.fpp`.', '', given, '', '- [ ] Replace the offset at all 15 sites (1363, 1366, 1369) with the general form, using the `rr`/`ref_ratio` already in scope.');
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: body('General: `xi = (real(mod(f, rr), wp) - real(rr - 1, wp)*0.5_wp) / real(rr, wp)`.') }))).toEqual([]);
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: body('The general form divides by the ratio.') }))).toEqual([expect.stringContaining('shows no code')]);
  });

  it('sp-no-placeholders leaves an optional extra among a step\'s lettered checks, but not an optional step', async () => {
    const step = (line: string): string[] => task('## Task 5: Golden', '**Files:** `toolchain/mfc/test/cases.py`', '', line);
    expect(await lint('sp-no-placeholders', spPlan({ tasks: step('- [ ] **Validate:** (a) conservation to machine zero. (b) A resolution check. (c) Optionally an equivalence run.') }))).toEqual([]);
    expect(await lint('sp-no-placeholders', spPlan({ tasks: step('- [ ] Optionally add an equivalence run.') }))).toEqual([expect.stringContaining('leaves the work open')]);
  });

  it('strict sp-files-exact-paths: a pattern of existing files the entry says stay untouched', async () => {
    const files = (note: string): string[] => task('### Task 1: Checklist', '**Files:**', `- Test: new \`tests/test_prewrite_checklist.py\`; existing \`tests/test_prewrite*.py\` ${note}`, '', ...TASK.slice(6));
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: files('stay green untouched') }))).toEqual([]);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: files('get the new fixture') }))).toEqual([expect.stringContaining('names a pattern')]);
  });
});

describe('habits of the fifty-first and fifty-second blind batches (round 34)', () => {
  it('sp-run-expected asks a step that names some of its commands for the rest, and hears "confirm success"', async () => {
    const step = (line: string): string[] => task('### Task 2: Restore', '- [ ] Implement generation-based cache invalidation.', line, '- [ ] Commit the task.');
    const [some] = await lint('sp-run-expected', spPlan({ tasks: step('- [ ] Run focused tests, full `swift test`, and `swift build`.') }));
    expect(some).toContain('names `swift test` but not the exact command for everything it runs, and no Expected');
    const [confirmed] = await lint('sp-run-expected', spPlan({ tasks: step('- [ ] Run the focused tests and full `swift test`; confirm success.') }));
    expect(confirmed).toContain('names `swift test` but not the exact command for everything it runs: write');
    expect(await lint('sp-run-expected', spPlan({ tasks: step('- [ ] Run the focused tests.') }))).toEqual([expect.stringContaining('names no command and no Expected')]);
  });

  it('sp-run-expected takes a next step that uses the run\'s outcome by name as its Expected', async () => {
    const steps = (next: string): string[] => task('### Task 4: Validate', '- [ ] Run `pytest -m "not integration" -q`.', next);
    expect(await lint('sp-run-expected', spPlan({ tasks: steps('- [ ] Update `AGENTS.md` test count with the passing suite result.') }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: steps('- [ ] Update `AGENTS.md` with the new templates.') }))).toEqual([expect.stringContaining('has no Expected')]);
  });

  it('sp-code-step-without-code leaves a fix step that says the code already handles it', async () => {
    const step = (title: string, body: string): string[] =>
      task('### Task 2: Status parsing', '**Files:**', '- Modify: `src/main/kotlin/DefaultMavenCentralApiClient.kt`', '', `- [ ] **Step 5: ${title}**`, '', body);
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: step('Fix DTO parsing — already handled', 'The `parseDeploymentStatus()` method already catches all exceptions. Verify the test from Step 2 passes with no code changes.') }))).toEqual([]);
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: step('Fix DTO parsing', 'Make `parseDeploymentStatus()` catch `IllegalArgumentException`.') }))).toEqual([expect.stringContaining('shows no code')]);
  });

  it('strict rules: a directory a task creates, an anchor before a line hint, a plan with no test framework', async () => {
    const dirs = (entry: string): string[] => task('### Task 1: Directory structure', '**Files:**', `- ${entry}`, '', '- [ ] **Step 1: Create directories**', '', '```bash', 'mkdir -p lua/botglue', '```');
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: dirs('Create: `lua/botglue/` directory') }))).toEqual([]);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: dirs('Create: `lua/botglue/`') }))).toEqual([]);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: dirs('Modify: `lua/botglue/`') }))).toEqual([expect.stringContaining('names a directory')]);
    const placed = (where: string): string[] =>
      task('### Task 3: Export', '**Files:**', '- Modify: `src/commands/uploadWidget.ts`', '', '- [ ] **Step 1: Add the exported function**', '', `In \`src/commands/uploadWidget.ts\`, add the following function ${where}:`, '', '```ts', 'export function refresh(): void {}', '```');
    expect(await lint('sp-files-line-range', spPlan({ tasks: placed('after the closing `}` of `registerUpload` (after line 75, before `openOrRevealUploadPanel`)') }))).toEqual([]);
    expect(await lint('sp-files-line-range', spPlan({ tasks: placed('after line 75') }))).toEqual([expect.stringContaining('places an edit by line number')]);
    const tdd = ['### Task 1: Maximize', '', '- [ ] **Step 1: Add the toggle**', '', '```swift', 'func toggleMaximize() { maximized.toggle() }', '```', '', '- [ ] **Step 2: Run tests**', '', 'Run: `swift test`', 'Expected: PASS', '', '- [ ] **Step 3: Commit**', '', '```bash', 'git add Sources/Pane.swift', 'git commit -m "feat: maximize a pane"', '```', ''];
    expect(await lint('sp-failing-test-first', spPlan({ techStack: 'Swift 6 / AppKit, SPM. No test framework — verification is a clean build plus a driver-based GUI cycle.', tasks: tdd }))).toEqual([]);
    expect(await lint('sp-failing-test-first', spPlan({ techStack: 'Swift 6 / AppKit, SPM.', tasks: tdd }))).toEqual([expect.stringContaining('before any test has been seen to fail')]);
  });
});

describe('habits of the fifty-third to fifty-eighth blind batches (round 35)', () => {
  it('sp-run-expected hears "fix all failures" as what to expect, and an outcome the constraints give the same program and subcommand', async () => {
    const step = (line: string): string[] => task('### Task 4: CI', '- [ ] Add the workflow.', line, '- [ ] Commit.');
    const [fix] = await lint('sp-run-expected', spPlan({ tasks: step('- [ ] Run the same checks locally and fix all failures.') }));
    expect(fix).toContain('says to run something and what to expect, but names no command in the step');
    const constraints = (line: string): string[] => ['## Global Constraints', '', line, ''];
    const tasks = task('### Task 10: CORS', '- [x] Implement + thread the flag.', '- [x] Run: `cargo test -p conduit-api`.', '- [x] Commit: `feat(api): configurable CORS`');
    expect(await lint('sp-run-expected', spPlan({ before: constraints('- `cargo check --workspace` and `cargo test --workspace` must pass at every commit.'), tasks }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ before: constraints('- `cargo check --workspace` must pass at every commit.'), tasks }))).toEqual([expect.stringContaining('has no Expected')]);
  });

  it('sp-code-step-without-code takes a step that applies a sweep its task shows above as showing the code', async () => {
    const body = (step: string): string[] =>
      task('### Task 8: Auth gate', '**Files:**', '- Modify: `conduit-api/src/routes.rs`', '- Modify handlers (add `auth: RequireAuth` param + `auth.require(Permission::X)?` as FIRST statement):', '  - `handlers/runs.rs::trigger_run` → TriggerRun', '', step);
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: body('- [x] Add handler permission checks (mechanical sweep above).') }))).toEqual([]);
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: body('- [x] Add handler permission checks to `trigger_run`.') }))).toEqual([expect.stringContaining('shows no code')]);
  });

  it('sp-commit-step names the commit step of a checkbox that packs several steps', async () => {
    const tasks = task('### Task 2: Palette', '**Files:**', '- Modify: `src/app.rs`', '', '- [ ] **Step 1: Write the failing test**', '', '```rust', '#[test] fn light() { assert!(LIGHT.ok()); }', '```', '', '- [ ] **Step 4:** full suite + both clippy. **Step 5: Commit** `feat(gui): the LIGHT palette`');
    const [m] = await lint('sp-commit-step', spPlan({ tasks }));
    expect(m).toContain('Step 5 ("Commit `feat(gui): the LIGHT palette`") of Task 2 says to commit without the commands');
  });

  it('strict sp-interfaces holds a task to the block only where at least half the plan\'s code tasks carry one', async () => {
    const code = (n: number, interfaces: boolean): string[] =>
      task(`### Task ${n}: Part ${n}`, '**Files:**', `- Modify: \`src/part${n}.rs\``, '', ...(interfaces ? ['**Interfaces:**', `- Produces: \`part${n}()\``, ''] : []), '- [ ] **Step 1: Implement**', '', '```rust', `pub fn part${n}() {}`, '```');
    const few = [...code(1, false), ...code(2, false), ...code(3, true)];
    expect(await lint('sp-interfaces', spPlan({ tasks: few }))).toEqual([]);
    const most = [...code(1, false), ...code(2, true), ...code(3, true)];
    expect(await lint('sp-interfaces', spPlan({ tasks: most }))).toEqual([expect.stringContaining('Task 1 has no **Interfaces:** block, though other tasks of the plan carry one')]);
  });

  it('strict sp-files-exact-paths: code in an entry is no glob, and "all M0 files after verification only" scopes a closing commit', async () => {
    const files = (entry: string): string[] => task('### Task 9: Connections', '**Files:**', entry, '', ...TASK.slice(6));
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: files('- Modify: `src/handlers/connections.rs:45` — add `auth.require(Permission::ViewConnections)?`') }))).toEqual([]);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: files('- Modify: `src/handlers/*.rs` — add `auth.require(Permission::ViewConnections)?`') }))).toEqual([expect.stringContaining('names a pattern')]);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: files('- Modify: all M0 files after verification only.') }))).toEqual([]);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: files('- Modify: all M0 files.') }))).toEqual([expect.stringContaining('names no file path')]);
  });
});

describe('habits of the fifty-ninth to sixty-second blind batches (round 36)', () => {
  it('fence-balanced reads a shorter block closed with the outer block\'s fence as closing the outer one early', async () => {
    const snippet = (close: string): string[] => [
      '### Task 5: Add Zero to Running section',
      '',
      '**Step 1: Insert the new section**',
      '',
      '````markdown',
      '## Zero to Running',
      '',
      '```bash',
      'pip install adk-fluent',
      close,
      '',
      'Get a free API key.',
      '',
      '````',
      '',
      '**Step 2: Commit**',
      '',
      '```bash',
      'git add README.template.md',
      'git commit -m "docs: add Zero to Running section"',
      '```',
      '',
    ];
    const [fence] = await lint('fence-balanced', spPlan({ tasks: snippet('````') }));
    expect(fence).toContain('This code block holds another fenced block (line');
    expect(await lint('sp-commit-step', spPlan({ tasks: snippet('````') }))).toEqual([]);
    expect(await lint('fence-balanced', spPlan({ tasks: snippet('```') }))).toEqual([]);
  });

  it('sp-run-expected takes a next step that opens "After tests pass, run:" as the run\'s Expected', async () => {
    const steps = (opens: string): string[] =>
      task('### Task 1: Seed hash', '- [ ] **Step 4: Run tests**', '', 'Run: `uv run pytest tests/test_seed_hash.py -v`', '', '- [ ] **Step 5: Pin the canonical hash value**', '', opens, '```bash', 'uv run python -c "print(1)"', '```');
    expect((await lint('sp-run-expected', spPlan({ tasks: steps('After tests pass, run:') }))).some((m) => m.includes('Step 4'))).toBe(false);
    expect((await lint('sp-run-expected', spPlan({ tasks: steps('Then run:') }))).some((m) => m.includes('Step 4'))).toBe(true);
  });

  it('strict sp-files-exact-paths: a pattern of files copied in from elsewhere', async () => {
    const files = (note: string): string[] => task('### Task 1: Store', '**Files:**', `- Create: \`internal/store/store.go\`, \`internal/store/testdata/site/Articles/*.json\`${note}`, '', ...TASK.slice(6));
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: files(" (copied from the user's real library with tokens blanked)") }))).toEqual([]);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: files('') }))).toEqual([expect.stringContaining('names a pattern')]);
  });

  it('strict sp-failing-test-first: a package __init__.py that holds only its docstring changes no behaviour', async () => {
    const tasks = (init: string): string[] => [
      '### Task 1: Seed hash',
      '',
      '- [ ] **Step 1: Create package init**',
      '',
      '```python',
      init,
      '```',
      '',
      '- [ ] **Step 2: Write the failing test**',
      '',
      '```python',
      'def test_hash():',
      '    assert compute_seed_hash({}) == "x"',
      '```',
      '',
      '- [ ] **Step 3: Run test to verify it fails**',
      '',
      'Run: `uv run pytest tests/test_seed_hash.py -v`',
      'Expected: FAIL with "ModuleNotFoundError"',
      '',
    ];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: tasks('"""Equipment seed loader — populates the database from CSV seed files."""') }))).toEqual([]);
    expect(await lint('sp-failing-test-first', spPlan({ tasks: tasks('def compute_seed_hash(fields):\n    return "x"') }))).toEqual([expect.stringContaining('before any test has been seen to fail')]);
  });

  it('strict sp-files-exact-paths: an entry that decides its file and adds to it only if needed', async () => {
    const files = (entry: string): string[] => task('### Task 1: Errors', '**Files:**', entry, '', ...TASK.slice(6));
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: files('- Modify: `errors.go` — add sentinel if needed') }))).toEqual([]);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: files('- Modify if needed: `pkg/providers/fallback.go`') }))).toEqual([expect.stringContaining('leaves open whether the task modifies')]);
  });
});

describe('habits of the sixty-third to sixty-sixth blind batches (round 37)', () => {
  it('sp-run-expected takes a script a step writes (it opens with a shebang) for no command it runs', async () => {
    const tasks = (first: string): string[] =>
      task('### Task 1: HeiCut', '**Step 3: Build libmtkahypar.so from the vendored Mt-KaHyPar**', '', 'Create `scripts/build_mtkahypar.sh`:', '', '```bash', first, 'set -euo pipefail', 'cmake --build "${MTK_BUILD}" --target mtkahypar', '```', '', '**Step 4: Commit**');
    expect(await lint('sp-run-expected', spPlan({ tasks: tasks('#!/usr/bin/env bash') }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: tasks('cd build') }))).toEqual([expect.stringContaining('has no Expected')]);
  });

  it('sp-run-expected takes a next step that fixes what fails as the run\'s outcome', async () => {
    const steps = (next: string): string[] => task('### Task 1: Baseline', '- [ ] **Step 2: Run**', '', '```bash', 'npx jest e2e/structured-cli.spec.ts --runInBand', '```', '', `- [ ] **Step 3: ${next}**`, '', '- [ ] **Step 4: Commit**');
    expect(await lint('sp-run-expected', spPlan({ tasks: steps('Fix CLI/help only if failing for real bugs') }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: steps('Fix the CLI help text') }))).toEqual([expect.stringContaining('has no Expected')]);
  });

  it('sp-run-expected hears a list of what to verify as what the step expects, and asks only for the command', async () => {
    const step = (prose: string): string[] => task('### Task 4: Verify', '- [ ] **Step 2: Run a local browser verification**', '', prose, '', '- [ ] **Step 3: Record the SHA**');
    const [listed] = await lint('sp-run-expected', spPlan({ tasks: step('Start the dashboard. Verify Russian auto-detection, English override, persistence after reload, and unchanged breadcrumbs.') }));
    expect(listed).toContain('says to run something and what to expect, but names no command in the step');
    const [bare] = await lint('sp-run-expected', spPlan({ tasks: step('Start the dashboard and look around.') }));
    expect(bare).toContain('names no command and no Expected');
  });

  it('sp-commit-step: "Commit any … fixes" commits only if there are any', async () => {
    const closing = (title: string): string[] => task('### Task 4: Verify and build', '- [ ] **Step 1: Run the suite**', '', 'Run: `npm test`', 'Expected: PASS', '', `- [ ] **Step 2: ${title}**`, '', 'Commit the accepted changes with a focused conventional commit.');
    expect(await lint('sp-commit-step', spPlan({ tasks: closing('Commit any visual-verification fixes and record the final SHA') }))).toEqual([]);
    expect(await lint('sp-commit-step', spPlan({ tasks: closing('Commit the visual-verification fixes') }))).toEqual([expect.stringContaining('says to commit without the commands')]);
  });

  it('sp-commit-step does not take commit controls named in a wrapped list for a commit', async () => {
    const translate = (wrap: string): string[] =>
      task('### Task 4: Migrate Pro surfaces', '- [ ] **Step 1: Translate preview and plan surfaces.**', '', '  Migrate file tree/search, console filters, security review, commit', `  ${wrap} controls, database configuration and tooltips.`);
    const messages = await lint('sp-commit-step', spPlan({ tasks: [...TASK, '', ...translate('and staged-diff')] }));
    expect(messages.some((m) => m.includes('Translate preview'))).toBe(false);
    const acts = await lintSecondTask('sp-commit-step', '### Task 4: Ship', '- [ ] **Step 1: Wrap up.**', '', '  Review the diff, fix what the review finds, commit', '  and push the branch.');
    expect(acts.some((m) => m.includes('Wrap up'))).toBe(true);
  });

  it('sp-code-step-without-code takes "Change `x` → value" as an exact edit', async () => {
    const step = (title: string): string[] => task('### Task 3: Worker bootstrap', '**Files:**', '- Modify: `src/team/config.ts`', '', `- [ ] **Step 1: ${title}**`, '', '- [ ] **Step 2: Commit**');
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: step('Change default `workerHoldEntryPath` → worker-bootstrap.js') }))).toEqual([]);
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: step('Change default `workerHoldEntryPath` to load the bootstrap script') }))).toEqual([expect.stringContaining('shows no code')]);
  });

  it('sp-header-goal-one-sentence does not count a closing sentence that only points at the spec', async () => {
    expect(await lint('sp-header-goal-one-sentence', spPlan({ goal: 'Add a first-run wizard that adopts existing tmux sessions. Spec: `docs/superpowers/specs/2026-07-06-naming-design.md`.' }))).toEqual([]);
    expect(await lint('sp-header-goal-one-sentence', spPlan({ goal: 'Add a first-run wizard that adopts existing tmux sessions. Show a preview on each card.' }))).toEqual([expect.stringContaining('has 2 sentences')]);
  });

  it('sp-header-agentic-line accepts a line addressed to the agent the project runs its plans with, naming an execution skill', async () => {
    expect(await lint('sp-header-agentic-line', spPlan({ agentic: '> **For Hermes:** Load `subagent-driven-development`, `test-driven-development`, and the specification before source edits.' }))).toEqual([]);
    expect(await lint('sp-header-agentic-line', spPlan({ agentic: '> **For Hermes:** Load `test-driven-development` and the specification before source edits.' }))).toEqual([expect.stringContaining('names no REQUIRED SUB-SKILL')]);
  });

  it('strict sp-files-exact-paths: entries that point at the File Map, wrapped or not', async () => {
    const files = (...entry: string[]): string[] => task('### Task 2: Locales', ...entry, '', ...TASK.slice(6));
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: files('**Files:** The ten locale JSON files in the File Map.') }))).toEqual([]);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: files('**Files:** App shell/pages, app-management dialogs, settings/provider files,', 'integration files, and shared UI primitives listed in the File Map.') }))).toEqual([]);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: files('**Files:** App shell/pages, app-management dialogs, settings/provider files.') }))).toEqual([expect.stringContaining('name no file path')]);
  });

  it('strict sp-files-exact-paths: a map row changed only if needed', async () => {
    const map = (note: string): string[] => ['## File Structure', '', '| File | Change |', '|---|---|', '| `src/team/worker.ts` | New worker entry |', `| \`src/team/tmux.ts\` | ${note} |`, ''];
    expect(await lint('sp-files-exact-paths', spPlan({ before: map('Optional env passthrough if needed') }))).toEqual([]);
    expect(await lint('sp-files-exact-paths', spPlan({ before: map('Env passthrough, as needed') }))).toEqual([expect.stringContaining('as needed')]);
  });
});

describe('habits of the sixty-seventh to sixty-ninth blind batches (round 38)', () => {
  it('sp-header-agentic-line accepts a line that names an execution skill however it is addressed', async () => {
    expect(await lint('sp-header-agentic-line', spPlan({ agentic: '> **REQUIRED SUB-SKILL:** Use the executing-plans skill to implement this plan task-by-task.' }))).toEqual([]);
    expect(await lint('sp-header-agentic-line', spPlan({ agentic: '> **Status:** Plan audit-loop stabilised after 3 consecutive zero-finding passes.' }))).toEqual([expect.stringContaining('names no REQUIRED SUB-SKILL')]);
  });

  it('sp-code-step-without-code leaves a test step that says no test is needed', async () => {
    const step = (prose: string): string[] =>
      task('### Task 2: Optional engine', '**Files:**', '- Modify: `src-tauri/src/services/proxy.rs:84-96`', '', '- [ ] **Step 1: Write the failing test**', '', prose, '', '- [ ] **Step 2: Commit**');
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: step('This refactor changes the return type. No separate test file needed — the change is verified by the compiler.') }))).toEqual([]);
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: step('Test that `get_orchestration_engine` returns `None` before start-up.') }))).toEqual([expect.stringContaining('shows no code')]);
  });

  it('sp-commit-step does not take "Report changes without commit/push" for a commit step', async () => {
    const closing = (title: string, prose: string): string[] => [...TASK, '', ...task('### Task 2: Review', `- [ ] **Step 1: ${title}**`, '', prose)];
    expect(await lint('sp-commit-step', spPlan({ tasks: closing('Report changes without commit/push', 'Do not create Git commits or push to GitHub. Report test commands.') }))).toEqual([]);
    expect(await lint('sp-commit-step', spPlan({ tasks: closing('Report changes and commit', 'Commit the reviewed changes.') }))).toEqual([expect.stringContaining('says to commit without the commands')]);
  });

  it('sp-task-files: a verification task whose Expected stands in a text block touches no file', async () => {
    const verify = (expected: string): string[] =>
      task('## Task 6: Verify quality gates', '**Commands:**', '', '```bash', 'ruff check .', 'pytest -q orchestrator/tests', '```', '', 'Expected:', '', `\`\`\`${expected}`, '55 passed', '```');
    expect(await lint('sp-task-files', spPlan({ tasks: [...TASK, '', ...verify('text')] }))).toEqual([]);
    expect(await lint('sp-task-files', spPlan({ tasks: [...TASK, '', ...verify('python')] }))).toEqual([expect.stringContaining('Task 6 has no "**Files:**" block')]);
  });

  it('sp-task-files: a "Commit and push" task whose only code is the commands touches no file of its own', async () => {
    const ship = task('## Task 7: Commit and push', '**Commands:**', '', '```bash', 'git add README.md CHANGELOG.md', 'git commit -m "docs: align the public trail"', 'git push origin docs/public-pass', '```');
    expect(await lint('sp-task-files', spPlan({ tasks: [...TASK, '', ...ship] }))).toEqual([]);
    const writes = task('## Task 7: Changelog', '**Commands:**', '', '```bash', 'echo "## 1.2.0" >> CHANGELOG.md', '```');
    expect(await lint('sp-task-files', spPlan({ tasks: [...TASK, '', ...writes] }))).toEqual([expect.stringContaining('Task 7 has no "**Files:**" block')]);
  });

  it('strict sp-failing-test-first: a step that only declares TypeScript types changes no behaviour', async () => {
    const tasks = (code: string[]): string[] => [
      '### Task 1: Profile form',
      '',
      '- [ ] **Step 1: Write the type file**',
      '',
      '```ts',
      ...code,
      '```',
      '',
      '- [ ] **Step 2: Write the failing test**',
      '',
      '```ts',
      "import { profileFormFromRow } from '../profile-form';",
      "test('pretty-prints env', () => { expect(profileFormFromRow(row).env).toContain('\\n'); });",
      '```',
      '',
      '- [ ] **Step 3: Run test to verify it fails**',
      '',
      'Run: `pnpm vitest run src/lib/profile-form.test.ts`',
      "Expected: FAIL with \"Cannot find module '../profile-form'\"",
      '',
    ];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: tasks(['/** A harness profile. */', "import type { Env } from './env';", 'export interface ProfileRow {', '  id: string;', '  env: Env;', '}', "export type Mode = 'edit' | 'view';"]) }))).toEqual([]);
    expect(await lint('sp-failing-test-first', spPlan({ tasks: tasks(['export interface ProfileRow { id: string }', 'export function parseFlags(text: string): string[] {', '  return text.split(/\\s+/);', '}']) }))).toEqual([expect.stringContaining('before any test has been seen to fail')]);
  });
});

describe('habits of the seventieth to seventy-third blind batches (round 39)', () => {
  it('sp-commit-step takes a commit made with another tool or a project helper as showing the commands', async () => {
    const commit = (...block: string[]): string[] => [...TASK.slice(0, 29), '- [ ] **Step 5: Commit**', '', '```bash', ...block, '```'];
    expect(await lint('sp-commit-step', spPlan({ tasks: commit('scripts/committer "feat(cron): add dedupContext types" src/cron/types.ts') }))).toEqual([]);
    expect(await lint('sp-commit-step', spPlan({ tasks: commit('but commit chore/fair-queueing-spike -m "test(run-engine): spike queue reader"') }))).toEqual([]);
    expect(await lint('sp-commit-step', spPlan({ tasks: commit('gt create -am "feat(cron): add dedupContext types"') }))).toEqual([]);
    expect(await lint('sp-commit-step', spPlan({ tasks: commit('scripts/publish "feat(cron): add dedupContext types" src/cron/types.ts') }))).toEqual([expect.stringContaining('says to commit without the commands')]);
  });

  it('sp-commit-step shows a bare commit step the command the plan commits with elsewhere', async () => {
    const first = task('### Task 1: Reader', '- [ ] **Step 1: Implement**', '', '```ts', 'export const read = () => 1;', '```', '', '- [ ] **Step 2: Commit** — `but commit chore/spike -m "feat: reader" --changes <ids>`');
    const second = task('### Task 2: Writer', '- [ ] **Step 1: Implement**', '', '```ts', 'export const write = () => 2;', '```', '', '- [ ] **Step 2: Commit.**');
    const [m] = await lint('sp-commit-step', spPlan({ tasks: [...first, ...second] }));
    expect(m).toContain('Step 2 ("Commit") of Task 2 says to commit without the commands: show the command, as the plan\'s other commits do (`but commit chore/spike -m "feat: reader…`)');
  });

  it('sp-commit-step hears `jj new -m` in a step\'s words as the task\'s commit', async () => {
    const tasks = (start: string): string[] =>
      [1, 2].flatMap((n) => task(`### Task ${n}: Part ${n}`, '**Files:**', `- Modify: \`src/part${n}.rs\``, '', `- [ ] Claim the bead and start a fresh change: ${start.replace('N', String(n))}.`, '- [ ] Port the cases onto the harness.'));
    expect(await lint('sp-commit-step', spPlan({ tasks: tasks('`bd claim b-N` then `jj new -m "b-N: port"`') }))).toEqual([]);
    expect(await lint('sp-commit-step', spPlan({ tasks: tasks('`bd claim b-N`') }))).toEqual([expect.stringContaining('No task has a commit step')]);
  });

  it('sp-commit-step asks no commit of a task that changes only git\'s own files, or files only if a review finds a gap', async () => {
    const closing = (...files: string[]): string[] => [...TASK, '', ...task('### Task 2: Close out', '**Files:**', ...files, '', '- [ ] Run `bd show x-1` to confirm every child is closed.', '- [ ] Write the closeout note.', '', '```markdown', '## Closeout', '```')];
    expect(await lint('sp-commit-step', spPlan({ tasks: closing('- Modify: `~/src/codex/.git/config`') }))).toEqual([]);
    expect(await lint('sp-commit-step', spPlan({ tasks: closing('- Modify only if final review exposes a real gap') }))).toEqual([]);
    expect(await lint('sp-commit-step', spPlan({ tasks: closing('- Modify: `docs/CLOSEOUT.md`') }))).toEqual([expect.stringContaining('Task 2 has no commit step')]);
  });

  it('sp-run-expected: a check command the plan says to run with before its tasks covers the steps that run it', async () => {
    const tasks = task('### Task 2: Workload', '**Files:**', '- Test: `src/spike/tests/workload.test.ts`', '', '- [ ] **Step 1: Write the failing test.**', '', '```ts', "test('same seed', () => expect(a).toEqual(b));", '```', '', '- [ ] **Step 2: Run test, verify it fails.**', '- [ ] **Step 3: Commit.**');
    const constraints = (line: string): string[] => ['## Global Constraints', '', line, ''];
    expect(await lint('sp-run-expected', spPlan({ before: constraints('- Verify with: `cd internal-packages/run-engine && pnpm run test ./src/spike/<file> --run`.'), tasks }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ before: constraints('- The spike ships nothing; keep it under `src/spike/`.'), tasks }))).toEqual([expect.stringContaining('names no command')]);
  });

  it('names a task numbered within its phase by its full number ("Task 0.1"), as other rules do', async () => {
    const tasks = task('### Task 0.1: Remove `#![allow(...)]` from `api/src/main.rs`', '**Files:**', '- Modify: `api/src/main.rs`', '', '- [ ] **Step 1: Implement `parse_limit` in `api/src/main.rs`**', '', '- [ ] **Step 2: Fix all warnings**');
    expect(await lint('sp-code-step-without-code', spPlan({ tasks }))).toEqual([expect.stringContaining('Step 1 of Task 0.1 says to change code')]);
    expect(await lint('sp-no-placeholders', spPlan({ tasks }))).toEqual([expect.stringContaining('Step 2 of Task 0.1 leaves the work open')]);
  });

  it('sp-run-expected: a gate\'s verification stack and a task\'s Test commands cover the runs that point at them; a review is no run', async () => {
    const policy = ['## Review Gate Policy', '', '- At every gate, run the full repo verification stack:', '  - `cargo fmt --all --check`', '  - `cargo clippy --all-features -- -D warnings`', ''];
    const tasks = task('### Task 1: Harness', '**Files:**', '- Modify: `crates/daemon/src/e2e.rs`', '- Test: `cargo test -p beads-rs --test integration repl_smoke -- --exact`', '', '- [ ] Port the deep fault cases onto the harness.', '- [ ] Run the narrow proof loop listed above.', '- [ ] Run Gate A full verification.', '- [ ] Run Gate A review with two reviewer scopes:', '  - replication semantics', '  - test coverage');
    expect(await lint('sp-run-expected', spPlan({ before: policy, tasks }))).toEqual([]);
    const messages = await lint('sp-run-expected', spPlan({ tasks: tasks.map((l) => l.replace(/^- Test: .*$/, '- Test: `crates/daemon/tests/e2e.rs`')) }));
    expect(messages.map((m) => m.slice(0, 40))).toEqual([expect.stringContaining('Run the narrow proof loop'), expect.stringContaining('Run Gate A full verification')]);
  });
});

describe('habits of the seventy-fourth to seventy-seventh blind batches (round 40)', () => {
  it('sp-commit-step hears "Commit nothing" as a task that commits nothing, and "Git commits are excluded" as a plan that makes none', async () => {
    const verify = (title: string): string[] => [...TASK, '', ...task('### Task 2: Check compose', '**Files:**', '- Read: `docker-compose.yml`', '', '- [ ] **Step 1: Validate the compose file**', '', 'Run: `podman compose config`', 'Expected: YAML output, exit 0', '', `- [ ] **Step 2: ${title}**`)];
    expect(await lint('sp-commit-step', spPlan({ tasks: verify('Commit nothing — this is a verification step only') }))).toEqual([]);
    expect(await lint('sp-commit-step', spPlan({ tasks: verify('Commit the result') }))).toEqual([expect.stringContaining('Step 2 ("Commit the result") of Task 2')]);
    const tasks = [1, 2].flatMap((n) => task(`### Task ${n}: Page ${n}`, '**Files:**', `- Create: \`docs/fleet/page-${n}.mdx\``, '', `- [ ] **Step 1: Write page ${n}**`));
    expect(await lint('sp-commit-step', spPlan({ before: ['- Git commits are excluded from this plan because creating commits requires separate explicit user authorization.', ''], tasks }))).toEqual([]);
    expect(await lint('sp-commit-step', spPlan({ tasks }))).toEqual([expect.stringContaining('No task has a commit step')]);
  });

  it('sp-commit-step reads "- Commit on the branch, push" in a task without steps as its commit, owed the commands', async () => {
    const tasks = [
      ...task('### Task 1: Parser layer', '- Add `graphiti_core.llm_compat` with block extraction.', '- Cover wrapper noise and unknown fields.'),
      ...task('### Task 2: Verification and branch completion', '- Run focused unit tests, ruff, and pyright.', '- Commit on the isolated branch, push to origin, and verify CI runs on GitHub.'),
    ];
    expect(await lint('sp-commit-step', spPlan({ tasks }))).toEqual(['Task 2 says to commit ("Commit on the isolated branch, push to …") without the commands: show `git add <the plan\'s files>` and `git commit -m "…"` in a bash block.']);
    const shown = tasks.map((l) => l.replace('Commit on the isolated branch', 'Commit with `git commit -am "feat: structured text"`'));
    expect(await lint('sp-commit-step', spPlan({ tasks: shown }))).toEqual([]);
  });

  it('sp-run-expected: a QA pass people run, and a step that takes the outcome of the one before, need no command or Expected of their own', async () => {
    const qa = task('### Task 2: Design QA', '**Files:**', '- Create: `design-qa.md`', '', '- [x] **Step 3: Run design QA**', '', 'Capture the same desktop viewport. Record the result in `design-qa.md`, fixing issues until it contains `final result: passed`.');
    expect(await lint('sp-run-expected', spPlan({ tasks: qa }))).toEqual([]);
    const typecheck = (words: string): string[] =>
      task('### Task 1: Operators', '- [ ] **Step 3: Typecheck common**', '', 'Run: `pnpm -F common typecheck 2>&1 | head -80`', '', 'This will surface all exhaustive switch errors.', '', '- [ ] **Step 4: Typecheck frontend**', '', 'Run: `pnpm -F frontend typecheck 2>&1 | head -80`', '', words);
    expect(await lint('sp-run-expected', spPlan({ tasks: typecheck('Same as above for the frontend.') }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: typecheck('Then move on.') }))).toEqual([expect.stringContaining('`pnpm -F frontend typecheck 2>&1 | head -80` of Step 4 in Task 1 has no Expected')]);
  });

  it('sp-run-expected: a block after a checklist of bare step heads gives the commands and the Expected of all of them', async () => {
    const heads = ['- [ ] **Step 1: Implement the report rendering**', '- [ ] **Step 2: Run the unit tests and fix only implementation defects**', '- [ ] **Step 3: Run syntax compilation and CLI help checks**', '- [ ] **Step 4: Commit the green implementation**'];
    const block = ['', 'Run:', '', '```bash', 'python -m py_compile scripts/operator.py', 'python -m unittest tests.unit.test_operator -v', '```', '', 'Expected: all commands exit `0`.'];
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 2: Implement the operator CLI', ...heads, ...block) }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: task('### Task 2: Implement the operator CLI', ...heads) }))).toHaveLength(2);
  });

  it('sp-run-expected: in a task that writes only a CI workflow, a run that expects nothing is the workflow\'s', async () => {
    const ci = (step: string): string[] => task('### Task 3: Readiness CI gate', '**Files:**', '- Create: `.github/workflows/readiness.yml`', '', '- [ ] **Step 1: Trigger only on operator files**', `- [ ] **Step 2: ${step}**`, '- [ ] **Step 3: Commit the workflow**');
    expect(await lint('sp-run-expected', spPlan({ tasks: ci('Run `py_compile`, unit tests, and CLI help') }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: ci('Run the focused workflow contract test and expect PASS') }))).toEqual([expect.stringContaining('names no command in the step')]);
  });

  it('sp-code-step-without-code: typed fields, a named new argument, "no new imports needed", a CI workflow and docs beside reviewed directories', async () => {
    const step = (title: string, ...body: string[]): Promise<string[]> => lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 2: Subagents', '**Files:**', '- Modify: `src/agent.py`', '', `- [ ] **Step 3: ${title}**`, '', ...body) }));
    expect(await step('Add the tracking fields', 'In `types.py`, add to the `RunMetadata` TypedDict: `active_subagents: Dict[str, str]` and `current_subagent_id: Optional[str]`.')).toEqual([]);
    expect(await step('Fix any remaining `cval()` callers', 'Search for all calls to `.cval(` and update them to pass the `cwd_z` argument.')).toEqual([]);
    expect(await step('Add storeTempData import', 'The file already imports `getTempData` (line 22). No new imports needed for this task.')).toEqual([]);
    expect(await step('Add a temporary CI workflow and verify the tests fail because the implementation file is absent')).toEqual([]);
    expect(await step('Add the tracking fields', 'In `types.py`, add the fields that track the active subagents.')).toEqual([expect.stringContaining('says to change code')]);
    const docs = task('### Task 5: Cross-link the docs', '**Files:**', '- Modify only as needed: `docs/concepts/how-sandboxes-work.mdx`', '- Review: all files under `docs/concepts/fleet/`', '', '- [ ] **Step 1: Add minimal entry links from existing Sandbox docs**', '', 'Add one short Fleet link where readers move from one sandbox to pooled capacity.');
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: docs }))).toEqual([]);
  });

  it('strict sp-files-exact-paths: a review of the earlier tasks\' files, and a key prefix in a note, are no missing path or glob', async () => {
    const files = (...entries: string[]): string[] => task('### Task 5: Final review', '**Files:**', ...entries, '', '- [ ] **Step 1: Compare the branch against `main`**');
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: [...TASK, '', ...files('- Review all files from Tasks 1-4.')] }))).toEqual([]);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: [...TASK, '', ...files('- Modify: `src/lerobot/utils/feature_utils.py` (map `observation.tactile.*` keys)')] }))).toEqual([]);
    expect(await lint('sp-files-exact-paths', spPlan({ tasks: [...TASK, '', ...files('- Modify: `src/lerobot/policies/*.py`')] }))).toEqual([expect.stringContaining('names a pattern')]);
  });
});

describe('habits of the seventy-eighth to eighty-first blind batches (round 41)', () => {
  it('sp-task-files and sp-commit-step: a task that lists no file, shows no code and opens no step with a change acts, and writes nothing', async () => {
    const held = task('### Task 2: Held PR — then STOP', '- [ ] Full-link sweep across the three HTML files.', '- [ ] Push `post/renamed`; open PR titled `feat: self-rename post`.', '- [ ] **STOP.** Jimbo reviews the PR. No merge, no post until his word.');
    const session = task('### Task 3 (post-approval): Joint LinkedIn page session', '- [ ] In the shared Chrome: navigate to `https://www.linkedin.com/company/setup/new/`.', '- [ ] **Jimbo clicks Create page** and completes any verification.');
    expect(await lint('sp-task-files', spPlan({ tasks: [...TASK, '', ...held, ...session] }))).toEqual([]);
    expect(await lint('sp-commit-step', spPlan({ tasks: [...TASK, '', ...held, ...session] }))).toEqual([]);
    const writes = task('### Task 2: Landing page', '- [ ] Add the hero section to the landing page.', '- [ ] Push `post/renamed`; open the PR.');
    expect(await lint('sp-task-files', spPlan({ tasks: [...TASK, '', ...writes] }))).toEqual([expect.stringContaining('Task 2 has no "**Files:**" block')]);
  });

  it('sp-commit-step asks no commit of a task whose Files label says its files are not committed', async () => {
    const scratch = (label: string): string[] => [...TASK, '', ...task('### Task 2: Show HN blurb', `**${label}:** \`announce-hn.md\` in the session scratchpad`, '', '- [ ] Write the Show HN title and two paragraphs.', '- [ ] Deliver the text verbatim in chat.')];
    expect(await lint('sp-commit-step', spPlan({ tasks: scratch('Files (scratchpad, not committed)') }))).toEqual([]);
    expect(await lint('sp-commit-step', spPlan({ tasks: scratch('Files') }))).toEqual([expect.stringContaining('Task 2 has no commit step')]);
  });

  it('sp-run-expected: a command whose comment states its outcome has it; the block\'s check without one is the one asked for', async () => {
    const block = (...lines: string[]): string[] => task('### Task 3: Validate and publish', '- [ ] **Step 1: Run checks**', '', '```bash', ...lines, '```', '', '- [ ] **Step 2: Manual verification**');
    expect(await lint('sp-run-expected', spPlan({ tasks: block('yarn fix              # must pass with 0 warnings', 'yarn test:typecheck   # must pass') }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: block('yarn fix              # must pass with 0 warnings', 'yarn test:typecheck   # must pass', 'cd packages/excalidraw && yarn build:esm') }))).toEqual([
      'The command `yarn build:esm` of Step 1 in Task 3 has no Expected: add "Expected: …" after it (PASS, FAIL with the message, or the output that shows the step worked).',
    ]);
  });

  it('sp-file-structure takes a "Project Layout" tree for the map', async () => {
    const tasks = [
      ...task('## Task 1: Scaffold project', '**Files:**', '- Create: `app/package.json`', '- Create: `app/src/server.ts`', '', '- [ ] **Step 1: Write the server**'),
      ...task('## Task 2: Render', '**Files:**', '- Create: `app/src/render.ts`', '- Test: `app/tests/render.test.ts`', '', '- [ ] **Step 1: Write the failing test**'),
    ];
    const layout = (heading: string): string[] => [heading, '', '```', 'app/', '├── package.json', '├── src/', '│   ├── server.ts', '│   └── render.ts', '└── tests/', '    └── render.test.ts', '```', ''];
    expect(await lint('sp-file-structure', spPlan({ before: layout('## Project Layout'), tasks }))).toEqual([]);
    expect(await lint('sp-file-structure', spPlan({ before: layout('## Background'), tasks }))).toEqual([expect.stringContaining('no File Structure section')]);
  });

  it('sp-file-structure takes a `.gitkeep` for the directory the map names', async () => {
    const keep = (dir: string): string[] => task('## Task 2: Create the `accuracy_profile/` directory', '**Files:**', `- Create: \`${dir}/.gitkeep\``, '', '- [ ] **Step 1: Make the directory**');
    const map = ['## File structure', '', '```', 'expert_precision_assignment/accuracy_profile/', '└── run_accuracy_sweep.sh', '```', ''];
    const lintKeep = (dir: string): Promise<string[]> => lint('sp-file-structure', spPlan({ before: map, tasks: [...task('## Task 1: Sweep', '**Files:**', '- Create: `expert_precision_assignment/accuracy_profile/run_accuracy_sweep.sh`', '', '- [ ] **Step 1: Write the script**'), ...keep(dir)] }));
    expect(await lintKeep('expert_precision_assignment/accuracy_profile')).toEqual([]);
    expect(await lintKeep('expert_precision_assignment/speed_profile')).toEqual([expect.stringContaining('is not in the file map')]);
  });

  it('task-numbering lets a superpowers plan go on with an earlier plan\'s numbers', async () => {
    const tasks = [16, 17, 18].flatMap((n) => task(`### Task ${n}: Part ${n}`, '- [ ] Do it.'));
    expect(await lint('task-numbering', spPlan({ tasks }))).toEqual([]);
    const gap = [16, 18].flatMap((n) => task(`### Task ${n}: Part ${n}`, '- [ ] Do it.'));
    expect(await lint('task-numbering', spPlan({ tasks: gap }))).toEqual([expect.stringContaining('Task 18 skips Task 17')]);
  });

  it('strict sp-files-exact-paths: a closing task\'s "any touched files above" and "only files touched by earlier tasks if …" point back', async () => {
    const closing = (entry: string): Promise<string[]> => lintSecondTask('sp-files-exact-paths', '### Task 2: Verify and open the PR', '**Files:**', entry, '', '- [ ] Run the focused verification.');
    expect(await closing('- Modify: any touched files above')).toEqual([]);
    expect(await closing('- Modify only files touched by earlier tasks if verification finds issues.')).toEqual([]);
    expect(await closing('- Modify: the touched settings pages')).toEqual([expect.stringContaining('names no file path')]);
  });
});

describe('habits of the eighty-second to eighty-fifth blind batches (round 42)', () => {
  const withGoal = (goal: string): string => spPlan({ tasks: TASK }).replace(/^\*\*Goal:\*\*.*$/m, `**Goal:** ${goal}`);

  it('sp-header-goal-one-sentence does not count closing sentences that only name the issue closed or a companion plan', async () => {
    const goal = 'Wire the gateway to consume the plugin metrics: extend the sanitizer allowlist and flip each plugin\'s `mode:`.';
    expect(await lint('sp-header-goal-one-sentence', withGoal(`${goal} Closes \`IBM/mcp-context-forge#5554\`. Companion plugin-side plan: \`IBM/cpex-plugins\` \`docs/superpowers/plans/2026-07-13-otel.md\` (other repo).`))).toEqual([]);
    expect(await lint('sp-header-goal-one-sentence', withGoal(`${goal} Closes \`IBM/mcp-context-forge#5554\`. Then bump the version floor.`))).toEqual([expect.stringContaining('The Goal has 3 sentences')]);
  });

  it('sp-commit-step: a database "commit point" is no commit step, and commits left to the user\'s authorization are not owed', async () => {
    const step = (title: string): string[] => [...TASK.slice(0, 29), `- [ ] **Step 5: ${title}**`, '', '```go', 'func Stage(ctx context.Context) error { return nil }', '```'];
    expect(await lint('sp-commit-step', spPlan({ tasks: step('Implement staging and reconciliation with database state as commit point') }))).toEqual([expect.stringContaining('Task 1 has no commit step')]);
    expect(await lint('sp-commit-step', spPlan({ tasks: step('Implement staging and commit') }))).toEqual([expect.stringContaining('says to commit without the commands')]);
    const bare = [...TASK.slice(0, 29), '- [ ] **Step 5: Commit**'];
    expect(await lint('sp-commit-step', spPlan({ before: ['**Scope note:** 第一版只支持 PostgreSQL。Git commit 步骤仅在用户明确授权后执行。', ''], tasks: bare }))).toEqual([]);
    expect(await lint('sp-commit-step', spPlan({ before: ['- Git commit steps run only after the user\'s explicit authorization.', ''], tasks: bare }))).toEqual([]);
    expect(await lint('sp-commit-step', spPlan({ tasks: bare }))).toEqual([expect.stringContaining('says to commit without the commands')]);
  });

  it('sp-run-expected takes a next step that reviews the run\'s output as its Expected', async () => {
    const tasks = (next: string): string[] => task('### Task 5: Verify The Change', '**Files:**', '- Test: `ui/src/pages/Inbox.test.tsx`', '', '- [ ] **Step 1: Run `pnpm vitest run ui/src/pages/Inbox.test.tsx`**', `- [ ] **Step 2: ${next}**`);
    expect(await lint('sp-run-expected', spPlan({ tasks: tasks('Review the output and only then report the exact verification result') }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: tasks('Report the exact verification result') }))).toEqual([expect.stringContaining('has no Expected')]);
  });

  it('sp-file-structure takes a sibling the map names by its suffix ("`x.up.sql` and `.down.sql`")', async () => {
    const map = ['## File map', '', '- `migrations/versioned/000066_tenant_skills.up.sql` and `.down.sql`: the tenant skill tables.', '- `internal/types/tenant_skill.go`: the types.', ''];
    const files = (...paths: string[]): string[] => task('### Task 1: Schema', '**Files:**', ...paths.map((p) => `- Create: \`${p}\``), '', '- [ ] **Step 1: Write the migration**');
    const lintMap = (...paths: string[]): Promise<string[]> => lint('sp-file-structure', spPlan({ before: map, tasks: [...files(...paths), ...task('### Task 2: Types', '**Files:**', '- Create: `internal/types/tenant_skill.go`', '', '- [ ] **Step 1: Write the types**')] }));
    expect(await lintMap('migrations/versioned/000066_tenant_skills.up.sql', 'migrations/versioned/000066_tenant_skills.down.sql')).toEqual([]);
    expect(await lintMap('migrations/versioned/000066_tenant_skills.up.sql', 'migrations/versioned/000067_tenant_roles.down.sql')).toEqual([expect.stringContaining('`migrations/versioned/000067_tenant_roles.down.sql` is not in the file map')]);
  });

  it('strict sp-files-exact-paths: what a Files (delete) block removes, a map row reverted, a key prefix, and a map row changed "if needed"', async () => {
    const del = (label: string): Promise<string[]> => lintSecondTask('sp-files-exact-paths', '### Task 2: Drop the old client', `**${label}:**`, '- `packages/common-utils/src/clickhouse/index.ts`', '- (any other files in the directory)', '', '- [ ] Delete the directory.');
    expect(await del('Files (delete)')).toEqual([]);
    expect(await del('Files')).toEqual([expect.stringContaining('names no file path')]);
    const map = (row: string): Promise<string[]> => lint('sp-files-exact-paths', spPlan({ before: ['## File Structure', '', row, ''], tasks: TASK }));
    expect(await map('- `packages/event-bus-client/*`, `packages/event-bus/*` — **reverted to `origin/main`.**')).toEqual([]);
    expect(await map('- `internal/connector/types.go`: add optional client settings for `proxy`, `timeout_seconds` if needed by SDK calls.')).toEqual([]);
    expect(await map('- `packages/event-bus-client/*` — the client bridge')).toEqual([expect.stringContaining('names a pattern')]);
    const note = (entry: string): Promise<string[]> => lintSecondTask('sp-files-exact-paths', '### Task 2: Rename env', '**Files:**', entry, '', '- [ ] Rename the variables.');
    expect(await note('- `packages/api/src/config.ts` — reads from `env.HYPERDX_*` → `env.BERG_*`')).toEqual([]);
  });
});

describe('habits of the eighty-sixth to eighty-ninth blind batches (round 43)', () => {
  it('sp-run-expected: PowerShell file cmdlets run no check, and a run inline after "Run full" or written plain is a command named', async () => {
    const block = (...lines: string[]): string[] => task('### Task 2: Rename the probe', '- [ ] **Step 1: Run it**', '', '```powershell', ...lines, '```');
    expect(await lint('sp-run-expected', spPlan({ tasks: block('Rename-Item C:\\dev\\memoria\\tests\\integration\\verify-vcptoolbox.js verify.js') }))).toEqual([]);
    expect(await lint('sp-run-expected', spPlan({ tasks: block('npm test') }))).toEqual([expect.stringContaining('has no Expected')]);
    const ci = (constraint: string): Promise<string[]> => lint('sp-run-expected', spPlan({ before: ['## Global Constraints', '', constraint, ''], tasks: task('### Task 6: Consistency pass', '- [ ] **Step 1:** Diff the five contract docs.', '- [ ] **Step 2:** Run full `make ci` across all 5 changed plugin dirs.') }));
    expect(await ci('- **CI gate:** `make ci` per changed plugin dir must be green before a task is done.')).toEqual([]);
    expect(await ci('- Keep the contract docs in step.')).toEqual([expect.stringContaining('has no Expected: add "Expected: …" after `make ci`')]);
    const plain = task('### Task 2: Package boundary', '- [ ] Run pnpm build:test and the consumer test; confirm the CommonJS package fails for the intended reason.');
    expect(await lint('sp-run-expected', spPlan({ tasks: plain }))).toEqual([expect.stringContaining('names `pnpm build:test` but not the exact command for everything it runs')]);
  });

  it('sp-run-expected: "Run the focused tests and confirm …" says what it expects, so only the command is asked for', async () => {
    const [m] = await lint('sp-run-expected', spPlan({ tasks: task('### Task 2: Same inode', '- [ ] Run the focused tests and confirm the same-inode case is not rejected by current code.') }));
    expect(m).toContain('says to run something and what to expect, but names no command in the step');
  });

  it('sp-header-tech-stack, -goal, -architecture: a header line placed after a Status section, still before the first task, is there', async () => {
    const late = spPlan({ tasks: TASK })
      .replace(/^\*\*Tech Stack:\*\*.*$/m, '')
      .replace(/^---$/m, '## Status\n\n| Block | Status |\n|---|---|\n| 1 | DONE |\n\n**Tech Stack:** Rust (tokio, serde), Python\n\n---');
    expect(await lint('sp-header-tech-stack', late)).toEqual([]);
    expect(await lint('sp-header-tech-stack', late.replace('**Tech Stack:** Rust (tokio, serde), Python', ''))).toEqual([expect.stringContaining('has no "**Tech Stack:**" line')]);
  });

  it('sp-header-agentic-line accepts "Implement inline task-by-task", and still reports "implement task-by-task, test-first"', async () => {
    const line = (text: string): string => spPlan({ tasks: TASK }).replace(/^> \*\*For agentic workers:\*\*.*$/m, `> **For agentic workers:** ${text}`);
    expect(await lint('sp-header-agentic-line', line('Implement inline task-by-task. Use TDD for behavior changes.'))).toEqual([]);
    expect(await lint('sp-header-agentic-line', line('implement task-by-task, test-first. Steps use checkbox (`- [ ]`) syntax.'))).toEqual([expect.stringContaining('names no REQUIRED SUB-SKILL')]);
  });

  it('sp-header-goal-one-sentence does not count a closing "Companion gateway-side issue: …" sentence', async () => {
    const plan = spPlan({ tasks: TASK }).replace(/^\*\*Goal:\*\*.*$/m, '**Goal:** Extend the metrics contract to the 5 remaining plugins. Closes `IBM/cpex-plugins#129`. Companion gateway-side issue: `IBM/mcp-context-forge#5554` (separate plan, other repo).');
    expect(await lint('sp-header-goal-one-sentence', plan)).toEqual([]);
  });

  it('sp-code-step-without-code: a procedure written into a handoff, manifest scripts or members, and an entry added at a named place', async () => {
    const step = (title: string, files: string[], ...body: string[]): Promise<string[]> =>
      lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 2: Boundary', '**Files:**', ...files, '', `- [ ] **Step 2: ${title}**`, '', ...body) }));
    expect(await step('Add the repeatable four-node Warp acceptance procedure and measurements to the implementation handoff', ['- Modify: `scripts/check_logging_guardrails.sh`'])).toEqual([]);
    expect(await step('Add format, format:check, lint, typecheck, test, build and verify:pack scripts', ['- Modify: package.json, tsconfig.base.json'])).toEqual([]);
    expect(await step('Add format, format:check, lint, typecheck, test, build and verify:pack scripts', ['- Modify: `src/cli.ts`'])).toEqual([expect.stringContaining('says to change code')]);
    expect(await step('Add to workspace members', ['- Modify: `crates/x/src/lib.rs`'], 'Root `Cargo.toml`, in `[workspace] members = [...]`, add `"crates/ironclaw_product_context"`.')).toEqual([]);
    expect(await step('Add buyer API namespace', ['- Modify: `frontend/src/api.js`'], 'In `frontend/src/api.js`, add `buyerApi` with list and get methods.')).toEqual([expect.stringContaining('says to change code')]);
  });

  it('sp-task-files: files listed with their action but no label, in a plan that labels the others; a heading over a range of tasks', async () => {
    const overlays = task('## Task 2: New Overlays', '- Create `packages/settings/overlays/network-egress.json` (full content in spec section 3.1)', '- Create `packages/settings/overlays/audit.json`');
    expect(await lint('sp-task-files', spPlan({ tasks: [...TASK, '', ...overlays] }))).toEqual([]);
    expect(await lintSecondTask('sp-task-files', '## Task 2: New Overlays', '- Write the two overlays from spec section 3.1.')).toEqual([expect.stringContaining('Task 2 has no "**Files:**" block')]);
    const range = ['## Task 2-3: Two Hooks', '', 'Each hook follows the same pattern.', '', '### Task 2: bash guard', '', '**Files:**', '- Create: `packages/hooks/src/bash/index.ts`', '', '### Task 3: env guard', '', '**Files:**', '- Create: `packages/hooks/src/env/index.ts`', ''];
    expect(await lint('sp-task-files', spPlan({ tasks: [...TASK, '', ...range] }))).toEqual([]);
    expect(await lint('task-numbering', spPlan({ tasks: [...TASK, '', ...range] }))).toEqual([]);
  });

  it('strict sp-interfaces takes signatures written without backticks as exact names', async () => {
    const block = (...entries: string[]): string[] => [...TASK.slice(0, 6), '**Interfaces:**', '', ...entries, '', ...TASK.slice(6)];
    expect(await lint('sp-interfaces', spPlan({ tasks: block('- MemoryEngine.reconcile(): Promise<ReconciliationReport>', '- MemoryDocumentSource { type?: string; uri?: string }') }))).toEqual([]);
    expect(await lint('sp-interfaces', spPlan({ tasks: block('- the engine and its document source') }))).toEqual([expect.stringContaining('says neither what it consumes nor what it produces')]);
  });

  it('fence-balanced names a block in a list item whose code, not its closing fence, is written at column 0', async () => {
    const commit = (...body: string[]): string[] =>
      task('### Task 3: Commit and open PR', '- [ ] **Step 2: Commit**', '', '  ```bash', '  git commit -m "fix(ui): make the date range pickable', '', ...body, '', '  Fixes SUP-11"', '  ```', '', '- [ ] **Step 3: Push the branch**');
    expect(await lint('fence-balanced', spPlan({ tasks: commit('- Replace raw <input type=date> with the Input component') }))).toEqual([
      'This fence is indented in a list item, but its code at line 20 is not, so CommonMark ends the block with the list item there and the fence at line 23 opens a new block that reads what follows as code: indent the code like this fence.',
    ]);
    expect(await lint('fence-balanced', spPlan({ tasks: commit('  - Replace raw <input type=date> with the Input component') }))).toEqual([]);
  });

  it('strict sp-files-exact-paths: a Windows path to a LICENSE, a map row changed "when needed", "Review all files changed above"', async () => {
    const entry = (e: string): Promise<string[]> => filesEntry('### Task 2: Wrap up', e, '- [ ] Review the diff.');
    expect(await entry('- Create: `C:\\dev\\memoria\\LICENSE`')).toEqual([]);
    expect(await entry('- Review all files changed above')).toEqual([]);
    expect(await entry('- Create: `C:\\dev\\memoria\\notes`')).toEqual([expect.stringContaining('names no file path')]);
    const row = (r: string): Promise<string[]> => lint('sp-files-exact-paths', spPlan({ before: ['## File Map', '', r, ''], tasks: TASK }));
    expect(await row('- `crates/madmin/src/site_replication.rs`: response DTO fields for peer state when needed.')).toEqual([]);
  });
});

describe('habits of the ninetieth to ninety-third blind batches (round 44)', () => {
  it('sp-run-expected: "Run Step 2, then … commit" repeats a run its task gives', async () => {
    const tests = ['- [ ] **Step 2: Run focused tests**', '', '```bash', 'node build/test.mjs main', '```', '', 'Expected: the retained IP assertions pass.', ''];
    const commit = ['- [ ] **Step 3: Run focused tests and commit**', '', 'Run Step 2, then stage only Task 1 files and commit with `feat: persist client IP usage`.'];
    const plan = (...body: string[]): string => spPlan({ tasks: task('### Task 1: Client IP', '- [ ] **Step 1: Keep the IP assertions**', '', ...body) });
    expect(await lint('sp-run-expected', plan(...tests, ...commit))).toEqual([]);
    expect(await lint('sp-run-expected', plan(...commit))).toEqual([expect.stringContaining('says to run something but names no command and no Expected')]);
  });

  it('sp-commit-step: a task whose files are host configuration, local-only edits or runtime state owes no commit', async () => {
    const host = (...entries: string[]): Promise<string[]> =>
      lintSecondTask('sp-commit-step', '### Task 2: Host configuration', '**Files:**', ...entries, '', '- [ ] **Step 1: Create the channel config**', '', '```json', '{ "weixin": { "enabled": true } }', '```');
    expect(await host('- Create: `F:\\VibeTrading\\config\\agent.json`', '- Modify locally: `F:\\VibeTrading\\Vibe-Trading\\docker-compose.local.yml`', '- Read without exposing values: `F:\\VibeTrading\\config\\agent.env`')).toEqual([]);
    expect(await host('- Persistent runtime state only: Docker volume path `/home/vibe/.vibe-trading/weixin/account.json`')).toEqual([]);
    expect(await host('- Create: `config/agent.json`')).toEqual([expect.stringContaining('Task 2 has no commit step')]);
    // A plan that writes every path from the drive names its own files that way.
    const drive = spPlan({ tasks: task('### Task 1: Config', '**Files:**', '- Create: `C:\\dev\\memoria\\config\\agent.json`', '', '- [ ] **Step 1: Write it**', '', '```json', '{}', '```') });
    expect(await lint('sp-commit-step', drive)).toEqual([expect.stringContaining('Task 1 has no commit step')]);
  });

  it('sp-file-structure: an existing test file the task leaves as it is need not be mapped', async () => {
    const map = ['## File Structure', '', '| File | Responsibility |', '|---|---|', '| `install.sh` | the installer |', '| `tests/install.bats` | its tests |', '| `src/cleaner/index.ts` | the daemon |', ''];
    const tested = (entry: string): Promise<string[]> =>
      lint('sp-file-structure', spPlan({ before: map, tasks: [...TASK, '', ...task('### Task 2: Expose getRules()', '**Files:**', '- Modify: `src/cleaner/index.ts:120-150`', entry, '', '- [ ] **Step 1: Add the getter**', '', '```ts', 'getRules(): Rule[] { return this.rules; }', '```')] }));
    expect(await tested('- Test: 现有 `cleaner.test.ts`(无新测试, 此方法纯 getter)')).toEqual([]);
    expect(await tested('- Test: existing `cleaner.test.ts` (no new tests; a plain getter)')).toEqual([]);
    expect(await tested('- Test: `cleaner.test.ts`')).toEqual([expect.stringContaining("Task 2's file `cleaner.test.ts` is not in the file map")]);
  });

  it('sp-code-step-without-code: a function given its new body as one expression is an exact edit', async () => {
    const step = (...body: string[]): Promise<string[]> =>
      lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 2: Catalog', '**Files:**', '- Modify: `internal/translator/catalog.go`', '', '- [ ] **Step 4: Route response name restoration through the same catalog**', '', ...body) }));
    expect(await step('Change `buildReverseMapFromOriginalOpenAI` to delegate to `buildToolCatalog(original).originalByShort`, so both calls restore names alike.')).toEqual([]);
    expect(await step('Change `buildReverseMapFromOriginalOpenAI` so custom and function calls restore names alike.')).toEqual([expect.stringContaining('says to change code')]);
  });

  it('strict sp-files-exact-paths: "Modify only files required by failures found", and a map pattern over "Generated only from …"', async () => {
    const entry = (e: string): Promise<string[]> => filesEntry('### Task 5: Final verification', e, '- [ ] Run the suite.');
    expect(await entry('- Modify only files required by failures found in this task.')).toEqual([]);
    expect(await entry('- Modify the files the suite needs.')).toEqual([expect.stringContaining('names no file path')]);
    const map = (under: string): Promise<string[]> => lint('sp-files-exact-paths', spPlan({ before: ['## File Structure', '', '- Modify later: `backend/patches/paged/*.patch`', `  - ${under}`, ''], tasks: TASK }));
    expect(await map('Generated only from fork commits using `git format-patch`; never edited directly.')).toEqual([]);
    expect(await map('The paged-attention patches.')).toEqual([expect.stringContaining('names a pattern')]);
  });
});

describe('habits of the ninety-fourth to ninety-seventh blind batches (round 45)', () => {
  it('sp-run-expected hears "0 错误" (0 errors) after an inline command as its outcome', async () => {
    const check = (item: string): Promise<string[]> => lint('sp-run-expected', spPlan({ tasks: task('## Task 8: 验证', `- [ ] 8.1 ${item}`, '- [ ] 8.2 `pnpm test` 全过(老 + 新)') }));
    expect(await check('`pnpm typecheck` 0 错误')).toEqual([]);
    expect(await check('`pnpm typecheck`')).toEqual([expect.stringContaining('has no Expected')]);
  });

  it('sp-no-placeholders leaves a TODO over complete code that says when to undo it', async () => {
    const model = (comment: string): Promise<string[]> =>
      lint('sp-no-placeholders', spPlan({ tasks: task('### Task 1: Zalo channel', '**Files:**', '- Create: `app/models/channel/zalo_oa.rb`', '', '- [ ] **Step 1: Add the model**', '', '```ruby', 'class Channel::ZaloOa < ApplicationRecord', `  ${comment}`, '  if Chatwoot.encryption_configured?', '    encrypts :app_secret', '  end', 'end', '```') }));
    expect(await model('# TODO: Remove guard once encryption keys become mandatory (target 3-4 releases out).')).toEqual([]);
    expect(await model('# TODO: encrypt the token too')).toEqual([expect.stringContaining('has a placeholder')]);
  });

  it('sp-code-step-without-code: a data task that also generates a directory\'s contents writes no code', async () => {
    const inventory = (generated: string): Promise<string[]> =>
      lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 2: Batch 01 inputs', '**Files:**', '- Create: `data/01/series-inventory-v01.json`', `- Generate: \`${generated}\``, '- Create: `data/01/README.md`', '', '- [ ] **Step 2: Write the complete 50-topic inventory**', '', 'Use the exact 50 titles in the approved design spec; each item includes `series_slot` 1—50 and `status: planned`.') }));
    expect(await inventory('data/01/batch-01/batches/20260810/*')).toEqual([]);
    expect(await inventory('scripts/health_batch.py')).toEqual([expect.stringContaining('says to change code')]);
  });

  it('strict sp-files-exact-paths: a file named "(if needed)", a new migration the tool names', async () => {
    const entry = (e: string): Promise<string[]> => filesEntry('### Task 3: Docs', e, '- [ ] Update the protocol.');
    expect(await entry('- Modify: `docs/validation-protocol.md`, `docs/architecture.md` (if needed)')).toEqual([]);
    expect(await entry('- Modify: `docs/validation-protocol.md` and related files as needed')).toEqual([expect.stringContaining('leaves the list open')]);
    expect(await entry('- Create: new drizzle migration to drop `outbox_events` table')).toEqual([]);
    expect(await entry('- Create: the outbox cleanup module')).toEqual([expect.stringContaining('names no file path')]);
  });

  it('strict sp-files-line-range: a line number beside a named anchor, in parentheses after it or after a dash', async () => {
    const placed = (where: string): Promise<string[]> =>
      lint('sp-files-line-range', spPlan({ tasks: task('### Task 3: Metrics', '**Files:**', '- Modify: `temporalio/bridge/metric.py`', '', '- [ ] **Step 1: Add the wrapper class**', '', `${where}, insert:`, '', '```python', 'class MetricUpDownCounter: ...', '```') }));
    expect(await placed('After the `MetricCounter` class (after line 56)')).toEqual([]);
    expect(await placed('After the deviations card (after line 319 — the `</div>` closing `devs-card`)')).toEqual([]);
    expect(await placed('After line 56')).toEqual([expect.stringContaining('places an edit by line number')]);
  });
});

describe('habits of the ninety-eighth to 101st blind batches (round 46)', () => {
  it('sp-run-expected: an install after activating a virtualenv, and "Verify the new methods appear in …"', async () => {
    const run = (command: string, ...after: string[]): Promise<string[]> =>
      lint('sp-run-expected', spPlan({ tasks: task('### Task 3: Build', '- [ ] **Step 3: Install and build**', '', '```bash', command, '```', '', ...after) }));
    expect(await run('source .venv/bin/activate && pip install -r requirements-test.txt')).toEqual([]);
    expect(await run('source .venv/bin/activate && pytest tests/ -q')).toEqual([expect.stringContaining('has no Expected')]);
    expect(await run('wasm-pack build crates/pipeline --target web', 'Verify the new methods appear in `prebuilds/pipeline/pipeline.d.ts`.')).toEqual([]);
  });

  it('sp-commit-step: a commit the code makes, a fix-and-commit loop on failed checks, a commit made in a later task', async () => {
    const steps = (...items: string[]): Promise<string[]> => lintSecondTask('sp-commit-step', '### Task 2: Filter engine', '**Files:**', '- Modify: `src/engine.ts`', '', ...items);
    const closing = ['- [ ] **Step 9: Commit**', '', '```bash', 'git add src/engine.ts', 'git commit -m "feat: filter engine"', '```'];
    expect(await steps('- [ ] Extend the guarded commit path to raster/control and commit source, settings, cache, and history atomically.', ...closing)).toEqual([]);
    expect(await steps('- [ ] Remove popover-owned preview/commit lifecycle and keep the session alive.', ...closing)).toEqual([]);
    expect(await steps('- [ ] **Step 5: Monitor checks until green**', '', 'Use `gh pr checks --watch` and inspect any failed GitHub Actions logs. Fix, commit, push, and continue monitoring until all required checks pass.')).toEqual([]);
    expect(await steps('- [ ] **Step 5: Add the filter and commit**', '', 'Add the filter, then commit.')).toEqual([expect.stringContaining('says to commit without the commands')]);
    const merge = (title: string): Promise<string[]> =>
      lint('sp-commit-step', spPlan({ tasks: [...task('### Task 1: Merge upstream', '**Files:**', '- Modify: `Cargo.toml`', '', '**Step 1: Merge**', '', '```bash', 'git merge upstream/main --no-edit', '```', '', `**Step 2: ${title}**`), ...TASK.map((l) => l.replace('Task 1', 'Task 2'))] }));
    expect(await merge('Commit (after conflict resolution in Task 2)')).toEqual([]);
    expect(await merge('Commit')).toEqual([expect.stringContaining('says to commit without the commands')]);
  });

  it('sp-commit-step: a commit in a section after the last task is the plan\'s one commit, owed its commands', async () => {
    const plan = (...closing: string[]): Promise<string[]> =>
      lint('sp-commit-step', spPlan({ tasks: [...task('## Task 1: Shared interaction contract', '**Files:**', '- Modify: `src/PromptList.tsx`', '', '- [ ] Implement the shared contract.'), '## Final verification', '', '- [ ] Run `pnpm run test:all`.', ...closing] }));
    expect(await plan('- [ ] Commit the implementation with a focused message.')).toEqual([
      'The plan\'s closing commit ("Commit the implementation with a focuse…") has no commands: show `git add <the plan\'s files>` and `git commit -m "…"` in a bash block.',
    ]);
    expect(await plan('- [ ] Commit the implementation:', '', '```bash', 'git add src/PromptList.tsx', 'git commit -m "fix: prompt list interactions"', '```')).toEqual([]);
    expect(await plan()).toEqual([expect.stringContaining('Task 1 has no commit step')]);
  });

  it('sp-file-structure: a map headed "File and Interface Map" or under a "**File Structure:**" label, "Files modified", "and matching tests"', async () => {
    const files = ['**Files:**', '- Create: `src/a.ts`', '- Create: `src/b.ts`', '- Create: `src/c.ts`', '- Test: `tests/a.test.ts`', '', '- [ ] **Step 1: Write it**', '', '```ts', 'export const a = 1;', '```'];
    const plan = (...map: string[]): Promise<string[]> => lint('sp-file-structure', spPlan({ before: map, tasks: task('### Task 1: Modules', ...files).concat(task('### Task 2: More', '**Files:**', '- Modify: `src/a.ts`', '', '- [ ] Change it.')) }));
    const table = ['| Path | Responsibility |', '| --- | --- |', '| `src/a.ts` | a |', '| `src/b.ts` | b |', '| `src/c.ts` | c |', ''];
    expect(await plan('## File and Interface Map', '', ...table)).toEqual([expect.stringContaining("Task 1's file `tests/a.test.ts` is not in the file map (\"File and Interface Map\"")]);
    expect(await plan('**File Structure:**', '', ...table)).toEqual([expect.stringContaining('not in the file map ("**File Structure:**"')]);
    expect(await plan('## Files modified', '', '| File | Change |', '| --- | --- |', '| `src/a.ts` | b |', '')).toEqual([]);
    expect(await plan('**File map:**', '- Create: `src/a.ts`, `src/b.ts`, `src/c.ts`, and matching tests.', '')).toEqual([]);
    expect(await plan('## Background', '', 'Nothing is mapped here.', '')).toEqual([expect.stringContaining('has no File Structure section')]);
  });

  it('strict sp-files-exact-paths: closing checks over the files above, files left in place, a merge\'s files', async () => {
    const entry = (e: string): Promise<string[]> => filesEntry('### Task 4: Verify', e, '- [ ] Run the suite.');
    expect(await entry('- Verify all modified Go and JSON files.')).toEqual([]);
    expect(await entry('- Verify: council workflow, runtime, derivation, and UI files above')).toEqual([]);
    expect(await entry('- Leave settlement/observation modules in place until Task 6 if the legacy path needs them')).toEqual([]);
    expect(await entry('- All — merge touches 182 files')).toEqual([]);
    expect(await entry('- Modify: the council workflow and UI files')).toEqual([expect.stringContaining('names no file path')]);
  });
});

describe('strict sp-failing-test-first: a step that only declares types, a test written and never run', () => {
  const steps = (files: string, ...items: string[]): Promise<string[]> =>
    lint('sp-failing-test-first', spPlan({ tasks: task('### Task 2: Federation', '**Files:**', `- Modify: \`${files}\``, '', ...items, '- [ ] **Step 9: Commit**', '', '```bash', `git add ${files}`, 'git commit -m "feat: federation"', '```') }));
  const block = (lang: string, title: string, ...code: string[]): string[] => [`- [ ] **${title}**`, '', `\`\`\`${lang}`, ...code, '```', ''];
  const goTest = block('go', 'Step 1: Write validation tests', 'func TestHandle(t *testing.T) {', '\tif handleKind(nil) != "int" { t.Fatal("kind") }', '}');
  const goTypes = block('go', 'Step 2: Define handle kinds and descriptors', 'type handleKind string', '', 'const (', '\thandleInt handleKind = "int"', ')', '', 'type descriptor struct {', '\tkind handleKind', '}');
  const goImpl = block('go', 'Step 3: Implement supported-handle validation', 'func handleKind(d *descriptor) handleKind {', '\tif d == nil { return handleInt }', '\treturn d.kind', '}');
  const run = ['- [ ] **Step 4: Run tests**', '', 'Run: `go test ./pkg/session -run TestHandle`', 'Expected: PASS', ''];

  it('passes over Go types and Python fields for the step that implements behaviour', async () => {
    expect(await steps('pkg/session/handle.go', ...goTest, ...goTypes, ...goImpl, ...run)).toEqual([
      'Task 2 changes code in Step 3 ("Implement supported-handle validation") before the test Step 1 writes has been seen to fail: run it first (Expected: FAIL with the message), then implement.',
    ]);
    const counter = block('python', 'Step 1: Add the report counter first (needed by the method)', '    num_connections_list_failed: int = 0');
    const pyTest = block('python', 'Step 2: Write the failing test', 'def test_connections():', '    assert proxy().connections() == {}');
    const red = ['- [ ] **Step 3: Run test to verify it fails**', '', 'Run: `pytest tests/unit/test_federation.py -q`', "Expected: FAIL — AttributeError: no attribute 'connections'", ''];
    const pyImpl = block('python', 'Step 4: Implement connections()', 'def connections(self):', '    return {}');
    expect(await steps('src/proxy.py', ...counter, ...pyTest, ...red, ...pyImpl, ...run)).toEqual([]);
    const dataclass = block('python', 'Step 1: Add the report fields', '@dataclass', 'class Report:', '    """Counts."""', '    failed: int = 0', '    names: list[str] = field(default_factory=list)');
    expect(await steps('src/report.py', ...dataclass, ...pyTest, ...red, ...pyImpl, ...run)).toEqual([]);
  });

  it('still reports the types when they are the task\'s only change, and asks for a test when the one written was run and passed', async () => {
    expect(await steps('sim/kernel_profile.go', ...goTypes, ...goTest, ...run)).toEqual([expect.stringContaining('changes code in Step 2 ("Define handle kinds and descriptors") before any test has been seen to fail: first write the failing test')]);
    expect(await steps('pkg/session/handle.go', ...goTest, ...run.map((l) => l.replace('Step 4', 'Step 2')), ...goImpl, ...run)).toEqual([expect.stringContaining('before any test has been seen to fail: first write the failing test')]);
  });
});

describe('habits of the 102nd to 109th blind batches (rounds 47 and 48)', () => {
  it('sp-commit-step: a commit policy with bold words, files under /tmp, a harness made and deleted before the commit', async () => {
    const commits = (parts: { before?: string[]; tasks: string[] }): Promise<string[]> => lint('sp-commit-step', spPlan(parts));
    const noCommit = task('### Task 1: Onboarding', '**Files:**', '- Modify: `src/onboarding.ts`', '', '- [ ] Implement the onboarding step.');
    expect(await commits({ before: ['**Commit policy:** Do **not** commit during execution. The user commits manually after review.', ''], tasks: noCommit })).toEqual([]);
    expect(await commits({ tasks: noCommit })).toEqual([expect.stringContaining('Task 1 has no commit step')]);
    const outside = (...files: string[]): Promise<string[]> => commits({ tasks: [...TASK, '', ...task('### Task 2: Pre-flight', '**Files:**', ...files, '', '- [ ] **Step 1: Capture state**', '', '```bash', 'bd show > /tmp/state.txt', '```')] });
    expect(await outside('- Create: `/tmp/phase5b-preflight-state.txt`')).toEqual([]);
    expect(await outside('- Create temporarily: `examples/smoke.rs`', '- Delete before commit: `examples/smoke.rs`')).toEqual([]);
    const inRepo = task('### Task 2: State', '**Files:**', '- Create: `src/state.ts`', '', '- [ ] **Step 1: Write the state module**', '', '```ts', 'export const state = () => 1;', '```');
    expect(await commits({ tasks: [...TASK, '', ...inRepo] })).toEqual([expect.stringContaining('Task 2 has no commit step')]);
  });

  it('sp-commit-step: `pre-commit run` checks a commit; it is not the plan\'s own way of making one', async () => {
    const tasks = [...TASK.slice(0, 33), '- [ ] **Step 5: Check and commit**', '', '```bash', 'pre-commit run --all-files', '```', '', ...task('### Task 2: Docs', '**Files:**', '- Modify: `docs/api.md`', '', '- [ ] Update the docs; commit signed off.')];
    expect(await lint('sp-commit-step', spPlan({ tasks }))).toContainEqual(expect.stringContaining('show `git add <the task\'s files>` and `git commit -m "…"` in a bash block'));
  });

  it('sp-code-step-without-code: "Create empty `pkg/__init__.py`" writes no code', async () => {
    const step = (title: string): Promise<string[]> => lint('sp-code-step-without-code', spPlan({ tasks: task('### Task 3: Store package', '**Files:**', '- Create: `src/laputa/store/__init__.py`', '- Create: `src/laputa/store/db.py`', '', `- [ ] **Step 3: ${title}**`) }));
    expect(await step('Create empty `src/laputa/store/__init__.py`')).toEqual([]);
    expect(await step('Create `src/laputa/store/db.py` with the connection pool')).toEqual([expect.stringContaining('shows no code')]);
  });

  it('sp-header-agentic-line: the execution skill after a status note, an unlabelled quote that executes through agents', async () => {
    const header = (agentic: string): Promise<string[]> => lint('sp-header-agentic-line', spPlan({ agentic, tasks: TASK }));
    expect(await header('> **Status:** ✅ IMPLEMENTED — PR #31.\n\n> **For Hermes:** Use subagent-driven-development skill to implement this plan task-by-task.')).toEqual([]);
    expect(await header('> Execute the independent core service and tool integration tasks with the parallel\n> agent workflow; integrate HTTP/configuration locally.')).toEqual([]);
    expect(await header('> Execute this plan test-first. Do not begin until the baseline gates pass.')).toEqual([expect.stringContaining('no agentic-workers line')]);
  });

  it('sp-file-structure: a Task 0 that only adds the plan itself is not held to the feature\'s map', async () => {
    const map = ['## File Structure', '', '- `install.sh`: the installer', '- `tests/install.bats`: its tests', ''];
    const task0 = (file: string): string[] => task('### Task 0: Commit the plan', '**Files:**', `- Add: \`${file}\``, '', '- [ ] Commit the plan.');
    expect(await lint('sp-file-structure', spPlan({ before: map, tasks: [...task0('docs/superpowers/plans/2026-05-12-placeholder-component.md'), ...TASK] }))).toEqual([]);
    expect(await lint('sp-file-structure', spPlan({ before: map, tasks: [...task0('docs/release-notes.md'), ...TASK] }))).toEqual([expect.stringContaining('`docs/release-notes.md` is not in the file map')]);
  });

  it('sp-header-goal-one-sentence and sp-header-title: "Stacks on PR #1459.", a "Reimplementation Plan"', async () => {
    expect(await lint('sp-header-goal-one-sentence', spPlan({ goal: 'Build an SMP regression benchmark at a 1Hz bucket interval. Stacks on PR #1459.', tasks: TASK }))).toEqual([]);
    expect(await lint('sp-header-goal-one-sentence', spPlan({ goal: 'Build an SMP regression benchmark. Run it nightly.', tasks: TASK }))).toEqual([expect.stringContaining('2 sentences')]);
    expect(await lint('sp-header-title', spPlan({ title: '# Domain Archive Upstream Reimplementation Plan', tasks: TASK }))).toEqual([]);
    expect(await lint('sp-header-title', spPlan({ title: '# Domain Archive Upstream Plan', tasks: TASK }))).toEqual([expect.stringContaining('does not say "Implementation Plan"')]);
  });

  it('sp-no-placeholders: an optional extra check with its command and Expected leaves nothing open', async () => {
    const step = (...body: string[]): Promise<string[]> => lintSecondTask('sp-no-placeholders', '### Task 2: Verify', '- [ ] **Step 4: Optionally confirm `large-v3` with the same safe path**', '', ...body);
    expect(await step('Run when the machine is idle:', '', '```bash', 'cargo run --example smoke -- large-v3', '```', '', 'Expected: the same CPU decision, exit 0.')).toEqual([]);
    expect(await step('Check the larger model too if there is time.')).toEqual([expect.stringContaining('leaves the work open ("Optionally")')]);
  });

  it('fence-balanced: a nested snippet whose inner blocks include one a line introduces ("Expected output:") closes at its real end', async () => {
    const snippet = ['- [ ] **Step 2: Add the section**', '', '```markdown', '## Data sources', '', 'Verify your configuration:', '', '```bash', 'poetry run python test_data_sources.py', '```', '', 'Expected output:', '```', 'US Stocks - PASS', '```', '', '### Troubleshooting', '```', '', '- [ ] **Step 3: Commit**'];
    const plan = spPlan({ tasks: [...TASK, '', ...task('### Task 2: Docs', '**Files:**', '- Modify: `README.md`', '', ...snippet)] });
    const [m] = await lint('fence-balanced', plan);
    const lines = plan.split('\n');
    expect(m).toContain(`close it with \`\`\`\` at line ${lines.lastIndexOf('```') + 1}`);
  });
  it('strict sp-files-exact-paths: a pointer to lists above, unchanged files by pattern, identical copies, a map\'s shorthand for files it lists', async () => {
    const entry = (e: string): Promise<string[]> => filesEntry('### Task 2: Revert', e, '- [ ] Run the suite.');
    expect(await entry('- All files from commit `9a600dea16` (see reverted file lists above)')).toEqual([]);
    expect(await entry('- Create: `cases/dsd_uds_*/datadog.yaml` (15 files, identical content)')).toEqual([]);
    expect(await entry('- Create: `cases/dsd_uds_*/datadog.yaml`')).toEqual([expect.stringContaining('names a pattern')]);
    const map = (...rows: string[]): Promise<string[]> => lint('sp-files-exact-paths', spPlan({ before: ['## File Structure', '', ...rows, ''], tasks: TASK }));
    expect(await map('| `src/tools/zod.ts` | Modify |', '| All other `src/**/*.ts` files using `from "zod"` | **No changes needed** |')).toEqual([]);
    const listed = ['Modified files:', '', '- `src/lang/zh-cn.json`', '- `src/lang/en-us.json`', '', 'Responsibility split:', ''];
    expect(await map(...listed, '- `src/lang/*.json`: localized labels for the new settings')).toEqual([]);
    expect(await map(...listed, '- `src/lang/*.json` (12 other files): the remaining locales')).toEqual([expect.stringContaining('names a pattern')]);
  });

  it('strict sp-failing-test-first: setting up the test runner, and the task after one that leaves its red run to it', async () => {
    const setup = task('### Task 2: Install vitest in server', '**Files:**', '- Create: `server/vitest.config.ts`', '', '- [ ] **Step 2: Create vitest config**', '', '```ts', "export default defineConfig({ test: { environment: 'node' } });", '```', '', '- [ ] **Step 3: Write a smoke test**', '', '```ts', "test('runs', () => expect(1).toBe(1));", '```');
    expect(await lint('sp-failing-test-first', spPlan({ tasks: setup }))).toEqual([]);
    const red = (note: string): string[] => [
      ...task('### Task 1: Pool scaffold', '- [ ] **Step 1: Write the failing test**', '', '```ts', "test('has a piece per variant', () => expect(pool.length).toBeGreaterThan(0));", '```', '',
        '- [ ] **Step 2: Write the picker**', '', '```ts', 'export const pool: string[] = [];', 'export const pick = () => pool[0];', '```', '',
        '- [ ] **Step 3: Run the tests and verify they still fail (pool is empty)**', '', '```bash', 'pnpm test pool', '```', '', 'Expected: FAIL — no piece per variant.', '', note),
      ...task('### Task 2: Seed the pool', '- [ ] **Step 1: Replace the empty pool with the seed entries**', '', '```ts', "export const pool = ['bird'];", '```', '', '- [ ] **Step 2: Run the tests**', '', 'Run: `pnpm test pool`', 'Expected: PASS', '', '- [ ] **Step 3: Commit**', '', '```bash', 'git add src/pool.ts', 'git commit -m "feat: seed the pool"', '```'),
    ];
    expect(await lint('sp-failing-test-first', spPlan({ tasks: red('This is the expected red — the pool gets seeded in the next task.') }))).toEqual([]);
    expect(await lint('sp-failing-test-first', spPlan({ tasks: red('') }))).toEqual([expect.stringContaining('Task 2 changes code in Step 1')]);
  });
});

describe('habits of the 110th blind batch (round 49)', () => {
  const run = (title: string, ...body: string[]): Promise<string[]> =>
    lintSecondTask('sp-run-expected', '### Task 2: Checks', `- [ ] **Step 1:** ${title}`, ...body);

  it('sp-run-expected: commands listed after a colon are every run the step names; a command given in parentheses with a threshold', async () => {
    expect(await run('Run the required quality-gate commands per `AGENTS.md`: `npm run typecheck`, `npm run lint`, and `npm test`.')).toEqual([
      'Step 1 of Task 2 ("Run the required quality-gate commands per `AGENT…") has no Expected: add "Expected: …" after `npm run typecheck` (PASS, FAIL with the message, or the output that shows the step worked).',
    ]);
    expect(await run('Run focused tests, full `swift test`, and `swift build`.')).toEqual([expect.stringContaining('names `swift test` but not the exact command for everything it runs')]);
    expect(await run('Run hydration script with dry-run (e.g., `/usr/bin/time bun run session:hydrate --dry-run`) to confirm <30s performance requirement.')).toEqual([]);
    expect(await run('Run test to verify it fails (`undefined: tsFieldName`).')).toEqual([expect.stringContaining('names no command')]);
  });

  it('sp-run-expected: "Run banned-pattern checks:" runs what the plan\'s Command Checklist gives', async () => {
    const plan = (after: string[]): Promise<string[]> =>
      lint('sp-run-expected', spPlan({ tasks: [...TASK, '', ...task('### Task 2: Verification', '- [ ] **Step 1:** Run banned-pattern checks:', '  - `mcp-docker-memory-system`'), ...after] }));
    expect(await plan(['## Command Checklist', '', '```bash', 'grep -Rni "mcp-docker-memory-system" .opencode', '```'])).toEqual([]);
    expect(await plan([])).toEqual([expect.stringContaining('names no command')]);
  });

  it('reads a Files entry whose path is wrapped onto the line after its verb ("- Modify:" then "  `a.ts:25-31`")', async () => {
    const text = spPlan({ tasks: task('### Task 1: Voice policy', '**Files:**', '', '- Modify:', '  `apps/web/src/server/voice/policy.ts:25-31`', '- Create: `apps/web/src/voice/session.ts`') });
    const [t] = parsePlan(text, 'plan.md').tasks;
    expect(t!.files.map((f) => [f.action, f.path, f.lines])).toEqual([
      ['modify', 'apps/web/src/server/voice/policy.ts', { start: 25, end: 31 }],
      ['create', 'apps/web/src/voice/session.ts', undefined],
    ]);
    expect(await lint('sp-files-exact-paths', text)).toEqual([]);
  });

  it('strict sp-files-exact-paths: a resource made through a service, a note in parentheses that waits on a need', async () => {
    const entry = (e: string): Promise<string[]> => filesEntry('### Task 2: Registry', e, '- [ ] Create it.');
    expect(await entry('- Create: Notion database via MCP API')).toEqual([]);
    expect(await entry('- Modify `docs/specs/cache-design.md` (link to plan/usage if needed)')).toEqual([]);
    expect(await entry('- Create: the registry config')).toEqual([expect.stringContaining('names no file path')]);
  });
  it('strict sp-interfaces: a task that gives its interface under "**Public class:**" carries one', async () => {
    const codeTask = (n: number, ...head: string[]): string[] =>
      task(`### Task ${n}: Part ${n}`, ...head, '- [ ] **Step 1: Write the failing test**', '', '```python', `def test_part_${n}():`, `    assert part_${n}() == ${n}`, '```');
    const interfaces = ['**Interfaces:**', '- Produces: `part(n) -> int`', ''];
    const plan = (third: string[]): Promise<string[]> => lint('sp-interfaces', spPlan({ tasks: [...codeTask(1, ...interfaces), ...codeTask(2, ...interfaces), ...codeTask(3, ...third)] }));
    expect(await plan(['**Public class:**', '', '```python', 'class Transformer(nn.Module):', '    def forward(self, x): ...', '```', ''])).toEqual([]);
    expect(await plan([])).toEqual([expect.stringContaining('Task 3 has no **Interfaces:** block')]);
  });

  it('strict sp-failing-test-first: a test written first that asserts nothing is told so', async () => {
    const tasks = task('### Task 2: Symbol kinds', '- [ ] **Step 1: Add the failing test**', '', '```js', "test('let symbols are typed let', () => {", '  assert.ok(true) // placeholder', '})', '```', '',
      '- [ ] **Step 2: Replace the `kindLabel` function body**', '', '```js', "function kindLabel(sym) { return sym.let ? 'let' : 'const' }", '```', '',
      '- [ ] **Step 3: Run the tests**', '', 'Run: `node --test tests/node`', 'Expected: PASS', '', '- [ ] **Step 4: Commit**', '', '```bash', 'git add scripts/updateSymbols.js', 'git commit -m "feat: type let symbols"', '```');
    expect(await lint('sp-failing-test-first', spPlan({ tasks }))).toEqual([
      'Task 2 changes code in Step 2 ("Replace the `kindLabel` function body") before any test could fail: the test Step 1 writes asserts nothing (`assert.ok(true)`); give it a real assertion, run it (Expected: FAIL with the message), then implement.',
    ]);
  });
  it('strict sp-files-line-range (a round-48 habit): "Replace line 6-7:" over a block that quotes them, then "With:"', async () => {
    const steps = (...body: string[]): Promise<string[]> =>
      lint('sp-files-line-range', spPlan({ tasks: task('### Task 1: Skill text', '**Files:**', '- Modify: `.claude/skills/autopatch/SKILL.md`', '', '- [ ] **Step 2: Update the title**', '', ...body) }));
    expect(await steps('Replace line 6-7:', '', '```markdown', '# Auto-Patch', '```', '', 'With:', '', '```markdown', '# Auto-Patch and Modify', '```')).toEqual([]);
    expect(await steps('Replace the current verdict section (lines 95-117) with:', '', '```markdown', '## Verdict', '```')).toEqual([expect.stringContaining('places an edit by line number')]);
  });
  it('sp-run-expected (a round-48 habit): "the Node test" in a list of runs is the one an earlier step ran', async () => {
    const steps = (first: string): Promise<string[]> =>
      lint('sp-run-expected', spPlan({ tasks: task('### Task 4: Preview', first, '- [ ] **Step 3: Implement the reducer**', '- [ ] **Step 5: Run the Node test, `pnpm exec tsc --noEmit`, and `pnpm run build`**, then commit with `feat: preview`.') }));
    expect(await steps('- [ ] **Step 2: Run `node frontend/tests/lib/preview.test.mjs`** and verify it fails because the module is missing.')).toEqual([
      expect.stringContaining('has no Expected: add "Expected: …" after `pnpm exec tsc --noEmit`'),
    ]);
    expect(await steps('- [ ] **Step 2: Write the reducer types**')).toEqual([expect.stringContaining('but not the exact command for everything it runs')]);
  });
});

describe('habits of batches 111 to 118 (round 50)', () => {
  const twoTasks = (first: string[], second: string[]): string[] => [...task('### Task 1: Parser', ...first), ...task('### Task 2: Wiring', ...second)];

  it('sp-commit-step: a plan whose agents are "forbidden all git writes" leaves each "Commit." to the session that reviews', async () => {
    const tasks = ['Cache', 'Store', 'View'].flatMap((name, i) => task(`### Task ${i + 1}: ${name}`, '**Files:**', `- Modify: \`src/${name.toLowerCase()}.ts\``, '', `- [ ] **Validate:** \`tsc --noEmit\` clean. Commit.`));
    const constraints = (rule: string): string[] => ['## Global Constraints', '', `- Governor reviews every diff, runs gates, commits when no agent is mid-run; ${rule}.`];
    expect(await lint('sp-commit-step', spPlan({ before: constraints('agents forbidden all git writes'), tasks }))).toEqual([]);
    expect(await lint('sp-commit-step', spPlan({ before: constraints('implementers run sequentially'), tasks }))).toHaveLength(3);
  });

  it('sp-run-expected: "**Expect:**" over a block after the task\'s "**Run:**" block is the Expected of the numbered step it ends', async () => {
    const steps = (...after: string[]): Promise<string[]> =>
      lintSecondTask('sp-run-expected', '### Task 2: Gate', '**Steps:**', '1. Fold `txd_mismatches` into the verdict.', '2. Rebuild and rerun the comparison.', '', '**Run:**', '```bash', 'make test-compare CYCLES=10000', '```', '', ...after);
    expect(await steps('**Expect:**', '```text', 'At least one seed FAILs on a TXD mismatch.', '```')).toEqual([]);
    expect(await steps()).toEqual([expect.stringContaining('The command `make test-compare CYCLES=10000` of the step')]);
  });

  it('sp-run-expected: a step that gives one command and names more runs only in words is asked for their commands too', async () => {
    const step = (title: string): Promise<string[]> => lintSecondTask('sp-run-expected', '### Task 2: Checks', `- [ ] ${title}`);
    expect(await step('Run `buf lint` and targeted server tests.')).toEqual([
      'The step "Run `buf lint` and targeted server tests." of Task 2 names `buf lint` but not the exact command for everything it runs, and no Expected: write each command there as "Run: `<exact command>`", and "Expected: …".',
    ]);
    expect(await step('Run `go test -v ./core/habit` and the available store tests.')).toEqual([expect.stringContaining('names `go test -v ./core/habit` but not the exact command')]);
    expect(await step('Run `go test -v ./core/habit` and verify the tests pass.')).toEqual([]);
    expect(await step('Run `cd proto && buf lint`.')).toEqual([expect.stringContaining('has no Expected: add "Expected: …" after it')]);
  });

  it('sp-file-structure: "Add tests beside the changed modules", a `.gitkeep` under a directory of the tree, a paragraph headed with the file\'s name', async () => {
    const map = ['## File Structure', '', '- Create `web/src/auth/redirect.ts`: the post-login redirect.', '- Modify `web/src/api/http.ts`: the 401 handler.', '', '```', 'Sources/', '  Macros/          ← Task 2', '    Plugin.swift   — registration', '```', '', '**Pyproject:** add the `ca` script entry and the `cli` extra.'];
    const plan = (extra: string, covering: string[]): Promise<string[]> =>
      lint('sp-file-structure', spPlan({ before: [...map, ...covering], tasks: twoTasks(['**Files:**', '- Create: `web/src/auth/redirect.ts`', '- Test: `web/src/auth/redirect.test.ts`', '- Modify: `pyproject.toml`', '', '- [ ] **Step 1: Write the failing test**'], ['**Files:**', '- Modify: `web/src/api/http.ts`', '- Create: `Sources/Macros/.gitkeep`', `- Create: \`${extra}\``, '', '- [ ] **Step 1: Write the failing test**']) }));
    expect(await plan('Sources/Macros/Plugin.swift', ['', '- Add tests beside the changed modules.'])).toEqual([]);
    expect(await plan('Sources/Macros/Plugin.swift', [])).toEqual([expect.stringContaining("Task 1's file `web/src/auth/redirect.test.ts` is not in the file map")]);
    expect(await plan('Package.swift', ['', '- Add tests beside the changed modules.'])).toEqual([expect.stringContaining("Task 2's file `Package.swift` is not in the file map")]);
  });

  it('sp-header-agentic-line: "For Codex: Execute this plan in order" and a port\'s "Use the `executing-plans` rule" say how the plan is executed', async () => {
    const line = async (agentic: string): Promise<string[]> => lint('sp-header-agentic-line', spPlan({ agentic }));
    expect(await line('> **For Codex:** Execute this plan in order, keeping each checkpoint independently testable.')).toEqual([]);
    expect(await line('> **For Claude:** REQUIRED SUB-SKILL: Use the `executing-plans` rule (or equivalent) to implement this plan phase-by-phase.')).toEqual([]);
    expect(await line('> **For Codex:** Execute this plan test-first.')).toEqual([expect.stringContaining('names no REQUIRED SUB-SKILL')]);
    expect(await line('> **For Claude:** REQUIRED SUB-SKILL: Use executing-plans to implement this plan.')).toEqual([expect.stringContaining('without the `superpowers:` namespace')]);
  });

  it('sp-task-files: a verification and handoff task, and a task the heading marks done, write no file', async () => {
    const plan = (heading: string, ...body: string[]): Promise<string[]> => lintSecondTask('sp-task-files', heading, ...body);
    expect(await plan('### Task 2: Full verification and handoff', '- [ ] Run `go test ./...` and the store tests.', '- [ ] Run `git diff --check` and inspect the branch diff.', '- [ ] Document any environment-only failures separately from feature failures.')).toEqual([]);
    expect(await plan('### Task 2: Toolchain spike — ✅ DONE', '**Outcome:** the gate passed with one pin: `cargo update -p sea-schema --precise 0.18.0`.')).toEqual([]);
    expect(await plan('### Task 2: Toolchain spike', '**Outcome:** the gate passed with one pin: `cargo update -p sea-schema --precise 0.18.0`.')).toEqual([expect.stringContaining('Task 2 has no "**Files:**" block')]);
    expect(await plan('### Task 2: Handoff', '- [ ] Document the new flags in the handoff note.')).toEqual([expect.stringContaining('Task 2 has no "**Files:**" block')]);
  });

  it('sp-code-step-without-code: the refactor pass that keeps the tests green sets no definite change', async () => {
    const step = (title: string): Promise<string[]> =>
      lintSecondTask('sp-code-step-without-code', '### Task 2: Fallback', '**Files:**', '- Modify: `src/defaults.ts`', '', `- [ ] **Step 1: ${title}**`, '', 'Review naming, imports, and test cleanup. Keep the wrapper in `defaults.ts`, then rerun both focused commands.');
    expect(await step('Refactor and verify focused coverage remains green')).toEqual([]);
    expect(await step('Refactor `buildFallback` for explicit types and narrow helpers')).toEqual([expect.stringContaining('shows no code')]);
  });

  it('strict sp-files-exact-paths and sp-files-line-range: a Markdown link to the file, a scope named by tasks, a command to run, a condition on the checkers', async () => {
    const entry = (e: string): Promise<string[]> => filesEntry('### Task 2: Threshold', e, '- [ ] Add the threshold.');
    expect(await entry('- Modify: [smart-grouping.ts:38-60](src/history/smart-grouping.ts#L38-L60)')).toEqual([]);
    expect(await entry('- Verify: all files changed by Tasks 1 and 2.')).toEqual([]);
    expect(await entry('- Reference: run `snipdoc check` to enumerate the current drift')).toEqual([]);
    expect(await entry('- Modify: only files required by formatter/type checker, if any.')).toEqual([]);
    expect(await entry('- Create `examples/reference-spa/**` (backend from `loco new`)')).toEqual([]);
    expect(await entry('- Create `examples/reference-spa/**`')).toEqual([expect.stringContaining('names a pattern')]);
    expect(await entry('- Modify: [the grouping module](https://example.com/docs)')).toEqual([expect.stringContaining('names no file path')]);
    const [t] = parsePlan(spPlan({ tasks: task('### Task 1: Threshold', '**Files:**', '- Modify: [smart-grouping.ts:1-20](src/history/smart-grouping.ts#L1-L20)', '- Modify: [store.ts](src/store.ts#L5-L9)') }), 'plan.md').tasks;
    expect(t!.files.map((f) => [f.path, f.lines])).toEqual([
      ['src/history/smart-grouping.ts', { start: 1, end: 20 }],
      ['src/store.ts', { start: 5, end: 9 }],
    ]);
  });

  it('strict sp-failing-test-first: a task whose commit says it adds failing tests, ending red, leaves the green to the next', async () => {
    const first = (subject: string): string[] =>
      task('### Task 1: Threshold tests', '- [ ] **Step 1: Write the failing test**', '', '```ts', "test('groups quick corrections', () => expect(shouldCheckpoint(2)).toBe(false));", '```', '',
        '- [ ] **Step 2: Run test to verify it fails**', '', 'Run: `yarn test smart-grouping`', 'Expected: FAIL - shouldCheckpoint is not defined', '',
        '- [ ] **Step 3: Add the shouldCheckpoint stub**', '', '```ts', 'export const shouldCheckpoint = (n: number) => true;', '```', '',
        '- [ ] **Step 4: Run tests to verify they still fail**', '', 'Run: `yarn test smart-grouping`', 'Expected: FAIL - shouldCheckpoint returns wrong values', '',
        '- [ ] **Step 5: Commit**', '', '```bash', 'git add src/smart-grouping.ts test/smart-grouping.test.ts', `git commit -m "${subject}"`, '```');
    const second = task('### Task 2: Threshold logic', '- [ ] **Step 1: Implement shouldCreateCheckpoint**', '', '```ts', 'export const shouldCheckpoint = (n: number) => n >= 3;', '```', '', '- [ ] **Step 2: Run the tests**', '', 'Run: `yarn test smart-grouping`', 'Expected: PASS', '', '- [ ] **Step 3: Commit**', '', '```bash', 'git add src/smart-grouping.ts', 'git commit -m "feat: checkpoint threshold"', '```');
    expect(await lint('sp-failing-test-first', spPlan({ tasks: [...first('test: add failing tests for the threshold'), ...second] }))).toEqual([]);
    expect(await lint('sp-failing-test-first', spPlan({ tasks: [...first('test: add threshold scaffolding'), ...second] }))).toEqual([expect.stringContaining('Task 2 changes code in Step 1')]);
  });

  it('strict sp-failing-test-first: a step that extends a test with `expect(…).to…` writes tests; "keeps existing behaviour identical"', async () => {
    const task1 = (second: string[]): Promise<string[]> =>
      lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Version access fallback', '- [ ] **Step 1: Write the failing unit test**', '', '```ts', "test('falls back to read access', () => expect(versionsAccess(config)).toBe(read))", '```', '', ...second,
        '- [ ] **Step 3: Run the focused tests and verify RED**', '', 'Run: `pnpm test:unit versions`', 'Expected: FAIL - the fallback is missing', '', '- [ ] **Step 4: Implement the fallback**', '', '```ts', 'export const versionsAccess = (c: Config) => c.access.readVersions ?? c.access.read', '```', '',
        '- [ ] **Step 5: Commit**', '', '```bash', 'git add src/versions.ts test/versions.test.ts', 'git commit -m "fix: fall back to read access for versions"', '```') }));
    expect(await task1(['- [ ] **Step 2: Convert the existing integration fixture into a fallback regression**', '', '```ts', "const res = await payload.findVersions({ collection: 'posts', overrideAccess: false })", 'expect(res.docs).toHaveLength(1)', '```', ''])).toEqual([]);
    expect(await task1(['- [ ] **Step 2: Convert the existing fixture to the new access shape**', '', '```ts', 'export const access = { read: () => true }', '```', ''])).toEqual([expect.stringContaining('changes code in Step 2')]);
    const keeps = (note: string): Promise<string[]> =>
      lint('sp-failing-test-first', spPlan({ tasks: [...TASK, '', ...task('### Task 2: Chart height', '- [ ] **Step 1: Add the `height` prop with a default**', '', '```tsx', 'export function ChartPanel({ height = 240 }: { height?: number }) { return <canvas height={height} /> }', '```', '',
        '- [ ] **Step 2: Run the chart-panel tests to verify they still pass**', '', 'Run: `npm test -- chart-panel`', `Expected: 3/3 PASS.${note}`, '', '- [ ] **Step 3: Commit**', '', '```bash', 'git add src/ChartPanel.tsx', 'git commit -m "feat: chart height prop"', '```')] }));
    expect(await keeps(' (The default 240 keeps existing behaviour identical.)')).toEqual([]);
    expect(await keeps('')).toEqual([expect.stringContaining('Task 2 changes code in Step 1')]);
  });

  it('sp-run-expected: a command a later step runs again with its Expected, nothing written between, has that Expected', async () => {
    const steps = (between: string[]): Promise<string[]> =>
      lint('sp-run-expected', spPlan({ tasks: [...TASK, '', ...task('### Task 2: Final comparison', '**Steps:**', '1. Run `make test-compare CYCLES=10000`.', ...between, '3. Record the result.', '',
        '**Run:**', '```bash', 'make -C poc test-compare CYCLES=10000', '```', '', '**Expect:**', '```text', 'All 5 seeds COMPARE PASS.', '```')] }));
    expect(await steps(['2. Copy the seed list into the report.'])).toEqual([]);
    expect(await steps(['2. Fix the TXD start offset:', '', '   ```cpp', '   tx_start = cycle + 1;', '   ```'])).toEqual([expect.stringContaining('(item 1) of Task 2 has no Expected')]);
  });
});

describe('habits of batches 119 and 120 (round 51, judged after round 50\'s fixes)', () => {
  it('sp-run-expected: a next step that goes on "If the focused tests pass" takes the run\'s outcome as PASS', async () => {
    const steps = (next: string): Promise<string[]> =>
      lintSecondTask('sp-run-expected', '### Task 2: QA gate', '- [ ] **Step 1: Run `pnpm vitest run server/src/__tests__/qa-gate.test.ts`**', `- [ ] **Step 2: ${next}**`);
    expect(await steps('If the focused tests pass, run `pnpm -r typecheck` and review the exact result')).toEqual([]);
    expect(await steps('Run `pnpm -r typecheck` and review the exact result')).toEqual([expect.stringContaining('Step 1 of Task 2')]);
  });

  it('sp-commit-step: "Inspect diff and commit" in a task whose only file changes on a condition commits only what turns up', async () => {
    const verify = (entry: string): Promise<string[]> =>
      lintSecondTask('sp-commit-step', '### Task 2: Verify the lifecycle', '**Files:**', entry, '', '- [ ] **Step 1: Run the lifecycle suite**', '', 'Run: `go test ./core -count=1`', 'Expected: PASS.', '', '- [ ] **Step 2: Inspect diff and commit**', '', '```text', 'test(core): cover the permission lifecycle', '```');
    expect(await verify('- Modify: `core/engine_test.go` only if a focused regression test is missing.')).toEqual([]);
    expect(await verify('- Modify: `core/engine_test.go`')).toEqual([expect.stringContaining('says to commit without the commands')]);
  });

  it('sp-task-files: a task that lists the commit subjects to use writes no file', async () => {
    const plan = (...items: string[]): Promise<string[]> =>
      lintSecondTask('sp-task-files', '### Task 2: Commit implementation in safe slices', 'Recommended commit sequence:', '', ...items);
    expect(await plan('1. `feat(auth): add forwarded-aware auth url resolver`', '2. `fix(auth): externalize login redirects`')).toEqual([]);
    expect(await plan('1. Add the forwarded-aware auth url resolver', '2. Fix the login redirects')).toEqual([expect.stringContaining('Task 2 has no "**Files:**" block')]);
  });

  it('sp-no-placeholders: "same pattern as Task 3" beside a step\'s own commands, a comment that runs on, capitals in angle brackets', async () => {
    const step = (title: string, ...body: string[]): Promise<string[]> =>
      lintSecondTask('sp-no-placeholders', '### Task 2: Linux cells', '**Files:**', '- Create: `nix/node.nix`', '', `- [ ] **Step 1: ${title}**`, '', ...body);
    const build = ['```bash', 'TARGET_OS=linux scripts/ci-build-service.sh realtime 1.2 > /tmp/realtime.log 2>&1 &', '```'];
    expect(await step('Build the cell', 'Launch it and poll the log (same pattern as Task 1 Step 2 — sleep-loop + tail):', '', ...build)).toEqual([]);
    expect(await step('Cross-build and repeat Task 1 source and coverage metrics', '', ...build)).toEqual([expect.stringContaining('says "repeat Task 1"')]);
    expect(await step('Confirm artifact contents', 'Same four checks as Task 1 Step 2, for each service.')).toEqual([expect.stringContaining('says "Same four checks as Task 1"')]);
    const nix = (...lines: string[]): Promise<string[]> => step('Write the bundle derivation', '', '```nix', ...lines, '```');
    expect(await nix('# Portable Node runtime bundle. Playbook: PLAYBOOK.md; reference', '# implementation: services/pooler/nix/default.nix postFixup.', '{ pkgs }: pkgs.nodejs_24')).toEqual([]);
    expect(await step('Write the parser', '', '```ts', 'export function parse(x: string) {', '  // Parse the input', '  // implementation here', '}', '```')).toEqual([expect.stringContaining('("// implementation here")')]);
    expect(await nix("postFixup = ''", '  <LINUX BLOCK>', "'';")).toEqual(['Code in Task 2 has a placeholder ("<LINUX BLOCK>"): write the complete code or text it stands for.']);
    expect(await nix("description = ''", '<HARD-GATE>', "'';")).toEqual([]);
  });

  it('sp-header-agentic-line: "Execute inline without subagents" said once before the tasks, not a status that phases "executed in order"', async () => {
    const plan = (...before: string[]): Promise<string[]> => lint('sp-header-agentic-line', spPlan({ agentic: undefined, before }));
    expect(await plan('## Constraints', '', '- The user approved this design. Execute inline without subagents.')).toEqual([]);
    expect(await plan('**Status:** ✅ Implemented (phases below executed in order; test suite green)')).toEqual([expect.stringContaining('no agentic-workers line')]);
  });

  it('sp-file-structure: the plan itself, updated with its results, does not count toward the map\'s threshold', async () => {
    const tasks = (doc: string): string[] => [
      ...task('### Task 1: Env wrapper', '**Files:**', '- Modify: `scripts/serve.sh`', '- Modify: `docs/serving.md`', '', '- [ ] **Step 1: Wrap the command**'),
      ...task('### Task 2: Record results', '**Files:**', '- Modify: `docs/results.md`', `- Modify: \`${doc}\``, '', '- [ ] **Step 1: Record the run**'),
    ];
    expect(await lint('sp-file-structure', spPlan({ tasks: tasks('docs/superpowers/plans/plan.md') }))).toEqual([]);
    expect(await lint('sp-file-structure', spPlan({ tasks: tasks('docs/superpowers/plans/README.md') }))).toEqual([expect.stringContaining('no File Structure section')]);
  });

  it('strict sp-files-exact-paths: the scope of the task\'s closing commit needs no path', async () => {
    const entry = (e: string): Promise<string[]> => filesEntry('### Task 2: Phase 46', e, '- [ ] Commit.');
    expect(await entry('- Commit Phase46 script, docs, and plan changes.')).toEqual([]);
    expect(await entry('- Modify: Phase46 script and docs')).toEqual([expect.stringContaining('names no file path')]);
  });
});

describe('habits of batch 121 (round 52, judged after round 51\'s fixes)', () => {
  it('sp-run-expected: in a task without steps, "Verify typecheck, tests, and build pass" over "Run:" is the run\'s Expected', async () => {
    const checks = (last: string): Promise<string[]> =>
      lintSecondTask('sp-run-expected', '### Task 2: End-to-end check', '- Create a company', '- Add a credential', last, '', 'Run:', '```bash', 'pnpm -r typecheck', 'pnpm test:run', '```');
    expect(await checks('- Verify typecheck, tests, and build pass')).toEqual([]);
    expect(await checks('- Create an agent with the credential')).toEqual([expect.stringContaining('Task 2 runs `pnpm -r typecheck` (and the lines after it) with no Expected')]);
  });
});

describe('habits of batches 122 to 129 (round 53)', () => {
  it('sp-task-files and sp-global-constraints: the Files label and the Global Constraints heading in the plan\'s language', async () => {
    const files = (label: string): Promise<string[]> =>
      lint('sp-task-files', spPlan({ tasks: [
        ...task('### Task 1: 任务管理器', label, '- Create: `lib/task-manager.ts`', '', '**Step 1: 编写接口**', '', '```ts', 'export interface Task { id: string }', '```'),
        ...task('### Task 2: 路由', label, '- Create: `app/api/route.ts`', '', '**Step 1: 创建路由**', '', '```ts', 'export const GET = () => 1;', '```'),
      ] }));
    expect(await files('**文件:**')).toEqual([]);
    expect(await files('**Notes:**')).toEqual([expect.stringContaining('No task has a "**Files:**" block')]);
    const interfaces = task('### Task 1: 几何解析', '**Files:**', '- Create: `src/geometry.ts`', '', '**Interfaces:**', '- Produces: `resolveTitle(config): Title`', '', '- [ ] **Step 1: Write the failing test**');
    const constraints = (heading: string): Promise<string[]> => lint('sp-global-constraints', spPlan({ before: [heading, '', '- 仅使用 `pnpm`。', ''], tasks: interfaces }));
    expect(await constraints('## 全局约束')).toEqual([]);
    expect(await constraints('## 背景')).toEqual([expect.stringContaining('no "## Global Constraints" section')]);
  });

  it('sp-code-step-without-code: an import or export named exactly, a swap in the step\'s text, a Javadoc update, a file copied as it is, an empty file, a solution file', async () => {
    expect(await modifyStep('src/space-repo.ts', 'Update `src/space-repo.ts` to import `SpaceRepoStorage`.')).toEqual([]);
    expect(await modifyStep('src/index.ts', "Update `src/index.ts` to add `export * from './space-members'`.")).toEqual([]);
    expect(await modifyStep('src/index.ts', 'Update `src/index.ts` to wire `SpaceMembers` into the store.')).toEqual([expect.stringContaining('shows no code')]);
    expect(await modifyStep('Tests/IntegrationTests.swift', 'Write failing tests for `ViewHierarchyIntegration`', 'In `IntegrationTests`, replace `hasSaveCallback()` assertions with `Storage.callback != nil` checks.')).toEqual([]);
    const javadoc = ['```java', '    /**', '     * Called when visiting a file; {@link VisitState#getLength()} may be called during.', '     */', '```'];
    expect(await modifyStep('src/FileVisitor.java', 'Update the `file()` Javadoc to mention `getLength()`', ...javadoc)).toEqual([]);
    expect(await modifyStep('src/FileVisitor.java', 'Update `file()` to call `getLength()`', ...javadoc)).toEqual([expect.stringContaining('holds only comments')]);
    expect(await modifyStep('app/legacy/page.tsx', 'Create the legacy route', 'Move the current `app/page.tsx` content to `app/legacy/page.tsx`:', '', '```tsx', '// Exact copy of current app/page.tsx', '```')).toEqual([]);
    expect(await modifyStep('tests/analysis/__init__.py', 'Create `tests/analysis/__init__.py`** (empty file)')).toEqual([]);
    expect(await modifyStep('Chat.slnx', 'Add both projects to .slnx', 'Mirror the structure used for `Modules.Files`.')).toEqual([]);
  });

  it('sp-no-placeholders: a TODO that names the later task doing the work is staged, not open', async () => {
    const code = (comment: string): Promise<string[]> =>
      lintSecondTask('sp-no-placeholders', '### Task 2: Route', '**Files:**', '- Create: `app/api/route.ts`', '', '- [ ] **Step 1: Create the route**', '', '```ts', 'async function processTask(id: string) {', `  ${comment}`, '}', '```');
    expect(await code('// TODO: implement in Task 3')).toEqual([]);
    expect(await code('// TODO: implement in Task 1')).toEqual([expect.stringContaining('("// TODO: implement in Task 1")')]);
  });

  it('sp-file-structure: a map line that adds "its tests" or "route tests", "Tests alongside each.", and a Test entry left open ("OR new minimal test")', async () => {
    const plan = (mapLines: string[], test: string): Promise<string[]> =>
      lint('sp-file-structure', spPlan({
        before: ['## File Map', '', ...mapLines, ''],
        tasks: [
          ...task('### Task 1: Client', '**Files:**', '- Modify: `apps/web/client.ts`', `- Test: \`${test}\``, '', '- [ ] **Step 1: Write the failing test**'),
          ...task('### Task 2: Routes', '**Files:**', '- Modify: `capabilities/video_library/adapter.py`', '', '- [ ] **Step 1: Add the route**'),
        ],
      }));
    const map = ['- Modify `capabilities/video_library/adapter.py`', '- Modify `apps/web/client.ts`'];
    expect(await plan(['- Modify `capabilities/video_library/adapter.py` and route tests', '- Modify `apps/web/client.ts` and its tests'], 'apps/web/client.test.ts')).toEqual([]);
    expect(await plan(['- Modify `capabilities/video_library/adapter.py` and route tests', '- Modify `apps/web/client.ts`'], 'tests/capabilities/test_web_routes.py')).toEqual([]);
    expect(await plan([...map, '- Tests alongside each.'], 'apps/web/client.test.ts')).toEqual([]);
    expect(await plan(map, 'apps/web/client.test.ts')).toEqual([expect.stringContaining('`apps/web/client.test.ts` is not in the file map')]);
    expect(await plan([...map, '- Create `tests/unit/writer.test.ts`: snapshot, cleanup, and diagnostic tests'], 'tests/unit/gateway.test.ts')).toEqual([expect.stringContaining('`tests/unit/gateway.test.ts` is not in the file map')]);
    expect(await plan(map, 'apps/web/client_prefs_test.go` (extend) OR new minimal test; `x')).toEqual([]);
  });

  it('sp-step-checkbox and sp-file-structure: a fork\'s template of the older skill ("> **For Hermes:**", "> **Execution:**") over bold steps', async () => {
    const bold = [
      ...task('### Task 1: Dependency group', '**Files:**', '- Modify: `pyproject.toml`', '- Create: `src/grpc/adapter.py`', '', '**Step 1: Add the optional dependency group**', '', '```toml', 'grpc = ["grpcio>=1.60"]', '```'),
      ...task('### Task 2: Adapter', '**Files:**', '- Create: `src/grpc/server.py`', '- Create: `tests/test_server.py`', '', '**Step 1: Write the failing test**', '', '```python', 'def test_serves(): assert serve()', '```'),
    ];
    const lines = (agentic: string, tasks = bold): Promise<string[][]> =>
      Promise.all(['sp-step-checkbox', 'sp-file-structure'].map((id) => lint(id, spPlan({ agentic, tasks }))));
    expect(await lines('> **Execution:** Use the subagent-driven-development workflow to implement this plan.')).toEqual([[], []]);
    expect(await lines('> **For Hermes:** Use subagent-driven-development skill to implement this plan task-by-task.')).toEqual([[], []]);
    const [checkbox] = await lines('> **For agentic workers:** Use superpowers:subagent-driven-development. Steps use checkbox (`- [ ]`) syntax for tracking.');
    expect(checkbox).toEqual([expect.stringContaining('bold `**Step N:**` paragraphs, not checkboxes')]);
  });

  it('sp-commit-step: "Do not stage or commit changes", files under the host\'s own directories, a commit of pending changes before the branch', async () => {
    const none = (before: string[]): Promise<string[]> => lint('sp-commit-step', spPlan({ before, tasks: task('### Task 1: Drag', '**Files:**', '- Modify: `src/pool.ts`', '', '- [ ] **Step 1: Implement the drag**', '', '```ts', 'export const drag = 1;', '```') }));
    expect(await none(['## Global Constraints', '', '- Do not stage or commit changes automatically; leave all implementation changes in the working tree for user review.', ''])).toEqual([]);
    expect(await none(['## Global Constraints', '', '- Do not stage generated files.', ''])).toEqual([expect.stringContaining('Task 1 has no commit step')]);
    const host = (path: string): Promise<string[]> =>
      lintSecondTask('sp-commit-step', '### Task 2: Host guard self-test', '**Files:**', `- Create: \`${path}\``, '', '- [ ] **Step 1: Create the unittest harness**', '', '```python', 'import unittest', '```');
    expect(await host('/data/agent/profile/bin/test_guard.py')).toEqual([]);
    expect(await host('bin/test_guard.py')).toEqual([expect.stringContaining('Task 2 has no commit step')]);
    const preflight = (item: string): Promise<string[]> =>
      lintSecondTask('sp-commit-step', '### Task 2: Preparación', '**Files:**', '- Modify: `package.json`', '', '**Steps:**', '1. Verificar el estado', `2. ${item}`, '3. Crear rama de migración');
    expect(await preflight('Hacer commit de todos los cambios pendientes')).toEqual([]);
    expect(await preflight('Hacer commit de la actualización')).toEqual([expect.stringContaining('says to commit without the commands')]);
  });

  it('sp-run-expected: an Expected that says which failure is acceptable, and outcomes written in Spanish', async () => {
    const fmt = (expected: string): Promise<string[]> =>
      lintSecondTask('sp-run-expected', '### Task 2: Refactor', '- [ ] **Step 1: Check formatting**', '', 'Run: `cargo fmt --all --check`', `Expected: ${expected}`);
    expect(await fmt('this may fail until all refactor steps are complete. If it fails only because the new code needs formatting, continue.')).toEqual([]);
    expect(await fmt('most tests pass, may have some failures')).toEqual([expect.stringContaining('is not exact')]);
    const items = (...list: string[]): Promise<string[]> => lintSecondTask('sp-run-expected', '### Task 2.4: Probar Build del API', '**Files:** Terminal', '**Steps:**', ...list);
    expect(await items('1. Verificar que tests pasen: `pnpm test`')).toEqual([]);
    expect(await items('1. Correr tests: `pnpm test`')).toEqual([expect.stringContaining('has no Expected')]);
    expect(await items('1. Compilar API: `cd apps/api && pnpm build`', '2. Verificar que no hay errores de TypeScript')).toEqual([]);
    expect(await items('1. Compilar API: `cd apps/api && pnpm build`', '2. Iniciar servidor: `pnpm dev`')).toEqual([expect.stringContaining('has no Expected')]);
  });

  it('task-numbering: a task heading swallowed by a stray fence is named, not renumbered', async () => {
    const plan = (fence: string): Promise<string[]> =>
      lint('task-numbering', spPlan({ tasks: [...TASK, '', fence, '', '### Task 2: Guard script', '', '- [ ] **Step 1: Write it**', '', '```', '', '### Task 3: Wire it', '', '- [ ] **Step 1: Wire it**'] }));
    expect(await plan('```')).toEqual([expect.stringContaining('Task 3 skips Task 2: the heading of Task 2 (line')]);
    expect((await plan('```'))[0]).toContain('is inside a code block opened at line');
  });

  it('strict rules: a method consumed as existing, a test-only task on Gradle\'s test fixtures, a migration\'s schema test, a field added to a model, verbatim copies, a task "(si hay)", a translations task', async () => {
    const consumes = (entry: string): Promise<string[]> =>
      lint('sp-type-consistency', spPlan({ tasks: task('### Task 1: Ordered lanes', '**Interfaces:**', '- Produces: `PoolModel.getOrderedLanes(): LaneModel[]`', `- Consumes: ${entry}`, '', '- [ ] **Step 1: Implement**', '', '```ts', 'export function getOrderedLanes(): LaneModel[] { return []; }', '```') }));
    expect(await consumes('existing `PoolModel.getLanes()`')).toEqual([]);
    expect(await consumes('`PoolModel.getLanes()`')).toEqual([expect.stringContaining('consumes `getLanes`')]);
    const fixture = (path: string): Promise<string[]> =>
      lint('sp-failing-test-first', spPlan({ tasks: task('### Task 4: Write test for `getLength()`', '**Files:**', `- Modify: \`${path}\``, '', '- [ ] **Step 1: Add the `RegularFileSnapshot` import**', '', '```kotlin', 'import org.gradle.RegularFileSnapshot', 'fun load() = RegularFileSnapshot()', '```', '', '- [ ] **Step 2: Write the failing test**', '', '```kotlin', 'fun testLength() { check(load().length == 3) }', '```', '', '- [ ] **Step 3: Commit**', '', '```bash', 'git commit -m "feat: cover length"', '```') }));
    expect(await fixture('src/testFixtures/groovy/SnapshotResultTest.kt')).toEqual([]);
    expect(await fixture('src/main/kotlin/SnapshotResult.kt')).toEqual([expect.stringContaining('before any test has been seen to fail')]);
    const migration = (title: string): Promise<string[]> =>
      lint('sp-failing-test-first', spPlan({ tasks: task(title, '**Files:**', '- Create: `db/migrations/create_links.py`', '- Test: `tests/test_links.py`', '', '- [ ] **Step 1: Write the migration**', '', '```python', 'def upgrade(op): op.create_table("links")', '```', '', '- [ ] **Step 2: Write schema test**', '', '```python', 'def test_links(): assert has_table("links")', '```') }));
    expect(await migration('### Task 1: `product_associations` migration')).toEqual([]);
    expect(await migration('### Task 1: Links storage')).toEqual([expect.stringContaining('before any test has been seen to fail')]);
    const property = (title: string): Promise<string[]> =>
      lint('sp-failing-test-first', spPlan({ tasks: task('### Task 1: Session timeout', '**Files:**', '- Modify: `src/Models/Response.cs`', '', `- [ ] **Step 1: ${title}**`, '', '```csharp', 'public DateTimeOffset? TimeoutUtc { get; set; }', '```', '', '- [ ] **Step 2: Write the failing test**', '', '```csharp', '[Fact] public void Sets() { Assert.NotNull(Build().TimeoutUtc); }', '```', '', '- [ ] **Step 3: Run it**', '', 'Run: `dotnet test`', 'Expected: FAIL', '', '- [ ] **Step 4: Populate `TimeoutUtc` in the factory**', '', '```csharp', 'response.TimeoutUtc = clock.Now + ttl;', '```')}));
    expect(await property('Add the property to the response model')).toEqual([]);
    expect(await property('Compute the timeout in the response')).toEqual([expect.stringContaining('changes code in Step 1')]);
    expect(await filesEntry('### Task 2: Copy the plugin', '- Create: `plugin/src/main/java/org/retry/**` (30 Java files, verbatim copies)', '- [ ] Copy it.')).toEqual([]);
    expect(await filesEntry('### Task 2: Copy the plugin', '- Create: `plugin/src/main/java/org/retry/**` (30 Java files)', '- [ ] Copy it.')).toEqual([expect.stringContaining('names a pattern')]);
    expect(await filesEntry('### Task 2: Actualizar Dynamic Modules (si hay)', '- Modify: `apps/api/src/**/*.module.ts`', '- [ ] Extraer la configuración.')).toEqual([]);
    expect(await filesEntry('### Task 2: Actualizar Dynamic Modules', '- Modify: `apps/api/src/**/*.module.ts`', '- [ ] Extraer la configuración.')).toEqual([expect.stringContaining('names a pattern')]);
    const strings = (title: string): Promise<string[]> =>
      lint('sp-interfaces', spPlan({ tasks: [...task('### Task 1: Sync', '**Interfaces:**', '- Produces: `syncType(links: Link[]): void`', '', '- [ ] **Step 1: Implement**', '', '```php', 'function syncType(array $links): void {}', '```'), ...task(title, '**Files:**', '- Modify: `lang/en_US/app.php`', '', '- [ ] **Step 1: Add the keys**', '', '```php', "return ['add_link' => 'Add link'];", '```')] }));
    expect(await strings('### Task 2: Translations')).toEqual([]);
    expect(await strings('### Task 2: Link labels')).toEqual([expect.stringContaining('Task 2 has no **Interfaces:** block')]);
  });
});

describe('habits of batches 130 and 131 (round 54, judged after round 53\'s fixes)', () => {
  it('strict rules: a root script the map\'s tree lists, and a red run titled "Run test → FAIL." without its command', async () => {
    const script = (tree: string): Promise<string[]> =>
      lint('sp-files-exact-paths', spPlan({ before: ['## File Structure', '', '```', 'repo-radar/', tree, '└── repo_radar/', '```', ''], tasks: [...TASK, '', ...task('### Task 2: Thin wrapper', '**Files:**', '- Modify: `repo-radar` (replace contents with thin wrapper)', '', '- [ ] Rewrite it.')] }));
    expect(await script('├── repo-radar                     # Thin entry point (stays executable)')).toEqual([]);
    expect(await script('├── setup.py')).toEqual([expect.stringContaining('names no file path')]);
    const red = (outcome: string): Promise<string[]> =>
      lint('sp-failing-test-first', spPlan({ tasks: task('### Task 2: Hashing', '**Files:**', '- Create: `menubar/runtime/hashing.js`', '- Test: `menubar/runtime/__tests__/hashing.test.js`', '', '- [ ] **Step 1: Write the failing test**', '', '```js', "test('hashes', () => { expect(hash('a')).toBe('b'); });", '```', '', `- [ ] **Step 2: Run test** ${outcome}`, '', '- [ ] **Step 3: Write minimal implementation**', '', '```js', "export const hash = (s) => 'b';", '```', '', '- [ ] **Step 4: Run test** → PASS.', '', '- [ ] **Step 5: Commit**', '', '```bash', 'git commit -m "feat: hash files"', '```') }));
    expect(await red('→ FAIL.')).toEqual([]);
    expect(await red('→ see the output.')).toEqual([expect.stringContaining('before the test Step 1 writes has been seen to fail')]);
  });
});

describe('an earlier round\'s finding, fixed after round 56', () => {
  it('sp-run-expected: "Run the helper tests and confirm all pass." after the task\'s one test command runs that command again', async () => {
    const checklist = (...items: string[]): Promise<string[]> =>
      lintSecondTask('sp-run-expected', '### Task 2: Change-path helpers', '**Files:**', '- Create: `src/utils/change-path.ts`', '', ...items);
    const write = '- [ ] Write failing tests for root, one-level, and multi-level IDs.';
    const red = '- [ ] Run `node_modules/.bin/vitest.cmd run test/utils/change-path.test.ts` and confirm the module-not-found failure.';
    const green = '- [ ] Run the helper tests and confirm all pass.';
    expect(await checklist(write, red, '- [ ] Implement the five exported helpers.', green)).toEqual([]);
    expect(await checklist(write, '- [ ] Implement the five exported helpers.', green)).toEqual([expect.stringContaining('names no command in the step')]);
  });
});

describe('an earlier round\'s finding, re-messaged after round 56', () => {
  it('sp-run-expected: a check sentence split over two lines states the outcome; only the command is asked for', async () => {
    const step = (...prose: string[]): Promise<string[]> =>
      lintSecondTask('sp-run-expected', '### Task 2: Script state', '**Files:**', '- Modify: `src/runtime.cpp`', '', '- [ ] **Step 5: Run host/runtime tests**', '', ...prose);
    expect(await step('  Run `henka_script_host_tests` and `henka_script_runtime_tests` and verify', '  stale handles and cross-behavior state cannot alias.')).toEqual([expect.stringContaining('says to run something and what to expect, but names no command')]);
    expect(await step('  Run `henka_script_host_tests` and `henka_script_runtime_tests`.')).toEqual([expect.stringContaining('names no command and no Expected')]);
  });

  it('sp-run-expected: "Expected result:" after a checklist\'s last item is that item\'s outcome; only the command is asked for', async () => {
    const checklist = (...after: string[]): Promise<string[]> =>
      lintSecondTask('sp-run-expected', '### Task 2: Migration readiness', '**Files:**', '- Modify: `docker-compose.yml`', '', '- [x] Wire the Docker migration command.', '- [x] Re-run the database table check after applying the migration.', '', ...after);
    expect(await checklist('Expected result:', '', '```sql', "select to_regclass('public.interaction_events');", '```', '', 'returns `interaction_events`.')).toEqual([expect.stringContaining('says to run something and what to expect, but names no command')]);
    expect(await checklist('The table must exist before the bot starts.')).toEqual([expect.stringContaining('names no command and no Expected')]);
  });

  it('sp-commit-step: the plan\'s only commit, after tasks that change files and commit nothing, stages the plan\'s files', async () => {
    const work = (n: number, file: string): string[] => task(`### Task ${n}: Part ${n}`, '**Files:**', `- Modify: \`${file}\``, '', '- [ ] **Step 1: Implement**', '', '```go', `func Part${n}() {}`, '```');
    const closing = (file: string): string[] => task('### Task 3: Docs and commit', '**Files:**', `- Modify: \`${file}\``, '', '- [ ] **Step 1: Document it**', '', '- [ ] **Step 2: Commit, push, and watch CI**');
    expect(await lint('sp-commit-step', spPlan({ tasks: [...work(1, 'src/a.go'), ...work(2, 'src/b.go'), ...closing('docs/guide.md')] }))).toEqual([
      expect.stringContaining("show `git add <the plan's files>`"),
    ]);
    const twoCommits = [...TASK, '', ...work(2, 'src/b.go'), ...closing('docs/guide.md')];
    expect(await lint('sp-commit-step', spPlan({ tasks: twoCommits }))).toEqual([expect.stringContaining("show `git add <the task's files>`")]);
  });
});

describe('habits of batches 135 to 142 (round 57)', () => {
  it('sp-commit-step: a commit named mid-line ("Run → PASS. Commit: `…`.", "…; commit; push"), a plan that bans commits, and "do not call …, commit, or push"', async () => {
    const work = (n: number, ...body: string[]): string[] => task(`### Task ${n}: Reader ${n}`, `**Files:** Create \`src/reader${n}.cpp\``, '', ...body);
    const midLine = await lint('sp-commit-step', spPlan({ tasks: [
      ...work(1, 'Tests build a tiny file in-code. Commit `feat(loader): safetensors reader`.'),
      ...work(2, 'Tests cover malformed headers. Commit `feat(loader): GGUF reader`.'),
      ...work(3, 'Records per house style; full ctest; commit; push; CI green check.'),
    ] }));
    expect(midLine).toEqual([
      expect.stringContaining('Task 1 says to commit ("Commit `feat(loader): safetensors reade…") without the commands'),
      expect.stringContaining('Task 2 says to commit'),
      expect.stringContaining('Task 3 says to commit ("commit; push; CI green check.")'),
    ]);
    const steps = (closing: string): Promise<string[]> =>
      lintSecondTask('sp-commit-step', '### Task 2: Tempo lock', '**Files:**', '- Create: `src/tempo.ts`', '', '- [ ] **Step 1: Implement**', '', '```ts', 'export const bpm = 120;', '```', closing);
    expect(await steps('Run → PASS. Commit: `listener: tempo lock from onset intervals`.')).toEqual([expect.stringContaining('of Task 2 says to commit without the commands')]);
    expect(await steps('Run → PASS.')).toEqual([expect.stringContaining('Task 2 has no commit step')]);
    const none = (constraint: string): Promise<string[]> =>
      lint('sp-commit-step', spPlan({ before: ['## Global Constraints', '', `- ${constraint}`, ''], tasks: [
        ...task('### Task 1: Schema', '**Files:**', '- Create: `src/schema.ts`', '', '- [ ] Add schema tables.'),
        ...task('### Task 2: Routes', '**Files:**', '- Create: `src/routes.ts`', '', '- [ ] Add the routes.'),
      ] }));
    expect(await none('Do not create commits during implementation.')).toEqual([]);
    expect(await none('不提交、不推送、不部署代码。')).toEqual([]);
    expect(await none('不提交到 main 分支。')).toEqual([expect.stringContaining('No task has a commit step')]);
    const verify = (check: string): Promise<string[]> =>
      lint('sp-commit-step', spPlan({ tasks: [
        ...task('### Task 1: Bundle', '**Files:**', '- Create: `internal/bundle.go`', '', '- [ ] **Step 1: Implement**', '', '```go', 'func Bundle() {}', '```'),
        ...task('### Task 2: Review', '**Files:**', '- Modify: `internal/review.go`', '', '- [ ] **Step 1: Implement**', '', '```go', 'func Review() {}', '```', '', `- [ ] **Step 2: Verify the complete branch**`, '', check),
      ] }));
    expect(await verify('Inspect the production paths to confirm they do not call `loadRuntime`, source-writing functions, commit, or push.')).toEqual([expect.stringContaining('No task has a commit step')]);
    expect(await verify('Run the suite, commit, and push.')).toEqual([expect.stringContaining('Step 2 ("Verify the complete branch") of Task 2 says to commit without the commands: show `git add <the plan\'s files>`')]);
  });

  it('sp-commit-step: a step-less plan\'s only commit, after tasks that create files, stages the plan\'s files', async () => {
    const plan = spPlan({ tasks: [
      ...task('### Task 1 — Registry', '- Create `registry.py`.', '- Tests: lookups and misses.'),
      ...task('### Task 2 — Final verification and publication', '- Run pytest, ruff and the demo.', '- Commit locally.', '- Push and read back the default branch.'),
    ] });
    expect(await lint('sp-commit-step', plan)).toEqual([expect.stringContaining("Task 2 says to commit (\"Commit locally.\") without the commands: show `git add <the plan's files>`")]);
  });

  it('sp-code-step-without-code: a manual check, a field listed with its type, a swap named in the text, "Same pattern in …", an empty placeholder', async () => {
    const step = (title: string, ...body: string[]): Promise<string[]> =>
      lintSecondTask('sp-code-step-without-code', '### Task 2: Council log', '**Files:**', '- Modify: `src/council.ts`', '- Create: `tools/chisel/__init__.py`', '', `- [ ] **Step 1: ${title}**`, '', ...body);
    expect(await step('Write failing test (manual)', 'No unit test; verify via `curl -N http://127.0.0.1:3080/stream?text=hi`')).toEqual([]);
    expect(await step('Write failing test', 'Verify via `curl -N http://127.0.0.1:3080/stream?text=hi`')).toEqual([expect.stringContaining('shows no code')]);
    expect(await step('Write minimal implementation', 'Add:', '- `councilOpLog?: CouncilOp[]`', '- optional derived projection cache field only if needed')).toEqual([]);
    expect(await step('Write minimal implementation', 'Add:', '- `councilOpLog?: CouncilOp[]`', '- the projection cache')).toEqual([expect.stringContaining('shows no code')]);
    expect(await step('Implement the smallest fix', 'In `_detect_network_type()`, replace the post-EFA `return (network_type, metadata)` for a matching GPU node with `continue`.')).toEqual([]);
    expect(await step('Create `tools/chisel/__init__.py`** (empty placeholder)', '', '```python', '# SPDX-License-Identifier: Apache-2.0', '```')).toEqual([]);
    expect(await step('Create `tools/chisel/__init__.py`**', '', '```python', '# SPDX-License-Identifier: Apache-2.0', '```')).toEqual([expect.stringContaining('holds only comments')]);
    const fixture = (third: string): Promise<string[]> =>
      lintSecondTask('sp-code-step-without-code', '### Task 2: Program cache', '**Files:**', '- Modify: `tests/test_model.py`', '', '- [ ] **Step 1: Add program cache to the device fixture**', '', '```python', 'dev.enable_program_cache()', '```', '', '- [ ] **Step 2: Add program cache to test_single_layer.py device fixture**', '', third);
    expect(await fixture('Same pattern in `test_single_layer.py`.')).toEqual([]);
    expect(await fixture('Enable it in `test_single_layer.py` too.')).toEqual([expect.stringContaining('Step 2 of Task 2')]);
  });

  it('sp-run-expected: an Expected that names the acceptable failure, a run the next step compares, a red run a checklist records, and the command behind a `cd`', async () => {
    const run = (...after: string[]): Promise<string[]> =>
      lintSecondTask('sp-run-expected', '### Task 2: Migration', '**Files:**', '- Modify: `Cargo.toml`', '', '- [ ] **Step 1: Check the graph**', '', '```bash', 'cargo +1.96 check -p server --all-features', '```', '', ...after);
    expect(await run('Expected: the MSRV check may fail on API changes, but it must not fail because RMCP 2.1 requires a newer Rust.')).toEqual([]);
    expect(await run('Expected: the MSRV check may fail on API changes.')).toEqual([expect.stringContaining('is not exact')]);
    expect(await run('- [ ] **Step 2: Compare metrics against baseline**', '', 'Record: TTFT, decode latency, tok/s.')).toEqual([]);
    expect(await run('- [ ] **Step 2: Record the results in the ledger**')).toEqual([expect.stringContaining('has no Expected')]);
    const checklist = (item: string): Promise<string[]> =>
      lintSecondTask('sp-run-expected', '### Task 2: Rolling cache', '**Files:**', '- Modify: `core/notify.go`', '', '- [x] Add a failing store test for absent letters.', `- [x] ${item}`, '- [x] Prune only cache files whose letter is absent.');
    expect(await checklist('Run it; it failed because `pruneDiffBases` did not exist.')).toEqual([expect.stringContaining('says to run something and what to expect, but names no command')]);
    expect(await checklist('Run it.')).toEqual([expect.stringContaining('names no command and no Expected')]);
    const [m] = await lintSecondTask('sp-run-expected', '### Task 2: Publish', '**Files:**', '- Modify: `packages/app/package.json`', '', '- [ ] **Step 1: Full verify and build**', '', '```bash', 'cd H:/app && yarn test:typecheck', 'git add packages/app/package.json', '```');
    expect(m).toContain('The command `yarn test:typecheck` (and the lines after it)');
  });

  it('sp-file-structure: a map that names a module by its dotted name maps its file', async () => {
    const plan = (line: string): Promise<string[]> =>
      lint('sp-file-structure', spPlan({
        before: ['## File Structure', '', '- `lib/mcp/protocol/revision.ex` — revision metadata.', '- `lib/mcp/protocol/adapter.ex` — legacy adapter behaviour.', line, ''],
        tasks: [
          ...task('### Task 1: Revisions', '**Files:**', '- Create: `lib/mcp/protocol/revision.ex`', '- Create: `lib/mcp/protocol/adapter.ex`', '', '- [ ] **Step 1: Add the registry**'),
          ...task('### Task 2: Dispatch', '**Files:**', '- Modify: `lib/mcp/server/legacy_dispatch.ex`', '- Modify: `lib/mcp/protocol/revision.ex`', '', '- [ ] **Step 1: Delegate**'),
        ],
      }));
    expect(await plan('- `MCP.Server.LegacyDispatch` delegates legacy validation.')).toEqual([]);
    expect(await plan('- `MCP.Server.Dispatch` delegates legacy validation.')).toEqual([expect.stringContaining('`lib/mcp/server/legacy_dispatch.ex` is not in the file map')]);
  });

  it('sp-file-structure: a directory a task moves files out of is no file the map owes a line', async () => {
    const plan = (entry: string): Promise<string[]> =>
      lint('sp-file-structure', spPlan({
        before: ['## File Structure', '', '- `src/kernel/mcp.ts` — MCP server.', '- `src/kernel/cad.ts` — CAD kernel.', ''],
        tasks: [
          ...task('### Task 0.1: Archive obsolete docs', '**Files:**', entry, '', '- [ ] **Step 1: Create archive folder**'),
          ...task('### Task 1: Kernel', '**Files:**', '- Create: `src/kernel/mcp.ts`', '- Create: `src/kernel/cad.ts`', '', '- [ ] **Step 1: Add the server**'),
        ],
      }));
    expect(await plan('- Move 19 files from `doc/` to `archive/doc/`')).toEqual([]);
    expect(await plan('- Modify: `doc/index.md`')).toEqual([expect.stringContaining("Task 0.1's file `doc/index.md` is not in the file map")]);
  });

  it('sp-header-title and sp-header-agentic-line: front matter a formatter flattened into a rule and a heading sits above the title', async () => {
    const flattened = ['______________________________________________________________________', '', '## status: draft role: implementation date: 2026-07-16 topic: observability', ''];
    const text = [...flattened, spPlan({ tasks: TASK })].join('\n');
    expect(await lint('sp-header-title', text)).toEqual([]);
    expect(await lint('sp-header-agentic-line', text)).toEqual([]);
    const notes = ['______________________________________________________________________', '', '## Notes on the rollout', ''];
    expect(await lint('sp-header-title', [...notes, spPlan({ tasks: TASK })].join('\n'))).toEqual([expect.stringContaining('does not open with')]);
  });

  it('sp-header-architecture-length: a sentence that opens with a code span counts', async () => {
    const architecture =
      'Single binary crate with no `lib.rs`. Module tree rooted at `main.rs` declaring siblings for the CLI, MCP and TUI. Clap derive for the top-level `Command` enum with feature-gated service subcommands. Tokio multi-thread runtime for every handler. `tracing-subscriber` with `LAB_LOG` env var. All handlers return `anyhow::Result<()>` and print a not-yet-implemented message.';
    expect(await lint('sp-header-architecture-length', spPlan({ architecture, tasks: TASK }))).toEqual([expect.stringContaining('has 6 sentences')]);
  });

  it('strict rules: a Read-only glob, a quoted name with spaces, patterns under an "untouched" lead, a listed Produces name, a type and its factory', async () => {
    expect(await filesEntry('### Task 2: Audit', '- Read-only: `core/memory/observation_*.py`', '- [ ] Read them.')).toEqual([]);
    expect(await filesEntry('### Task 2: Audit', '- Modify: `core/memory/observation_*.py`', '- [ ] Edit them.')).toEqual([expect.stringContaining('names a pattern')]);
    expect(await filesEntry('### Task 2: Clean up', "- Delete: `$REPO/'New Text Document.txt'`", '- [ ] Delete it.')).toEqual([]);
    const map = (lead: string): Promise<string[]> =>
      lint('sp-files-exact-paths', spPlan({ before: ['## File Structure', '', '- `src/kernel/mcp.ts` — MCP server.', '', lead, '- `src/components/*` — web studio UI keeps using existing features', ''], tasks: TASK }));
    expect(await map('EXISTING code preserved (untouched in v0.1; refactored later):')).toEqual([]);
    expect(await map('Web studio code:')).toEqual([expect.stringContaining('names a pattern, `src/components/*`')]);
    const consistency = (produces: string, consumes: string): Promise<string[]> =>
      lint('sp-type-consistency', spPlan({ tasks: [
        ...task('### Task 1: Receipts', '**Interfaces:**', '- Produces `type receiptUpdate struct { Sections []string }`.'),
        ...task('### Task 2: Pages', '**Interfaces:**', `- Produces ${produces}.`),
        ...task('### Task 3: Show', '**Interfaces:**', `- Consumes ${consumes} from Task 2.`),
      ] }));
    expect(await consistency('`func formatBody(update receiptUpdate) string` and `func receiptUpdatePages(update receiptUpdate) []string`', '`receiptUpdatePages(update receiptUpdate) []string`')).toEqual([]);
    expect(await consistency('`func formatBody(update receiptUpdate) string`, which calls `receiptUpdatePages`', '`receiptUpdatePages(update receiptUpdate) []string`')).toEqual([expect.stringContaining('Task 1 defines `receiptUpdate`')]);
    expect(await consistency('`createCatalogService(db)`', '`CatalogService`')).toEqual([]);
    expect(await consistency('`findCatalogService(db)`', '`CatalogService`')).toEqual([expect.stringContaining('Task 2 defines `findCatalogService`')]);
  });
});

describe('habits of batches 143 to 145 (round 58, judged after round 57\'s fixes)', () => {
  it('sp-code-step-without-code: a line that only sets values is the edit, given exactly', async () => {
    const step = (line: string): Promise<string[]> =>
      lintSecondTask('sp-code-step-without-code', '### Task 2: Zoom-style UI', '**Files:**', '- Modify: `Sources/Theme.swift`', '', '- [ ] **Step 1: Update Theme facade**', '', line);
    expect(await step('Update `Theme.swift` to set `cardCornerRadius = 4`, `cardPadding = 3` (was 12), `tabBarHeight = 48`.')).toEqual([]);
    expect(await step('Update `Theme.swift` to set `cardCornerRadius = 4` and recompute the card layout from it.')).toEqual([expect.stringContaining('shows no code')]);
  });

  it('sp-run-expected: "… and confirm the routes/tables are absent" in the title states the red run\'s outcome', async () => {
    const run = (title: string): Promise<string[]> =>
      lintSecondTask('sp-run-expected', '### Task 2: Skill market', '**Files:**', '- Create: `app/market.py`', '', `- [ ] **Step 2: ${title}**`, '', 'Run: `uv run pytest tests/test_skill_market.py -q`');
    expect(await run('Run the focused test and confirm the routes/tables are absent.')).toEqual([]);
    expect(await run('Run the focused test and confirm the routes.')).toEqual([expect.stringContaining('has no Expected')]);
  });

  it('sp-header-architecture: the approach under a label of its own ("**Design — …:**", "**Decision:**"), not a pointer ("**Design doc:**")', async () => {
    const header = (line: string): Promise<string[]> => lint('sp-header-architecture', spPlan({ architecture: undefined, before: [line, '- Writer: compute the checksum after `store()`.', ''], tasks: TASK }));
    expect(await header('**Design — trailing per-area checksum long (additive, no migration):**')).toEqual([]);
    expect(await header('**Decision:** Use three evidence tiers:')).toEqual([]);
    expect(await header('**Design doc:** `docs/specs/2026-07-30-design.md`')).toEqual([expect.stringContaining('no "**Architecture:**" line')]);
  });

  it('sp-commit-step and sp-task-files: a task of manual checks ("Manually verify …") writes nothing to commit or list', async () => {
    const manual = (title: string): string[] => task('### Task 3: Verify git state and markdown output', `**Step 1: ${title}**`, '', '```bash', 'bun run cli task view TASK-1', '```', '', 'Expected frontmatter in the parent file:', '```yaml', 'subtasks:', '  - TASK-1.1', '```');
    expect(await lint('sp-commit-step', spPlan({ tasks: [...TASK, '', ...manual('Manually verify a parent task file has `subtasks` after creation')] }))).toEqual([]);
    expect(await lint('sp-task-files', spPlan({ tasks: [...TASK, '', ...manual('Manually verify a parent task file has `subtasks` after creation')] }))).toEqual([]);
    expect(await lint('sp-task-files', spPlan({ tasks: [...TASK, '', ...manual('Record the parent task file after creation')] }))).toEqual([expect.stringContaining('Task 3 has no "**Files:**" block')]);
  });

  it('strict sp-failing-test-first: a task that runs the failing test from an earlier task green', async () => {
    const second = (run: string): Promise<string[]> =>
      lintSecondTask('sp-failing-test-first', '### Task 2: Update the parent', '**Files:**', '- Modify: `src/core/task-lifecycle.ts`', '', '**Step 1: Add the parent-update logic inside `createTask`**', '', '```ts', 'parent.subtasks.push(id);', '```', '', `**Step 2: ${run}**`, '', 'Run: `bun test src/test/integration.test.ts`', 'Expected: PASS.', '', '**Step 3: Commit**', '', '```bash', 'git commit -am "feat: update parent task file with subtask IDs"', '```');
    expect(await second('Run the failing test from Task 1')).toEqual([]);
    expect(await second('Run the integration test')).toEqual([expect.stringContaining('Task 2 changes code in Step 1')]);
  });
});

describe('ambiguous findings of round 58, quieted after it', () => {
  it('sp-header-goal-one-sentence: a closing sentence that names the branch the work is done on is not counted', async () => {
    const goal = (second: string): Promise<string[]> => lint('sp-header-goal-one-sentence', spPlan({ goal: `Detect a torn \`_cv\` record and fall back to the other A/B area. ${second}`, tasks: TASK }));
    expect(await goal('Branch `nw_cv_checksum` (worktree `~/wt/cv-checksum`, stacked on the hardening branch).')).toEqual([]);
    expect(await goal('Mirror the shipped `_txn` checksum.')).toEqual([expect.stringContaining('The Goal has 2 sentences')]);
  });

  it('sp-header-architecture-length: six terse sentences under fifty words are no design write-up', async () => {
    const terse = 'Convert from "destroy-and-recreate" to "diff-and-update" pattern. Cache color objects. Move polling off main thread. Lazy-load layout hierarchies. Replace Grid manual frames with NSCollectionView. Add sidebar cell reuse.';
    expect(await lint('sp-header-architecture-length', spPlan({ architecture: terse, tasks: TASK }))).toEqual([]);
    const long = 'Convert every grid view from the "destroy-and-recreate" pattern to a "diff-and-update" pattern keyed by session. Cache the color objects the theme hands out per appearance. Move terminal polling off the main thread onto a utility queue. Lazy-load the layout hierarchies of hidden tabs. Replace the grid\'s manual frames with an NSCollectionView flow layout. Add cell reuse to the sidebar list.';
    expect(await lint('sp-header-architecture-length', spPlan({ architecture: long, tasks: TASK }))).toEqual([expect.stringContaining('has 6 sentences')]);
  });
});

describe('findings of round 60 judged wrong, fixed after it', () => {
  it('sp-task-files: a Files label that names its action ("**Files to create:**", "**Files — 删除:**", "**测试文件:**") is a Files block', async () => {
    const labelled = (label: string): Promise<string[]> =>
      lintSecondTask('sp-task-files', '### Task 2: Config pages', label, '- `docs/reference/20-config-focus.md`', '', '- [ ] **Step 1: Write the page**', '', 'Copy the config page pattern.');
    expect(await labelled('**Files to create:**')).toEqual([]);
    expect(await labelled('**Files — 删除:**')).toEqual([]);
    expect(await labelled('**测试文件:**')).toEqual([]);
    expect(await labelled('**Pages:**')).toEqual([expect.stringContaining('Task 2 has no "**Files:**" block')]);
  });

  it('sp-task-files: a task that merges a branch in and resolves its conflicts lists no files of its own', async () => {
    const setup = (command: string): Promise<string[]> =>
      lintSecondTask('sp-task-files', '## Task 2: Branch and merge', '- [ ] Cut the branch and merge:', '```bash', 'git checkout main && git checkout -b chore/finish-stage-1', command, '```', '- [ ] Resolve the six conflicts: take the deletions, keep the branding.');
    expect(await setup('git merge --no-ff stage-1/fork-rebrand')).toEqual([]);
    expect(await setup('git status')).toEqual([expect.stringContaining('Task 2 has no "**Files:**" block')]);
  });

  it('sp-header-architecture: the approach under a label in the plan\'s language ("**整体原则:**")', async () => {
    const header = (line: string): Promise<string[]> => lint('sp-header-architecture', spPlan({ architecture: undefined, before: [line, ''], tasks: TASK }));
    expect(await header('**整体原则:** 全部测试都属于 PR-fast，不依赖真实模型或 GPU。')).toEqual([]);
    expect(await header('**当前暂不覆盖:** `ComposedJudger` 先不加测试。')).toEqual([expect.stringContaining('no "**Architecture:**" line')]);
  });

  it('sp-step-checkbox: in a task whose steps are checkboxes, a numbered list of test cases is no list of steps', async () => {
    const cases = ['### 需要测试的逻辑和检查点', '', '1. **文本主路径的布局**', '2. **invalid sample 被丢弃**', ''];
    const checkboxes = ['**执行顺序:**', '- [ ] 新增 `test_prepare.py`，先写文本主路径。', '- [ ] 跑整个文件：`python -m pytest tests/test_prepare.py -q`'];
    expect(await lintSecondTask('sp-step-checkbox', '## Task 2: 训练数据', ...cases, ...checkboxes)).toEqual([]);
    expect(await lintSecondTask('sp-step-checkbox', '### Task 2: 训练数据', '1. 新增 `test_prepare.py`，先写文本主路径。', '2. 跑整个文件：`python -m pytest tests/test_prepare.py -q`')).toEqual([
      expect.stringContaining('are a numbered list, not checkboxes'),
    ]);
  });

  it('sp-commit-step: a commit step titled in Chinese ("提交。") is read as one, and a step that only stages says so', async () => {
    const commit = (...step: string[]): Promise<string[]> =>
      lintSecondTask('sp-commit-step', '### Task 2: 解析器', '**Files:**', '- Create: `src/parser.py`', '', '- [ ] **Step 1: 实现解析器**', '', '```python', 'def parse(s): return s.split()', '```', '', ...step);
    expect(await commit('- [ ] **Step 2: 提交。** `feat: add parser`。')).toEqual([expect.stringContaining('Step 2 ("提交。") of Task 2 says to commit without the commands')]);
    expect(await commit('- [ ] **Step 2: 提交暂存**', '', 'Run: `git add src/parser.py`')).toEqual([expect.stringContaining('shows `git add` but no `git commit -m "…"`')]);
    expect(await commit('- [ ] **Step 2: Cherry-pick 第 1-15 个提交**', '', 'Run: `git cherry-pick a1b2c3d`')).toEqual([expect.stringContaining('Task 2 has no commit step')]);
  });

  it('sp-commit-step: a plan that leaves its changes for review ("不主动提交") forbids commits, and "Commit — n/a (no file change)" commits nothing', async () => {
    const review = (last: string): Promise<string[]> =>
      lint('sp-commit-step', spPlan({ tasks: task('## Task 1: 页面组', '**Files:** `src/leaf/routing.nim`', '', '- [x] 编写并运行失败测试。', '- [x] 实现接口，运行路由测试。', last) }));
    expect(await review('- [x] 保留工作区改动供用户审阅，不主动提交、发布或修改分支。')).toEqual([]);
    expect(await review('- [x] 保留工作区改动供用户审阅。')).toEqual([expect.stringContaining('has no commit step')]);
    const push = (commit: string): Promise<string[]> =>
      lintSecondTask('sp-commit-step', '### Task 2: Rebuild the image', '**Files:** `scripts/gke-push-images.sh`', '', '- [ ] **Step 1:** Build and push `ds-bench:dev`.', `- [ ] **Step 2: Commit** — ${commit}`);
    expect(await push('n/a (no file change) unless `gke-push-images.sh` needs a tweak.')).toEqual([]);
    expect(await push('the image tag bump.')).toEqual([expect.stringContaining('says to commit without the commands')]);
  });

  it('sp-commit-step: a step that merges the branch is no commit step, whatever it says of commits', async () => {
    const merge = (title: string): Promise<string[]> =>
      lintSecondTask('sp-commit-step', '## Task 2(controller):全面验证 + 合并 main', '- [ ] 跑全部验证 grep。', `- [ ] ${title}:\`git checkout main && git merge --ff-only chore/finish-stage-1\`(ff,因为 chore 从 main 切+加 commit)。`);
    expect(await merge('合并')).toEqual([]);
    expect(await merge('收尾')).toEqual([expect.stringContaining('says to commit without the commands')]);
  });

  it('strict sp-failing-test-first: a title in another language is still not judged once the step model reads Chinese verbs', async () => {
    const first = (title: string): Promise<string[]> =>
      lintSecondTask('sp-failing-test-first', '### Task 2: Speaker embedder', '**Files:**', '- Create: `src/diar/mod.rs`', '', `- [ ] **Step 1: ${title}**`, '', '```rust', 'pub fn embed(x: &[f32]) -> Vec<f32> { x.to_vec() }', '```', '', '- [ ] **Step 2: Write the test**', '', '```rust', '#[test] fn embeds() { assert_eq!(embed(&[1.0]).len(), 1); }', '```', '', '- [ ] **Step 3: Commit**', '', '```bash', 'git add src/diar/mod.rs', 'git commit -m "feat: add speaker embedder"', '```');
    expect(await first('写 diar/mod.rs(trait + 实现 + mock)')).toEqual([]);
    expect(await first('Implement `diar/mod.rs`')).toEqual([expect.stringContaining('Task 2 changes code in Step 1')]);
  });

  it('sp-code-step-without-code: exact edits in words (a statement at a place, a manifest entry, a swap over two lines, a JSDoc block, a registration)', async () => {
    expect(await modifyStep('src/workers/WorkerPool.ts', 'Add `private activeTasks = new Map<string, WorkerTask>();` beside `taskQueue`.')).toEqual([]);
    expect(await modifyStep('src/workers/WorkerPool.ts', 'Add an `activeTasks` map beside `taskQueue`.')).toEqual([expect.stringContaining('shows no code')]);
    expect(await modifyStep('frontend/package.json', 'Add `"test:unit:bounded": "node scripts/verify-vitest-termination.mjs"`.')).toEqual([]);
    expect(await modifyStep('src/App.tsx', 'Route handlers through the unified parser', "Replace the paste handler's `splitQualifiedTableId(text)` call with", '`parseTableReference(text)`.')).toEqual([]);
    expect(await modifyStep('src/App.tsx', 'Route handlers through the unified parser', 'Make both handlers parse through `parseTableReference` and keep their error paths.')).toEqual([expect.stringContaining('shows no code')]);
    expect(await modifyStep('src/auth.ts', 'Add `@deprecated` JSDoc tag', '```ts', '/** @deprecated Use `clerkMiddleware()` instead. */', '```')).toEqual([]);
    expect(await modifyStep('src/main.rs', 'register in `main.rs`', '`MultiFanout(MultiFanoutArgs)` → `multi_fanout::run`.')).toEqual([]);
    expect(await modifyStep('src/main.rs', 'register in `main.rs`', 'Add the new subcommand the usual way.')).toEqual([expect.stringContaining('shows no code')]);
  });

  it('sp-run-expected: a run that records or compares what it finds, or a line under it that opens with the check, says what to expect', async () => {
    const run = (title: string, ...text: string[]): Promise<string[]> => lintSecondTask('sp-run-expected', '### Task 2: Upgrade', `- [ ] **Step 1: ${title}**`, '', ...text);
    const commandOnly = [expect.stringContaining('says to run something and what to expect, but names no command')];
    expect(await run('Run it in the 0.24 environment and record each missing or moved symbol')).toEqual(commandOnly);
    expect(await run('Run a two-step GRPO smoke and compare reward/logprob finiteness with the 0.20 baseline')).toEqual(commandOnly);
    expect(await run('Re-run the example with the judge pointed at a stub base_url', 'Confirm both routes reach the custom endpoint.')).toEqual(commandOnly);
    expect(await run('Run a two-step GRPO smoke')).toEqual([expect.stringContaining('names no command and no Expected')]);
  });

  it('sp-run-expected: what a CI step the step adds executes is no run of the agent\'s', async () => {
    const ci = (text: string): Promise<string[]> =>
      lintSecondTask('sp-run-expected', '### Task 2: Contract in CI', '**Files:**', '- Modify: `tests/test_extract.py`', '- Modify: `.github/workflows/cicd-main.yml`', '', '- [ ] **Step 1: Run the contract against the PR-built image in CI**', '', text);
    expect(await ci('Add a post-build `docker run` step to `cicd-container-build` that executes `python -m pytest` for `test_extract_with_real_magic`.')).toEqual([]);
    expect(await ci('Then run `python -m pytest tests/test_extract.py` locally.')).toEqual([expect.stringContaining('has no Expected')]);
  });

  it('sp-file-structure: an elided brace list (`methods/{...}.ts`) and a map line that adds "+ spec" cover the task\'s files', async () => {
    const map = (methods: string): string[] => ['## File Structure', '', '- `packages/schemas/src/schema/{subscription,quota}.ts`', `- \`packages/schemas/src/methods/${methods}.ts\` + spec`, '- `packages/api/src/billing/{plans,pricing}.ts` + spec', ''];
    const tasks = [...task('## Task 1: Methods', '**Files:** Create `methods/{subscription,quota}.ts`.', '', '- [ ] **Step 1: Write them**'), ...task('## Task 2: Pricing', '**Files:** Create `packages/api/src/billing/pricing.ts`. Create `pricing.spec.ts`.', '', '- [ ] **Step 1: Write it**')];
    expect(await lint('sp-file-structure', spPlan({ before: map('{...}'), tasks }))).toEqual([]);
    expect(await lint('sp-file-structure', spPlan({ before: map('{plans}'), tasks }))).toEqual([expect.stringContaining("Task 1's file `methods/{subscription,quota}.ts` is not in the file map")]);
  });

  it('task-numbering: numbers that start over (a "Revised Plan" after a draft) are named as such, not only "renumber"', async () => {
    const tasks = [...task('## Task 1: Detect groups', '- [ ] Draft.'), ...task('## Task 2: Resize', '- [ ] Draft.'), '## Revised Plan', '', ...task('### Task 1: Allow resize', '- [ ] Do it.'), ...task('### Task 2: Rotate', '- [ ] Do it.')];
    const messages = await lint('task-numbering', spPlan({ tasks }));
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^Task 1 appears more than once \(first at line \d+; the numbering starts over at line \d+\): remove the tasks the new ones replace/);
  });

  it('strict sp-files-exact-paths: a root file without backticks is a path, and a note on where in the file above is no entry', async () => {
    expect(await filesEntry('### Task 2: Domain', '- Modify: wrangler.jsonc:1-17', '- [ ] **Step 1: Edit**')).toEqual([]);
    expect(await filesEntry('### Task 2: Domain', '- Modify: .dev.vars.example:4-9', '- [ ] **Step 1: Edit**')).toEqual([]);
    const note = (second: string): Promise<string[]> =>
      lintSecondTask('sp-files-exact-paths', '### Task 2: Timers', '**Files:**', '- Modify: `src/milestone-store.ts:269-277`', second, '', '- [ ] **Step 1: Edit**');
    expect(await note('- Add method: `updateMilestoneActive` to `MilestoneStore`')).toEqual([]);
    expect(await note('- Modify: the link-copy timeout test near its `vi.useFakeTimers()` call')).toEqual([]);
    expect(await note('- Reference: Design spec Section 8 (Spec-to-Test Translator Subagent)')).toEqual([expect.stringContaining('names no file path')]);
  });

  it('strict sp-files-line-range and sp-type-consistency: an anchor after "in current file —", and a pointer to a named buffer', async () => {
    const range = (anchor: string): Promise<string[]> =>
      lintSecondTask('sp-files-line-range', '### Task 2: Remove', '**Files:**', '- Modify: `src/hooks/use-bible.ts`', '', '- [ ] **Step 1: Delete the function**', '', `Remove the entire block (lines 75–93 in current file${anchor}):`, '', 'Then save.');
    expect(await range(' — `projectSingleVerse` useCallback')).toEqual([]);
    expect(await range('')).toEqual([expect.stringContaining('places an edit by line number')]);
    const consumes = (name: string): Promise<string[]> =>
      lint('sp-type-consistency', spPlan({ tasks: [...task('### Task 1: Buffers', '**Interfaces:**', '- Produces: `pg_running_ptr`', '', '- [ ] Step'), ...task('### Task 2: Finalize', '**Interfaces:**', `- Consumes: \`${name}\``, '', '- [ ] Step')] }));
    expect(await consumes('pg_running')).toEqual([]);
    expect(await consumes('pg_runing_ptr')).toEqual([expect.stringContaining('consumes `pg_runing_ptr`')]);
  });
});

describe('findings of round 61 judged wrong, fixed after it', () => {
  it('sp-code-step-without-code: a step that opens with the data or document it edits, a list of what stays, CI steps, documentation', async () => {
    const step = (files: string[], title: string, ...text: string[]): Promise<string[]> =>
      lintSecondTask('sp-code-step-without-code', '### Task 2: Slim', '**Files:**', ...files.map((f) => `- Modify: \`${f}\``), '', `**Step 1: ${title}**`, '', ...text);
    const code = ['scripts/install.js', 'manifests/components.json'];
    expect(await step(code, 'Write minimal implementation', 'In `manifests/components.json`:', '', '- shrink `core.sources` to runtime files only')).toEqual([]);
    expect(await step(code, 'Write minimal implementation', 'In `scripts/install.js`:', '', '- shrink `coreSources` to runtime files only')).toEqual([expect.stringContaining('shows no code')]);
    expect(await step(['scripts/report.js', 'VERIFICATION_REPORT.md'], 'Write the interaction acceptance case', 'Document the browser sequence in `VERIFICATION_REPORT.md`: open Index, click Work.')).toEqual([]);
    const removals = ['- Remove `a.md` and `b.md` from `ARTIFACTS`', '- Remove `fs.mkdirSync(path.join(dir, \'notepads\'));`'];
    expect(await step(['scripts/scaffold.js'], 'Write minimal implementation', 'In `scripts/scaffold.js`:', '', ...removals, '', 'The script should still:', '', '- create `featureDir`', '- render `PRD.md`')).toEqual([]);
    expect(await step(['scripts/scaffold.js'], 'Write minimal implementation', 'In `scripts/scaffold.js`:', '', ...removals, '- render `PRD.md` from the new template')).toEqual([expect.stringContaining('shows no code')]);
    const ci = ['scripts/qe/triage.py', '.github/workflows/qe.yml'];
    expect(await step(ci, 'Replace the Docker and `triage.sh` steps. Use Python 3.14 and upload the evidence.')).toEqual([]);
    expect(await step(ci, 'Replace `triage.sh` with a Python triage. Use Python 3.14.')).toEqual([expect.stringContaining('shows no code')]);
    expect(await step(['src/store.rs'], 'Update stale nearby documentation', 'Name the accepted prefixes in `build_store_from_url`:', '', '```rust', '/// Accepts `postgres://` or `sqlite://`.', '```')).toEqual([]);
  });

  it('sp-commit-step: commit steps a plan says must be skipped, and a commit left to explicit authorization', async () => {
    const plan = (constraint: string): Promise<string[]> =>
      lint('sp-commit-step', spPlan({ before: ['## Global Constraints', '', `- ${constraint}`, ''], tasks: task('### Task 1: Tokens', '**Files:**', '- Modify: `src/tokens.css`', '', '- [ ] **Step 1: Write the tokens**', '', '```css', ':root { --ink: #111; }', '```') }));
    expect(await plan('`site` has no `.git`; commit steps are recorded as intended checkpoints but must be skipped until the directory is attached to a real Git worktree.')).toEqual([]);
    expect(await plan('`site` has no `.git` yet.')).toEqual([expect.stringContaining('has no commit step')]);
    const authorized = (title: string): Promise<string[]> =>
      lintSecondTask('sp-commit-step', '### Task 2: Handoff', '**Files:**', '- Modify: `docs/contract.md`', '', '- [ ] **Step 1: Update the contract**', '', '```md', 'Accepted: `postgres://`.', '```', '', `- [ ] **Step 2: ${title}**`, '', 'Stage only the intended paths and create a conventional commit.');
    expect(await authorized('Commit only with explicit authorization')).toEqual([]);
    expect(await authorized('Commit the contract')).toEqual([expect.stringContaining('says to commit without the commands')]);
  });

  it('sp-task-files: a review-and-ship task whose only blocks are the runs it makes lists no files', async () => {
    const ship = (lang: string, line: string): Promise<string[]> =>
      lintSecondTask('sp-task-files', '## Task 2: Review, push, hosted proof', '- [ ] Run all targeted tests:', '', `\`\`\`${lang}`, line, '```', '', '- [ ] Obtain independent reviews. Fix findings and rerun affected tests.', '- [ ] Push the branch normally and open a PR.');
    expect(await ship('bash', 'cargo test --locked -p agileplus-grpc')).toEqual([]);
    expect(await ship('rust', 'fn main() {}')).toEqual([expect.stringContaining('Task 2 has no "**Files:**" block')]);
  });

  it('sp-run-expected: a step titled in Chinese keeps its first word, and the old text of a replacement is no run', async () => {
    const edit = (title: string): Promise<string[]> =>
      lintSecondTask('sp-run-expected', '### Task 2: Rename', '**Files:**', '- Modify: `run.sh`', '', `- [ ] **Step 1: ${title}**`, '', '把 `run.sh` 中:', '- `xcodebuild -project amux.xcodeproj -scheme amux` → `-project seamux.xcodeproj -scheme seamux`');
    expect(await edit('改 run.sh')).toEqual([]);
    expect(await edit('Edit run.sh')).toEqual([]);
    expect(await lintSecondTask('sp-run-expected', '### Task 2: Build', '- [ ] **Step 1: Run the build**', '', '- `xcodebuild -project amux.xcodeproj -scheme amux` first.')).toEqual([expect.stringContaining('has no Expected')]);
  });

  it('sp-file-structure: a branch ref under `.git/` a task lists is not held to the map', async () => {
    const tasks = (ref: string): string[] => task('### Task 1: Branch', '**Files:**', '- Create: `src/review.ts`', `- Create: \`${ref}\` (auto via \`git checkout -b\`)`, '', '- [ ] Step');
    const map = ['## File Structure', '', '- `src/review.ts` — the review orchestration', ''];
    expect(await lint('sp-file-structure', spPlan({ before: map, tasks: tasks('tooling/.git/refs/heads/cr/p0') }))).toEqual([]);
    expect(await lint('sp-file-structure', spPlan({ before: map, tasks: tasks('tooling/.github/refs.yml') }))).toEqual([expect.stringContaining('is not in the file map')]);
  });

  it('sp-no-placeholders: an attribute whose value an edit elides, and "if applicable" on a field of a record', async () => {
    const wrap = (action: string, title = 'Add tooltip to the extra tools trigger'): Promise<string[]> =>
      lintSecondTask('sp-no-placeholders', '### Task 2: Tooltips', '**Files:**', `- ${action}: \`src/Actions.tsx\``, '', `- [ ] **Step 1: ${title}**`, '', 'Wrap the trigger with `<Tooltip>`:', '', '```tsx', '<Tooltip label={t("toolBar.extraTools")}>', '  <DropdownMenu.Trigger className={...} onToggle={...}>', '    {icon}', '  </DropdownMenu.Trigger>', '</Tooltip>', '```');
    expect(await wrap('Modify')).toEqual([]);
    expect(await wrap('Create', 'Write the toolbar')).toEqual([expect.stringContaining('has a placeholder ("{...}")')]);
    const record = (line: string): Promise<string[]> => lintSecondTask('sp-no-placeholders', '### Task 2: Handoff', '**Files:**', '- Create: `STATUS.md`', '', `- [ ] **Step 1:** ${line}`);
    expect(await record('Record preview URL, commit SHA if applicable, routes and screenshots in `STATUS.md`.')).toEqual([]);
    expect(await record('Update the routes if applicable.')).toEqual([expect.stringContaining('leaves the work open ("if applicable")')]);
  });

  it('strict sp-files-exact-paths and sp-files-line-range: a Chinese condition on an entry, and "change line 21:" over "From: `…`"', async () => {
    expect(await filesEntry('### Task 2: Rename', '- Modify: `README*`(如存在)', '- [ ] **Step 1: Edit**')).toEqual([]);
    expect(await filesEntry('### Task 2: Rename', '- Modify: `README*`', '- [ ] **Step 1: Edit**')).toEqual([expect.stringContaining('"Modify: `README*`" of Task 2 names no file path')]);
    const line = (next: string): Promise<string[]> =>
      lintSecondTask('sp-files-line-range', '### Task 2: Font', '**Files:**', '- Modify: `src/Tooltip.scss`', '', '- [ ] **Step 1: Reduce font size**', '', 'In `src/Tooltip.scss`, change line 21:', '', next);
    expect(await line('From: `font-size: 13px;` To: `font-size: 11px;`')).toEqual([]);
    expect(await line('`font-size: 11px;`')).toEqual([expect.stringContaining('places an edit by line number ("change line 21")')]);
  });
});

describe('findings of round 62 judged wrong, fixed after it', () => {
  it('sp-commit-step: a commit the agent\'s own tool makes, named in words with its message', async () => {
    const checkpoint = (text: string): Promise<string[]> =>
      lintSecondTask('sp-commit-step', '### Task 2: Format', '**Files:**', '- Modify: `crates/core/src/lib.rs`', '', '- [ ] **Step 1: Format the sources**', '', '```rust', 'pub fn f() {}', '```', '', '- [ ] **Step 2: Commit checkpoint**', '', text);
    expect(await checkpoint('Run through the agent progress tool with commit message: `style: format rust sources`')).toEqual([]);
    expect(await checkpoint('Commit with message: `style: format rust sources`')).toEqual([expect.stringContaining('says to commit without the commands')]);
  });

  it('sp-code-step-without-code: a docs site\'s pages and the `sidebars.js` that lists them are documentation', async () => {
    const wire = (config: string): Promise<string[]> =>
      lintSecondTask('sp-code-step-without-code', '### Task 2: Plugin docs', '**Files:**', `- Modify: \`${config}\``, '- Create: `website/docs/plugins/tailwindcss.mdx`', '', '- [ ] **Step 1: Wire the new pages into navigation**', '', 'Add the TailwindCSS page to the Rust Plugins sidebar category in `sidebars.js`.');
    expect(await wire('website/sidebars.js')).toEqual([]);
    expect(await wire('website/src/plugins.js')).toEqual([expect.stringContaining('shows no code')]);
  });
});

describe('earlier rounds\' findings, fixed after round 62', () => {
  it('sp-code-step-without-code: a wiring step that gives the call it adds, whole, at its place', async () => {
    const wire = (text: string): Promise<string[]> =>
      lintSecondTask('sp-code-step-without-code', '### Task 2: Trail frame', '**Files:**', '- Modify: `src/useTour.ts`', '', `- [ ] **Step 1: Wire \`onArrived\`** in useTour: ${text}`);
    expect(await wire('after the snap+pause, `requestTrailFrame()` (only in the natural-arrival path).')).toEqual([]);
    expect(await wire('after the snap+pause, request a trail frame (only in the natural-arrival path).')).toEqual([expect.stringContaining('shows no code')]);
  });

  it('sp-commit-step: a final verification task that lists no file and ends on a commit has nothing of its own to stage', async () => {
    const verify = (title: string): Promise<string[]> =>
      lintSecondTask('sp-commit-step', `### Task 2: ${title}`, '**Step 1:** Run `bats tests/` — all tests pass.', '', '**Step 2:** Commit: `chore: final cleanup verification`');
    expect(await verify('Final verification')).toEqual([]);
    expect(await verify('Final cleanup')).toEqual([expect.stringContaining('says to commit without the commands')]);
  });
});

describe('tasks numbered within lettered parts ("### Task A1:", "## Task B2-1:"), read as tasks after round 62', () => {
  const lettered = (ids: string[]): string[] =>
    ids.flatMap((id) => task(`### Task ${id}: Part`, '**Files:**', `- Create: \`src/${id.toLowerCase()}.ts\``, '', '- [ ] **Step 1: Write the failing test**'));

  it('reads each as a task, names it by its id, and reports only an id used twice', async () => {
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: lettered(['A1']) }))).toEqual([expect.stringContaining('Step 1 of Task A1 says to change code')]);
    expect(await lint('task-numbering', spPlan({ tasks: lettered(['A1', 'A2', 'B1', 'B2-1', 'B2-2']) }))).toEqual([]);
    expect(await lint('task-numbering', spPlan({ tasks: lettered(['A1', 'B1', 'B1']) }))).toEqual(['Task B1 appears more than once: renumber the tasks so each number is used once.']);
  });

  it('the findings their tasks drew, judged false, quieted by class: a note written to a document, a bare green rerun', async () => {
    const contract = (path: string): Promise<string[]> =>
      lintSecondTask('sp-code-step-without-code', '### Task 2: Map the wiring', '**Files:** read `host/server.ts`', '', `- [ ] **Step 1: Write the contract** to \`${path}\` (scratch): the wiring point and the override fields.`);
    expect(await contract('agent/HOST_MODE_CONTRACT.md')).toEqual([]);
    expect(await contract('host/contract.ts')).toEqual([expect.stringContaining('shows no code')]);
    const green = (title: string): Promise<string[]> =>
      lintSecondTask('sp-run-expected', '### Task 2: Events', '- [ ] **Step 1: Write the failing test**', '', '```python', 'def test_x(): assert parse({}) is None', '```', '', '- [ ] **Step 2: Run, expect FAIL** — `uv run python -m pytest tests/test_events.py -v`', '', '- [ ] **Step 3: Implement `events.py`**', '', '```python', 'def parse(e): return None', '```', '', `- [ ] **Step 4: ${title}**`);
    expect(await green('Run, expect PASS.')).toEqual([]);
    expect(await green('Run the voice suite, expect PASS.')).toEqual([expect.stringContaining('Step 4 of Task 2')]);
  });

  it('reads a dot between the letter and the number ("### Task A.1:") the same way', async () => {
    const plan = parsePlan(spPlan({ tasks: lettered(['A.1', 'A.2', 'B.1']) }), 'docs/plans/p.md');
    expect(plan.tasks.map((t) => [t.id, t.title.text])).toEqual([
      ['A.1', 'Part'],
      ['A.2', 'Part'],
      ['B.1', 'Part'],
    ]);
    expect(await lint('task-numbering', spPlan({ tasks: lettered(['A.1', 'A.2', 'B.1']) }))).toEqual([]);
    expect(await lint('sp-code-step-without-code', spPlan({ tasks: lettered(['B.1']) }))).toEqual([expect.stringContaining('Step 1 of Task B.1 says to change code')]);
  });

  it('keeps a range heading over its tasks ("## Task 3-8:") apart from an id with a dash', () => {
    const plan = parsePlan(spPlan({ tasks: ['## Task 3-8: Six Hooks', '', ...task('### Task 3: Hook', '- [ ] Step'), ...task('### Task B2-1: Fsync', '- [ ] Step')] }), 'docs/plans/p.md');
    expect(plan.tasks.map((t) => [t.number, t.subnumber, t.id])).toEqual([
      [3, undefined, undefined],
      [2, 1, 'B2-1'],
    ]);
  });
});

describe('round 63 (batches 159–166): habits its reviewers judged the findings on', () => {
  it('sp-run-expected: a step that runs a section before the tasks by its heading runs the commands listed there', async () => {
    const gate = ['## Required Commit Gate', '', 'Before every task commit, run:', '', '```bash', 'go test ./...', 'go vet ./...', '```', '', 'Expected: every command exits zero.'];
    const step = (title: string): Promise<string[]> =>
      lint('sp-run-expected', spPlan({ before: gate, tasks: task('### Task 1: Registry', `- [ ] **Step 5: ${title}.** Stage only the registry files.`) }));
    expect(await step('Run the Required Commit Gate and commit')).toEqual([]);
    expect(await step('Run the gate and commit')).toEqual([expect.stringContaining('names no command')]);
    // A heading the step only mentions is not a run of it.
    const constraints = ['## Global Constraints', '', '- Keep plans short.', '', '```bash', 'make check', '```'];
    const [m] = await lint('sp-run-expected', spPlan({ before: constraints, tasks: task('### Task 1: Plans', '- [ ] **Step 3: Run structural validation**', '', 'Verify that every plan has `Goal` and `Global Constraints`.') }));
    expect(m).toContain('names no command in the step');
  });

  it('sp-run-expected: a last step\'s bare run is given its outcome by the task\'s verification block after it', async () => {
    const build = (comment: string): Promise<string[]> =>
      lint('sp-run-expected', spPlan({ tasks: task('## Task 2: Lower the new ops', '- [ ] Add the return-type mapping in `lower.ml`.', '- [ ] Run `dune build`.', '', '### Verification', '```', `dune build${comment}`, '```') }));
    expect(await build('   # clean compile')).toEqual([]);
    expect(await build('')).toEqual([expect.stringContaining('has no Expected')]);
  });

  it('sp-run-expected: a step that logs what its run showed ("Observed:") owes only the command', async () => {
    const [m] = await lint('sp-run-expected', spPlan({ tasks: task('### Task 2: Gate before sweep', '- [x] **Step 1: Run canonical pre-sweep gate**', '', 'Observed:', '', '- MoE md5 `8cb0ce23`', '- `MUL_MAT` `1146/1146`') }));
    expect(m).toContain('says to run something and what to expect, but names no command in the step');
  });

  it('sp-commit-step: a commit step chained onto another step\'s line is the task\'s commit step', async () => {
    const chained = (tail: string): Promise<string[]> =>
      lintSecondTask('sp-commit-step', '### Task 2: Audio track', '**Files:**', '- Modify: `src/store/audio.rs`', '', '- [ ] **Step 1: 写失败测试**', '', '```rust', '#[test] fn m4a_first() {}', '```', '', `- [ ] **Step 2: \`cargo test -p voice-notes store::audio\` 通过**${tail}`);
    expect(await chained(' → **Step 3: Commit**:`feat(store): m4a first`')).toEqual([expect.stringContaining('Step 3 ("Commit:`feat(store): m4a first`") of Task 2 says to commit without the commands')]);
    expect(await chained('')).toEqual(['Task 2 has no commit step: end it with "Commit" and a bash block with `git add <the task\'s files>` and `git commit -m "…"`.']);
  });

  it('sp-commit-step: "commit" wrapped onto a step\'s next line finishes its sentence; "Commit/push" and "against that commit" read as they mean', async () => {
    const items = (...lines: string[]): Promise<string[]> => lintSecondTask('sp-commit-step', '### Task 2: Authorization', '**Files:**', '- Modify: `src/auth.ts`', '', ...lines);
    expect(await items('1. Test that the success page is unavailable before exchange/profile/origin', '   commit.', '2. Commit and push the change.')).toEqual([expect.stringContaining('The step "Commit and push the change."')]);
    expect(await items('1. Add failing tests for the counts.', '2. Commit/push and verify parent gates.')).toEqual([expect.stringContaining('The step "Commit/push and verify parent gates."')]);
    const review = (what: string): Promise<string[]> => items('- [ ] **Step 1: Write the failing test**', '', '```ts', 'test("expires", () => {});', '```', '', `- [ ] **Step 2: ${what}**`);
    expect(await review('Dispatch three read-only reviewers against that exact commit.')).toEqual([expect.stringContaining('Task 2 has no commit step')]);
    expect(await review('Review the diff, then commit.')).toEqual([expect.stringContaining('says to commit without the commands')]);
  });

  it('sp-code-step-without-code: steps that add CI, wire a check into the task\'s workflow, find nothing to add, make package directories or remove tests by what they reference', async () => {
    const step = (files: string[], ...body: string[]): Promise<string[]> => lintSecondTask('sp-code-step-without-code', '### Task 2: Chores', '**Files:**', ...files, '', ...body);
    const quiet = [
      [['- Create: `.github/workflows/ci.yml`', '- Modify: `src/lib.rs`'], '- [ ] **Step 1: Add CI for formatting, Clippy, tests, and mock smoke execution.**'],
      [['- Modify: `.github/workflows/governance.yml`', '- Create: `scripts/validate.py`'], '- [ ] **Step 1: Wire the validator into pre-merge governance**', '', 'Run the validator tests and validator from the governance workflow.'],
      [['- Modify: `src/core/backlog.ts`'], '**Step 1: Add imports for `FileSystem` (they\'re already used)**', '', 'Open `src/core/backlog.ts`. The file already imports `FileSystem`. Nothing to add.'],
      [['- Create: `moneyflow/data/__init__.py`'], '- [ ] **Step 1: Create `moneyflow/data/`, `moneyflow/tui/` with `__init__.py`**'],
      [['- Modify: `src/BottomPanel.test.tsx`'], '- [ ] **Step 1: Update existing BottomPanel tests**', '', 'Remove or update any tests in `BottomPanel.test.tsx` that reference "Raw Log".'],
    ] as const;
    for (const [files, ...body] of quiet) expect(await step([...files], ...body), body[0]).toEqual([]);
    expect(await step(['- Modify: `.github/workflows/ci.yml`', '- Modify: `src/lib.rs`'], '- [ ] **Step 1: Implement the validator in `src/lib.rs`**')).toEqual([expect.stringContaining('shows no code')]);
    expect(await step(['- Modify: `src/BottomPanel.test.tsx`'], '- [ ] **Step 1: Update existing BottomPanel tests**', '', 'Assert the new tab order in `BottomPanel.test.tsx`.')).toEqual([expect.stringContaining('shows no code')]);
  });

  it('sp-file-structure: a map of columns maps the files under a directory entry; a summary after the last task is a recap', async () => {
    const map = ['## Target File Map', '', '```text', 'cmd/moneyflow/        Cobra root, version, and TUI startup', 'internal/domain/      Money and date values', 'Makefile              Build targets', '```'];
    const files = (...paths: string[]): string[] => task('### Task 2: Domain', '**Files:**', ...paths.map((p) => `- Create: \`${p}\``), '', '- [ ] **Step 1: Write the failing test**');
    const fs = (...paths: string[]): Promise<string[]> => lint('sp-file-structure', spPlan({ before: map, tasks: [...task('### Task 1: Root', '**Files:**', '- Create: `Makefile`'), ...files(...paths)] }));
    expect(await fs('cmd/moneyflow/main.go', 'internal/domain/money.go', 'internal/domain/money_test.go')).toEqual([]);
    expect(await fs('internal/domain/money.go', '.gitignore')).toEqual([expect.stringContaining("Task 2's file `.gitignore` is not in the file map")]);
    const older = (heading: string): string =>
      [
        '# Reporting Implementation Plan',
        '',
        '> **For Claude:** Use executing-plans to implement this plan task-by-task.',
        '',
        '**Goal:** Report violations.',
        '',
        ...['a', 'b', 'c', 'd'].flatMap((n, i) => task(`## Task ${i + 1}: Part ${n}`, `**Files:**`, `- Modify: \`src/${n}.ts\``, '', '**Step 1: Edit**')),
        heading,
        '',
        '| File | Change |',
        '|---|---|',
        '| `src/a.ts` | Modify |',
      ].join('\n');
    expect(await lint('sp-file-structure', older('## Files Changed Summary'))).toEqual([]);
  });

  it('sp-type-consistency (strict): a name the plan says already exists is no ordering slip, whatever a later task adds to it', async () => {
    const consumes = (entry: string): Promise<string[]> =>
      lint(
        'sp-type-consistency',
        spPlan({
          tasks: [
            ...task('### Task 1: Action registry', '**Files:**', '- Create: `internal/tui/actions.go`', '', '**Interfaces:**', '', `- Consumes: ${entry}`, '- Produces: `tui.Actions`', '', '- [ ] **Step 1: Write the failing test**'),
            ...task('### Task 2: View state', '**Files:**', '- Create: `internal/app/view_state.go`', '- Modify: `internal/app/session.go`', '', '**Interfaces:**', '', '- Produces: `Session`, `ViewState`', '', '- [ ] **Step 1: Write the failing test**'),
          ],
        }),
      );
    expect(await consumes('existing `Session` methods and the bindings in `keymap.go`.')).toEqual([]);
    expect(await consumes('`Session` methods and the bindings in `keymap.go`.')).toEqual([expect.stringContaining('Task 1 consumes `Session`, which only Task 2 produces')]);
  });

  it('sp-files-exact-paths (strict): a link to the author\'s own disk, and what a map says goes into a file it names', async () => {
    expect(await filesEntry('### Task 2: Abort', '- Modify: [ChatTextInput.tsx](file:///d:/dev/superagent/src/components/ChatTextInput.tsx#L112-L120)', '- [ ] Step')).toEqual([
      expect.stringContaining("links to the file on the author's machine (`file:///…`): write its path relative to the repository"),
    ]);
    const map = (parent: string): Promise<string[]> =>
      lint('sp-files-exact-paths', spPlan({ before: ['## File Structure', '', parent, '  - Add `.claude/*` rule so files inside `.claude/` are ignored.'], tasks: TASK }));
    expect(await map('- `.gitignore` — required changes:')).toEqual([]);
    expect(await map('- Ignore rules:')).toEqual([expect.stringContaining('names a pattern, `.claude/*`')]);
  });
});

describe('round 64 (batches 167–169, judged after round 63\'s fixes)', () => {
  it('sp-run-expected: an Expected that names the failure it allows ("may fail due to …") is exact', async () => {
    const build = (expected: string): Promise<string[]> =>
      lintSecondTask('sp-run-expected', '### Task 2: Migrate', '- [ ] **Step 4: Build to verify compilation**', '', '```bash', 'xcodebuild -scheme amux build', '```', '', `Expected: ${expected}`);
    expect(await build('Build succeeds (may fail due to remaining tmux references — fixed in later tasks).')).toEqual([]);
    expect(await build('Build succeeds (may have some failures).')).toEqual([expect.stringContaining('is not exact')]);
  });

  it('sp-header-agentic-line: a line to agentic workers that sends a review subagent between tasks names a route', async () => {
    const line = (text: string): Promise<string[]> => lint('sp-header-agentic-line', spPlan({ agentic: `> **For agentic workers:** ${text}` }));
    expect(await line('implement task-by-task with TDD (RED test first, then GREEN), a review subagent between tasks, and a commit per slice.')).toEqual([]);
    expect(await line('implement task-by-task, test-first. Steps use checkboxes.')).toEqual([expect.stringContaining('names no REQUIRED SUB-SKILL')]);
  });

  it('sp-header-architecture: the approach under "**Conclusion:**" or in a section of its own before the tasks', async () => {
    const header = (...before: string[]): Promise<string[]> => lint('sp-header-architecture', spPlan({ architecture: undefined, before }));
    expect(await header('**Conclusion:** port the templates verbatim into Rust `const` strings.')).toEqual([]);
    expect(await header('## Mechanism (what the code does)', '', 'One `Scenario` enum selects the templates.')).toEqual([]);
    expect(await header('## Background', '', 'The Python generator is DRY already.')).toEqual([expect.stringContaining('no "**Architecture:**" line')]);
  });

  it('sp-file-structure: a throwaway the Files label keeps out of the repository is not held to the map', async () => {
    const map = ['## File Structure', '', '- `install.sh` — the installer', '- `tests/install.bats` — its tests'];
    const entry = (line: string): Promise<string[]> =>
      lint('sp-file-structure', spPlan({ before: map, tasks: [...TASK, '', ...task('### Task 2: Smoke', '**Files:**', line, '- Modify: `install.sh`', '', '- [ ] **Step 1: Run the smoke script**')] }));
    expect(await entry('- Create (temporary, not committed): `/tmp/sprites-smoke.sh`')).toEqual([]);
    expect(await entry('- Modify: `web/bunfig.toml` (temporary exclude for fresh packages)')).toEqual([expect.stringContaining('`web/bunfig.toml` is not in the file map')]);
  });

  it('strict: a line number beside the code it changes from, and a pattern of files a step copies in', async () => {
    const line = (text: string): Promise<string[]> =>
      lintSecondTask('sp-files-line-range', '### Task 2: Channel', '**Files:**', '- Modify: `Sources/Core/HooksChannel.swift`', '', '- [ ] **Step 1: Swap the channel**', '', text);
    expect(await line('Change line 11 from `private let tmux: TmuxChannel` to `private let zmx: ZmxChannel`.')).toEqual([]);
    expect(await line('Change line 11 to use the new channel.')).toEqual([expect.stringContaining('places an edit by line number')]);
    const copy = (step: string): Promise<string[]> => filesEntry('### Task 2: Goldens', '- Create: `tests/fixtures/golden-configs/*.yml`', step);
    expect(await copy('- [ ] **Step 1:** copy the 6 goldens from `scratchpad/p2-golden/` into `tests/fixtures/golden-configs/`.')).toEqual([]);
    expect(await copy('- [ ] **Step 1:** write the six golden configs.')).toEqual([expect.stringContaining('names a pattern')]);
  });
});

describe('round 65 (batch 170, judged after round 64\'s fixes)', () => {
  it('sp-code-step-without-code: an attribute given whole with what it goes on, and a replacement its Files entry gives whole', async () => {
    const implement = (text: string): Promise<string[]> =>
      lintSecondTask('sp-code-step-without-code', '### Task 2: Wire shape', '**Files:**', '- Modify: `crates/core/src/runtime/mod.rs:41-57`', '', `- [ ] **Step 1: Implement** — ${text}`);
    expect(await implement('add `#[serde(rename_all = "camelCase")]` and `TS` derive to the struct; add it to `export_all` in `typegen.rs`.')).toEqual([]);
    expect(await implement('add `#[allow(dead_code)]` locally where fields are public API.')).toEqual([expect.stringContaining('shows no code')]);
    const replace = (entry: string): Promise<string[]> =>
      lintSecondTask('sp-code-step-without-code', '### Task 2: Generated type', '**Files:**', entry, '', '- [ ] **Step 1: Replace the type** and delete `statusEndpoint` uses.');
    expect(await replace('- Modify: `src/types/bootstrap.ts:6-22` (delete the hand-written `InitSummary`; `export type { DesktopInitSummary as InitSummary } from "../generated/DesktopInitSummary.js";`)')).toEqual([]);
    expect(await replace('- Modify: `src/types/bootstrap.ts:6-22` (delete the hand-written `InitSummary`)')).toEqual([expect.stringContaining('shows no code')]);
  });
});
