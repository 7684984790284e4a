/**
 * verify on superpowers plans, in the shapes the corpus plans' pull requests committed them
 * (test/precision/verify/pr-609, pr-941, pr-971-*): a task with no commit step folded into the
 * next task's commit, a task with no Files list that creates its findings, a fix the plan's
 * steps describe by its flag, a conditional task, and two plans executed on one branch.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse.js';
import { renderPrBody } from '../../src/verify/pr-body.js';
import { replayLedger } from '../../src/verify/replay.js';
import { verifyPlan } from '../../src/verify/verify.js';
import { REPLAY_TIMEOUT, removeTempDirs } from './helpers.js';
import { history, planFile, problems, verify } from './history.js';

afterAll(removeTempDirs);

const HEADER = `# Deadline Scheduling Implementation Plan

> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task. Steps use checkbox (\`- [ ]\`) syntax for tracking.

**Goal:** Add two priority policies and measure them.

**Architecture:** Two policies in \`sim/priority.go\`, registered in \`sim/bundle.go\`.

**Tech Stack:** Go, Bash

---

`;

/** A superpowers task: Files, checkbox steps with code and Run/Expected, and (unless `subject` is undefined) a commit step. */
function task(n: number, title: string, files: string[], subject: string | undefined, steps = ''): string {
  const commit = subject === undefined ? '' : `\n- [ ] **Step 4: Commit**\n\n\`\`\`bash\ngit commit -m "${subject}"\n\`\`\`\n`;
  return `## Task ${n}: ${title}

${files.length > 0 ? `**Files:**\n${files.map((f) => `- ${f}`).join('\n')}\n\n` : ''}- [ ] **Step 1: Implement the change**

\`\`\`go
func Compute() float64 { return 1 }
\`\`\`
${steps}
- [ ] **Step 3: Run the tests**

Run: \`go test ./sim/...\`
Expected: PASS
${commit}
---

`;
}

