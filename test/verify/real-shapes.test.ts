/**
 * verify on histories shaped like the real pull requests it misread (test/precision/verify):
 * each case is a small git repository whose commits copy a pattern seen there — review fixes
 * after the last task, a squashed PR commit, the plan's own commit, renumbered contracts, tests
 * written elsewhere than planned — and the plan text that goes with it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from './helpers.js';
import { history, planFile, problems, verify } from './history.js';

afterAll(removeTempDirs);

/** A task in the full format: Files list, a red step, code, a green step, and a commit step. */
function task(n: number, title: string, files: string[], subject: string, extra = ''): string {
  return `### Task ${n}: ${title}

**Files:**
${files.map((f) => `- ${f}`).join('\n')}

**Step 1: Write failing test**
${extra}
**Step 2: Run test to verify it fails**

Run: \`go test ./pkg/... -run TestX\`
Expected: FAIL

**Step 3: Implement**

**Step 4: Run test to verify it passes**

Run: \`go test ./pkg/...\`
Expected: PASS

**Step 5: Commit**

\`\`\`bash
git commit -m "${subject}"
\`\`\`
`;
}

const HEADER = '# Feature Plan\n\n**Goal:** a feature.\n\n## Part 2: Executable Implementation\n\n### G) Task Breakdown\n\n';

