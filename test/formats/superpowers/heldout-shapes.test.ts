/**
 * Plan habits the second held-out batch showed (twenty plans nobody tuned on, every finding
 * judged): each is read here as the reviewers read it.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../src/plan/parse.js';
import { lintRule } from '../../helpers.js';
import { spPlan } from './sp-plan.js';

const lint = async (id: string, text: string): Promise<string[]> => (await lintRule(id, text, { format: 'superpowers' })).map((d) => d.message);
const task = (heading: string, ...body: string[]): string[] => [heading, '', ...body, ''];

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
    const [m] = await lint('sp-run-expected', spPlan({ tasks: task('### Task 1: Docs', '- [ ] Verify with `git diff -- README.md`.') }));
    expect(m).toContain('has no Expected');
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