describe('verify on superpowers plans', () => {
  it('folds a task without a commit step into the next task\'s commit, not into a later commit that touches the same files', async () => {
    const policyFiles = ['Modify: `sim/priority.go`', 'Modify: `sim/bundle.go`', 'Test: `sim/priority_test.go`'];
    const plan = planFile(
      HEADER +
        task(1, 'Implement StaticClassWeight priority policy', policyFiles, undefined) +
        task(2, 'Implement DeadlineAwarePriority policy', policyFiles, 'feat(sim): add DeadlineAwarePriority and StaticClassWeight policies') +
        task(3, 'Extend PriorityConfig for deadline parameters', ['Modify: `sim/bundle.go`', 'Modify: `cmd/root.go`', 'Modify: `sim/priority.go`', 'Test: `sim/bundle_test.go`'], 'feat(sim): extend PriorityConfig for deadline-aware parameters'),
    );
    const { dir, sha } = history({ 'sim/priority.go': 'a\n', 'sim/bundle.go': 'a\n', 'sim/priority_test.go': 'a\n', 'sim/bundle_test.go': 'a\n', 'cmd/root.go': 'a\n' }, [
      { subject: 'feat(sim): add StaticClassWeight and DeadlineAwarePriority priority policies', files: { 'sim/priority.go': 'b\n', 'sim/bundle.go': 'b\n', 'sim/priority_test.go': 'b\n' } },
      {
        subject: 'feat(sim): extend PriorityConfig for YAML-configurable deadline parameters',
        files: { 'sim/priority.go': 'c\n', 'sim/bundle.go': 'c\n', 'sim/priority_test.go': 'c\n', 'sim/bundle_test.go': 'c\n', 'cmd/root.go': 'c\n' },
      },
    ]);
    const r = await verify(plan, dir);
    const policies = sha('feat(sim): add StaticClassWeight and DeadlineAwarePriority priority policies');
    expect(r.tasks.map((t) => t.commits)).toEqual([[policies], [policies], [sha('feat(sim): extend PriorityConfig for YAML-configurable deadline parameters')]]);
    expect(problems(r)).toEqual([]);
  });

  it('holds a task without a Files list to the files its steps create, and finds them in a commit of another name', async () => {
    const run = `
- [ ] **Step 5: Write FINDINGS.md**

Create \`hypotheses/h-deadline/FINDINGS.md\` using the template at \`docs/templates/hypothesis.md\`.
`;
    const plan = planFile(
      HEADER +
        task(1, 'Write experiment run.sh', ['Create: `hypotheses/h-deadline/run.sh`'], 'feat(experiment): add run.sh for h-deadline') +
        task(2, 'Execute experiments and analyze results', [], 'feat(experiment): h-deadline results and FINDINGS', run),
    );
    const { dir, sha } = history({ 'docs/templates/hypothesis.md': '# template\n' }, [
      { subject: 'feat(experiment): add run.sh for h-deadline', files: { 'hypotheses/h-deadline/run.sh': 'echo\n' } },
      { subject: 'feat(sim): Strategy Evolution — SLO-aware scheduling (3 iterations)', files: { 'hypotheses/h-deadline/FINDINGS.md': '# findings\n', 'sim/batch.go': 'x\n', 'sim/batch_test.go': 'x\n' } },
    ]);
    const r = await verify(plan, dir);
    expect(r.tasks[1]!.commits).toEqual([sha('feat(sim): Strategy Evolution — SLO-aware scheduling (3 iterations)')]);
  });

  it('gives a fix to the task whose steps name its flag, and asks nothing of a task the plan makes conditional', async () => {
    const fixStep = `
- [ ] **Step 5: Fix defaults.yaml path**

Add \`--defaults-filepath\` passthrough to \`build_blis_command\`.
`;
    const plan = planFile(
      HEADER +
        task(1, 'Add Overhead Fields to KernelProfile', ['Modify: `sim/latency/kernel_profile.go`'], 'feat(latency): add overhead fields to KernelProfile') +
        task(2, 'Fix Evaluation Environment + Run Warm-Start', ['Modify: `training/run_blis.py`'], 'feat(training): warm-start evaluation with offset subtraction', fixStep) +
        task(3, 'Optimize Coefficients (if warm-start is promising)', ['Create: `training/iter31/bounds.yaml`'], undefined),
    );
    const { dir, sha } = history({ 'sim/latency/kernel_profile.go': 'a\n', 'training/run_blis.py': 'a\n' }, [
      { subject: 'fix(training): pass --defaults-filepath to BLIS binary from training runner', files: { 'training/run_blis.py': 'b\n' } },
      { subject: 'fix(latency): correct avgPrefillISL in kernel-lookup model', files: { 'sim/latency/kernel_lookup.go': 'c\n' } },
    ]);
    const r = await verify(plan, dir);
    expect(r.tasks.map((t) => t.commits)).toEqual([[], [sha('fix(training): pass --defaults-filepath to BLIS binary from training runner')], []]);
    expect(r.tasks[1]!.evidence[0]!.reasons).toContain('names --defaults-filepath');
    // Task 1 never happened; Task 3 was conditional on a warm-start the history never shows.
    expect(problems(r)).toEqual([{ kind: 'no-commit', task: 1 }]);
  });

  it("takes for the plan's own commit neither another plan's, committed after this plan's work, nor less than a document saying it is this plan", async () => {
    const plan = planFile(
      `# Kernel-Lookup Latency Backend Implementation Plan\n\n> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:executing-plans.\n\n**Goal:** A backend.\n\n---\n\n` +
        task(1, 'Register the backend', ['Modify: `sim/config.go`'], 'feat(latency): register kernel-lookup backend'),
    );
    const { dir, sha } = history({ 'sim/config.go': 'a\n' }, [
      { subject: 'docs(iter30): kernel-lookup backend design, plan, and hypothesis', files: { 'training/iter30/HYPOTHESIS.md': '# Hypothesis\n' } },
      { subject: 'feat(latency): register kernel-lookup backend', files: { 'sim/config.go': 'b\n' } },
      // The next plan on the same branch; its file is not in this history (an empty commit here).
      { subject: 'docs(iter31): implementation plan for offset-subtracted kernel-lookup', files: {} },
    ]);
    const r = await verify(plan, dir);
    const group = Object.fromEntries(r.commits.map((c) => [c.sha, c.group]));
    expect(group[sha('docs(iter30): kernel-lookup backend design, plan, and hypothesis')]).toBe('plan');
    expect(group[sha('docs(iter31): implementation plan for offset-subtracted kernel-lookup')]).toBe('follow-up');
    expect(problems(r)).toEqual([]);
  });
});