describe('matching commits to tasks, as real pull requests commit them', () => {
  it('leaves review fixes after the last task to the follow-ups, not to the last task', async () => {
    const plan = planFile(
      HEADER +
        task(1, 'Add the parser', ['Modify: `pkg/parse.go`', 'Test: `pkg/parse_test.go`'], 'feat(pkg): add the parser') +
        task(2, 'Add the printer', ['Modify: `pkg/print.go`', 'Test: `pkg/print_test.go`'], 'feat(pkg): add the printer'),
    );
    const { dir, sha } = history({}, [
      { subject: 'feat(pkg): add the parser', files: { 'pkg/parse.go': 'package pkg\n', 'pkg/parse_test.go': 'package pkg\n' } },
      { subject: 'feat(pkg): add the printer', files: { 'pkg/print.go': 'package pkg\n', 'pkg/print_test.go': 'package pkg\n' } },
      { subject: 'fix(pkg): address review findings (I-1, I-2)', files: { 'pkg/print.go': 'package pkg\n// x\n', 'cmd/main.go': 'package main\n' } },
      { subject: 'test(pkg): tighten printer assertions', files: { 'pkg/print_test.go': 'package pkg\n// y\n' } },
    ]);
    const r = await verify(plan, dir);
    expect(r.tasks.map((t) => t.commits)).toEqual([[sha('feat(pkg): add the parser')], [sha('feat(pkg): add the printer')]]);
    expect(r.commits.map((c) => c.group)).toEqual(['task', 'task', 'follow-up', 'follow-up']);
    expect(problems(r)).toEqual([]);
  });

  it('reports a squashed commit that carries every task once, and its review fixes not at all', async () => {
    const plan = planFile(
      HEADER +
        task(1, 'Queue data structure', ['Modify: `pkg/queue.go`', 'Test: `pkg/queue_test.go`'], 'feat(pkg): per-band queue (BC-1)') +
        task(2, 'Admission policy', ['Create: `pkg/admission.go`', 'Create: `pkg/admission_test.go`'], 'feat(pkg): admission policy (BC-2)') +
        task(3, 'CLI flag', ['Modify: `cmd/root.go`', 'Modify: `docs/guide.md`'], 'feat(cmd): --per-band flag (BC-3)'),
    );
    const all = {
      'pkg/queue.go': 'package pkg\n',
      'pkg/queue_test.go': 'package pkg\n',
      'pkg/admission.go': 'package pkg\n',
      'pkg/admission_test.go': 'package pkg\n',
      'cmd/root.go': 'package main\n',
      'docs/guide.md': 'guide\n',
    };
    const { dir, sha } = history({}, [
      { subject: 'feat(pkg): per-priority-band queues + admission policy (#1191)', files: all },
      { subject: 'refactor: simplify per-band capacity', files: { 'pkg/queue.go': 'package pkg\n// simpler\n' } },
      { subject: 'fix: review findings — stale comments', files: { 'pkg/admission.go': 'package pkg\n// c\n' } },
    ]);
    const r = await verify(plan, dir);
    const squash = sha('feat(pkg): per-priority-band queues + admission policy (#1191)');
    expect(r.tasks.map((t) => t.commits)).toEqual([[squash], [squash], [squash]]);
    expect(problems(r)).toEqual([{ kind: 'tasks-combined', task: 1 }]);
    expect(r.commits.map((c) => c.group)).toEqual(['task', 'follow-up', 'follow-up']);
  });

  it('needs no commit from a final audit that lists no file and only runs commands', async () => {
    const audit = `### Task 2: Final verification

**Step 1: Run everything**

\`\`\`bash
go test ./... && golangci-lint run
git add .
git commit -m "chore: final audit fixes"
\`\`\`
`;
    const plan = planFile(HEADER + task(1, 'Add the parser', ['Modify: `pkg/parse.go`', 'Test: `pkg/parse_test.go`'], 'feat(pkg): add the parser') + audit);
    const { dir } = history({}, [{ subject: 'feat(pkg): add the parser', files: { 'pkg/parse.go': 'x\n', 'pkg/parse_test.go': 'y\n' } }]);
    expect(problems(await verify(plan, dir))).toEqual([]);
  });

  it('goes by the subject\'s words when the history numbers contracts differently, and says the commit names another task\'s', async () => {
    const plan = planFile(
      HEADER +
        task(1, 'Implement active requests time series computation (BC-1)', ['Modify: `pkg/sat.go`', 'Modify: `pkg/sat_test.go`'], 'feat(pkg): active requests (BC-1)') +
        task(2, 'Implement per-window drain metrics (BC-2)', ['Modify: `pkg/sat.go`', 'Modify: `pkg/sat_test.go`'], 'feat(pkg): drain metrics (BC-2)'),
    );
    const { dir, sha } = history({}, [
      { subject: 'feat(pkg): add active requests computation for saturation analysis (BC-2)', files: { 'pkg/sat.go': 'a\n', 'pkg/sat_test.go': 'a\n' } },
      { subject: 'feat(pkg): add per-window drain metrics (BC-3)', files: { 'pkg/sat.go': 'b\n', 'pkg/sat_test.go': 'b\n' } },
    ]);
    const r = await verify(plan, dir);
    expect(r.tasks.map((t) => t.commits)).toEqual([
      [sha('feat(pkg): add active requests computation for saturation analysis (BC-2)')],
      [sha('feat(pkg): add per-window drain metrics (BC-3)')],
    ]);
    expect(problems(r)).toContainEqual({ kind: 'commit-other-contract', task: 1 });
  });

  it('gives every task a commit whose message names them ("Tasks 2-3 of …")', async () => {
    const plan = planFile(
      HEADER +
        task(1, 'Extend the window', ['Modify: `pkg/spec.go`', 'Test: `pkg/spec_test.go`'], 'feat(pkg): extend the window') +
        task(2, 'Integrate the generator', ['Modify: `pkg/gen.go`', 'Test: `pkg/gen_test.go`'], 'feat(pkg): integrate the generator') +
        task(3, 'Rewrite the converter', ['Modify: `pkg/conv.go`', 'Test: `pkg/conv_test.go`'], 'feat(pkg): rewrite the converter'),
    );
    const { dir, sha } = history({}, [
      { subject: 'feat(pkg): extend the window', files: { 'pkg/spec.go': 'a\n', 'pkg/spec_test.go': 'a\n' } },
      {
        subject: 'feat(pkg): integrate the generator and rewrite the converter',
        body: 'Tasks 2-3 of the plan:\n\nTask 2 - generator\nTask 3 - converter',
        files: { 'pkg/gen.go': 'b\n', 'pkg/gen_test.go': 'b\n', 'pkg/conv.go': 'c\n', 'pkg/conv_test.go': 'c\n' },
      },
      { subject: 'feat(pkg): temporal parity via absolute rate mode', files: { 'pkg/conv.go': 'd\n', 'pkg/gen.go': 'd\n' } },
    ]);
    const r = await verify(plan, dir);
    const both = sha('feat(pkg): integrate the generator and rewrite the converter');
    expect(r.tasks.map((t) => t.commits)).toEqual([[sha('feat(pkg): extend the window')], [both], [both]]);
    expect(problems(r)).toEqual([{ kind: 'tasks-combined', task: 2 }]);
    expect(r.tasks[2]!.evidence[0]!.reasons).toContain('message names Task 3');
  });
});