/** A superpowers plan for a small Node project, in the writing-plans template the fixtures use. */
const SLUG_PLAN = `# Slug Helpers Implementation Plan

> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:subagent-driven-development (recommended) or superpowers:executing-plans to implement this plan task-by-task. Steps use checkbox (\`- [ ]\`) syntax for tracking.

**Goal:** Turn titles into URL slugs and back into title case.

**Architecture:** Two pure functions in \`src/slug.js\`, each with its own test file run by \`node --test\`.

**Tech Stack:** Node 20, node:test

---

## File Structure

- \`src/slug.js\`: slugify and titleCase
- \`test/slug.test.js\`, \`test/title.test.js\`: their tests

### Task 1: slugify

**Files:**
- Create: \`src/slug.js\`
- Test: \`test/slug.test.js\`

- [ ] **Step 1: Write the failing test**

\`\`\`js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slugify } from '../src/slug.js';
test('slugify joins lower-case words with hyphens', () => assert.equal(slugify('Hello World'), 'hello-world'));
\`\`\`

- [ ] **Step 2: Run test to verify it fails**

Run: \`node --test test/slug.test.js\`
Expected: FAIL with "Cannot find module"

- [ ] **Step 3: Write minimal implementation**

\`\`\`js
export function slugify(title) { return title.toLowerCase().split(/\\s+/).join('-'); }
\`\`\`

- [ ] **Step 4: Run test to verify it passes**

Run: \`node --test test/slug.test.js\`
Expected: PASS

- [ ] **Step 5: Commit**

\`\`\`bash
git add src/slug.js test/slug.test.js
git commit -m "feat(slug): slugify titles"
\`\`\`

### Task 2: titleCase

**Files:**
- Modify: \`src/slug.js\`
- Test: \`test/title.test.js\`

- [ ] **Step 1: Write the failing test**

\`\`\`js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { titleCase } from '../src/slug.js';
test('titleCase capitalises each word of a slug', () => assert.equal(titleCase('hello-world'), 'Hello World'));
\`\`\`

- [ ] **Step 2: Run test to verify it fails**

Run: \`node --test test/title.test.js\`
Expected: FAIL with "titleCase"

- [ ] **Step 3: Write minimal implementation**

\`\`\`js
export function titleCase(slug) { return slug.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(' '); }
\`\`\`

- [ ] **Step 4: Run test to verify it passes**

Run: \`node --test test/title.test.js\`
Expected: PASS

- [ ] **Step 5: Commit**

\`\`\`bash
git add src/slug.js test/title.test.js
git commit -m "feat(slug): titleCase slugs"
\`\`\`
`;

const SLUGIFY = "export function slugify(title) { return title.toLowerCase().split(/\\s+/).join('-'); }\n";
const TITLE_CASE = "export function titleCase(slug) { return slug.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(' '); }\n";
const SLUG_TEST =
  "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { slugify } from '../src/slug.js';\ntest('slugify joins lower-case words with hyphens', () => assert.equal(slugify('Hello World'), 'hello-world'));\n";
const TITLE_TEST =
  "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { titleCase } from '../src/slug.js';\ntest('titleCase capitalises each word of a slug', () => assert.equal(titleCase('hello-world'), 'Hello World'));\n";

describe('verify --run on a superpowers plan', { timeout: REPLAY_TIMEOUT }, () => {
  it('replays each task\'s red → green from the Run/Expected of its checkbox steps', async () => {
    const plan = planFile(SLUG_PLAN);
    const { dir } = history({ 'package.json': '{ "type": "module" }\n' }, [
      { subject: 'feat(slug): slugify titles', files: { 'src/slug.js': SLUGIFY, 'test/slug.test.js': SLUG_TEST } },
      { subject: 'feat(slug): titleCase slugs', files: { 'src/slug.js': SLUGIFY + TITLE_CASE, 'test/title.test.js': TITLE_TEST } },
    ]);
    const v = await verifyPlan({ planPath: plan, repo: dir, base: 'main', head: 'feature' });
    expect(v.plan.format).toBe('superpowers');
    const report = await replayLedger(v, { timeoutSeconds: 60 });
    expect(report.tasks.map((t) => (t.runs ?? []).map((r) => [r.phase, r.command, r.ok]))).toEqual([
      [
        ['red', 'node --test test/slug.test.js', true],
        ['green', 'node --test test/slug.test.js', true],
      ],
      [
        ['red', 'node --test test/title.test.js', true],
        ['green', 'node --test test/title.test.js', true],
      ],
    ]);
    expect(report.ok).toBe(true);
  }, 60_000);

  it('reports a test that already passed before its task\'s implementation', async () => {
    const plan = planFile(SLUG_PLAN);
    // titleCase was committed with Task 1: Task 2's test cannot fail before Task 2.
    const { dir } = history({ 'package.json': '{ "type": "module" }\n' }, [
      { subject: 'feat(slug): slugify titles', files: { 'src/slug.js': SLUGIFY + TITLE_CASE, 'test/slug.test.js': SLUG_TEST } },
      { subject: 'feat(slug): titleCase slugs', files: { 'src/slug.js': SLUGIFY + TITLE_CASE + '// titleCase\n', 'test/title.test.js': TITLE_TEST } },
    ]);
    const report = await replayLedger(await verifyPlan({ planPath: plan, repo: dir, base: 'main', head: 'feature' }), { timeoutSeconds: 60 });
    expect(report.tasks[0]!.problems).toEqual([]);
    expect(report.tasks[1]!.problems.map((p) => p.kind)).toEqual(['red-passed']);
  }, 60_000);
});

describe('pr-body for a superpowers plan', () => {
  it('summarises the Goal and lists the tasks verify matched, with no contracts section', () => {
    const plan = parsePlan(SLUG_PLAN, 'docs/superpowers/plans/2026-03-05-slug-helpers.md');
    const body = renderPrBody(plan, {
      ok: true,
      plan: plan.path,
      base: 'a'.repeat(40),
      head: 'b'.repeat(40),
      ran: true,
      tasks: [
        { task: 1, title: 'slugify', commits: ['c'.repeat(40)], ok: true, problems: [] },
        { task: 2, title: 'titleCase', commits: ['d'.repeat(40)], ok: true, problems: [] },
      ],
      problems: [],
    });
    expect(body).toBe(
      [
        '## Summary',
        '',
        'Turn titles into URL slugs and back into title case.',
        '',
        '## Test Verification',
        '',
        '`microplan verify` on aaaaaaa..bbbbbbb: ✓ every task kept its promises (history checked, red → green steps replayed).',
        '',
        '- ✓ Task 1: slugify (ccccccc)',
        '- ✓ Task 2: titleCase (ddddddd)',
        '',
      ].join('\n'),
    );
    expect(renderPrBody(plan)).not.toMatch(/Contracts|\| Contract/);
  });
});