describe('what a task touches', () => {
  it('is read from its steps, its git add line, the alternatives it offers and its read-only entries', async () => {
    const extra = 'Append to the existing `pkg/cluster_test.go`.\n\n```bash\ngit add pkg/parse.go pkg/helpers.go\n```\n';
    const plan = planFile(
      HEADER +
        task(
          1,
          'Add the parser',
          ['Modify: `pkg/parse.go:104,168`', 'Test: `pkg/parse_test.go` (or create `pkg/parse_new_test.go`)', 'Verify: `pkg/config.go` (no changes)'],
          'feat(pkg): add the parser',
          extra,
        ),
    );
    const { dir } = history({ 'pkg/config.go': 'package pkg\n', 'pkg/cluster_test.go': 'package pkg\n' }, [
      {
        subject: 'feat(pkg): add the parser',
        files: { 'pkg/parse.go': 'x\n', 'pkg/parse_new_test.go': 'y\n', 'pkg/cluster_test.go': 'package pkg\n// more\n', 'pkg/helpers.go': 'h\n' },
      },
    ]);
    expect(problems(await verify(plan, dir))).toEqual([]);
  });

  it('reports a file outside every directory the plan works in, and a planned test written to another file as one problem', async () => {
    const plan = planFile(HEADER + task(1, 'Add the parser', ['Modify: `pkg/parse.go`', 'Test: `pkg/parse_test.go`'], 'feat(pkg): add the parser'));
    const { dir } = history({ 'pkg/parse_test.go': 'package pkg\n' }, [
      { subject: 'feat(pkg): add the parser', files: { 'pkg/parse.go': 'x\n', 'pkg/kv_store_test.go': 'y\n', 'notes.txt': 'todo\n' } },
    ]);
    const r = await verify(plan, dir);
    expect(r.tasks[0]!.problems.map((p) => [p.kind, p.file])).toEqual([
      ['file-missing', 'pkg/parse_test.go'],
      ['file-unexpected', 'notes.txt'],
    ]);
    expect(r.tasks[0]!.problems[0]!.message).toContain('its tests went to pkg/kv_store_test.go instead');
  });
});

describe('the plan\'s own commit', () => {
  it('is recognised by its content wherever the plan is given from, with its design document', async () => {
    const text = HEADER + task(1, 'Add the parser', ['Modify: `pkg/parse.go`', 'Test: `pkg/parse_test.go`'], 'feat(pkg): add the parser');
    const plan = planFile(text);
    const { dir } = history({}, [
      { subject: 'docs(plans): design and implementation plan', files: { 'docs/plans/2026-01-01-parser.md': text, 'docs/design/parser-design.md': '# Parser design\n' } },
      { subject: 'feat(pkg): add the parser', files: { 'pkg/parse.go': 'x\n', 'pkg/parse_test.go': 'y\n' } },
    ]);
    const r = await verify(plan, dir);
    expect(r.commits.map((c) => c.group)).toEqual(['plan', 'task']);
    expect(problems(r)).toEqual([]);
  });
});

describe('commit messages', () => {
  it('does not blame a commit that copies the plan\'s heredoc message for contracts the message never named', async () => {
    const heredoc = `### Task 1: Add the parser (BC-1, BC-2)

**Files:**
- Modify: \`pkg/parse.go\`

**Step 1: Commit**

\`\`\`bash
git commit -m "$(cat <<'EOF'
feat(pkg): add the parser

Parses the input.
EOF
)"
\`\`\`
`;
    const plan = planFile(HEADER + heredoc);
    const { dir, sha } = history({}, [{ subject: 'feat(pkg): add the parser', body: 'Parses the input.', files: { 'pkg/parse.go': 'x\n' } }]);
    const r = await verify(plan, dir);
    expect(r.tasks[0]!.commits).toEqual([sha('feat(pkg): add the parser')]);
    expect(r.tasks[0]!.evidence[0]!.reasons).toContain("plan's subject");
    expect(problems(r)).toEqual([]);
  });
});

describe('tests the test strategy names', () => {
  const strategy = (rows: string): string => `\n### H) Test Strategy\n\n| Contract | Task | Test Type | Test Name / Description |\n|---|---|---|---|\n${rows}\n`;

  it('are found the way `go test -run Name` selects them, and a row naming two tasks is reported once', async () => {
    const plan = planFile(
      HEADER +
        task(1, 'Add the parser (BC-1)', ['Modify: `pkg/parse.go`', 'Test: `pkg/parse_test.go`'], 'feat(pkg): add the parser (BC-1)') +
        task(2, 'Add the printer (BC-2)', ['Modify: `pkg/print.go`', 'Test: `pkg/print_test.go`'], 'feat(pkg): add the printer (BC-2)') +
        strategy('| BC-1 | Task 1 | Unit | TestParse_WarmOnly |\n| BC-2 | Task 1, 2 | Unit | TestPrint_Gone |'),
    );
    const { dir } = history({}, [
      { subject: 'feat(pkg): add the parser (BC-1)', files: { 'pkg/parse.go': 'package pkg\n', 'pkg/parse_test.go': 'package pkg\n\nimport "testing"\n\nfunc TestParse_WarmOnly_ColdAbsent(t *testing.T) {}\n' } },
      { subject: 'feat(pkg): add the printer (BC-2)', files: { 'pkg/print.go': 'package pkg\n', 'pkg/print_test.go': 'package pkg\n\nimport "testing"\n\nfunc TestPrint_Gone(t *testing.T) {}\n' } },
      { subject: 'refactor(pkg): rename the printer test', files: { 'pkg/print_test.go': 'package pkg\n\nimport "testing"\n\nfunc TestPrinter(t *testing.T) {}\n' } },
    ]);
    const r = await verify(plan, dir);
    expect(r.tasks[0]!.tests[0]!.found).toMatchObject({ file: 'pkg/parse_test.go', name: 'TestParse_WarmOnly_ColdAbsent' });
    const missing = [...r.tasks.flatMap((t) => t.problems), ...r.problems].filter((p) => p.kind === 'test-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toMatch(/commits [0-9a-f]{7}, [0-9a-f]{7} of the PR add and then rename or remove it/);
  });

  it('reports a test-first task whose commit changes no test file, though the plan has no test-strategy table', async () => {
    const plan = planFile(HEADER + task(1, 'Add the parser', ['Modify: `pkg/parse.go`'], 'feat(pkg): add the parser'));
    const { dir } = history({}, [{ subject: 'feat(pkg): add the parser', files: { 'pkg/parse.go': 'x\n' } }]);
    const r = await verify(plan, dir);
    expect(r.tasks[0]!.problems.map((p) => p.kind)).toEqual(['test-missing']);
    expect(r.tasks[0]!.problems[0]!.message).toContain('writes a failing test first');
  });
});

describe('statements of the plan', () => {
  it('hold for follow-ups too: a review fix that regenerates the golden dataset breaks "No golden dataset changes"', async () => {
    const plan = planFile(
      HEADER.replace('**Goal:** a feature.', '**Goal:** a feature.\n\n**Risks:** No golden dataset changes: the output stays byte-identical.') +
        task(1, 'Add the parser', ['Modify: `pkg/parse.go`', 'Test: `pkg/parse_test.go`'], 'feat(pkg): add the parser'),
    );
    const { dir, sha } = history({ 'testdata/goldendataset.json': '{}\n' }, [
      { subject: 'feat(pkg): add the parser', files: { 'pkg/parse.go': 'x\n', 'pkg/parse_test.go': 'y\n' } },
      { subject: 'fix(pkg): address review findings', files: { 'pkg/parse.go': 'z\n', 'testdata/goldendataset.json': '{"v":2}\n' } },
    ]);
    const r = await verify(plan, dir);
    expect(r.commits.map((c) => c.group)).toEqual(['task', 'follow-up']);
    expect(r.problems.map((p) => [p.kind, p.commit, p.file])).toEqual([['plan-statement-broken', sha('fix(pkg): address review findings'), 'testdata/goldendataset.json']]);
    expect(r.problems[0]!.message).toContain('though the plan says "No golden dataset changes"');
  });
});
