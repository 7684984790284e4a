import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { FULL, HEAD, STEP_COMMIT, STEP_GREEN, STEP_IMPL, STEP_LINT, STEP_RED, STEP_TEST, renumber, task } from './task-fixtures.js';

describe('task-steps', () => {
  it('accepts the six TDD steps in order', async () => {
    expect(await lintRule('task-steps', HEAD + task(), FULL)).toEqual([]);
  });

  it('accepts an extra step before the commit', async () => {
    const extra = ['**Step 6: Update CLAUDE.md**', '', '```markdown', '- cache/ — widget cache', '```'];
    const steps = renumber([STEP_TEST, STEP_RED, STEP_IMPL, STEP_GREEN, STEP_LINT, extra, STEP_COMMIT]);
    expect(await lintRule('task-steps', HEAD + task({ steps }), FULL)).toEqual([]);
  });

  it('flags a gap in step numbers at the "Step N" words', async () => {
    const text = HEAD + task({ steps: [STEP_TEST, STEP_IMPL, STEP_GREEN, STEP_LINT, STEP_COMMIT] });
    const ds = await lintRule('task-steps', text, FULL);
    expect(ds.map((d) => d.message)).toContain('Step 3 of Task 1 skips Step 2: number the steps 1..N in order without gaps.');
    const line = text.split('\n').indexOf('**Step 3: Implement the cache**') + 1;
    expect(ds[0]!.span).toEqual({ start: { line, column: 3 }, end: { line, column: 9 } });
  });

  it('flags implementing before the test is written', async () => {
    const ds = await lintRule('task-steps', HEAD + task({ steps: renumber([STEP_IMPL, STEP_TEST, STEP_RED, STEP_GREEN, STEP_LINT, STEP_COMMIT]) }), FULL);
    expect(ds.map((d) => d.message)).toContain('Step 1 of Task 1 implements before the test is written (Step 2): write the failing test first.');
  });

  it('flags a feature task with no test step and no commit step', async () => {
    const ds = await lintRule('task-steps', HEAD + task({ steps: renumber([STEP_IMPL, STEP_GREEN, STEP_LINT]) }), FULL);
    expect(ds.map((d) => d.message)).toEqual([
      expect.stringContaining('Task 1 has no step that writes a test'),
      expect.stringContaining('Task 1 has no commit step'),
    ]);
  });

  it('accepts a refactor task without a new test, and a task that says "No new test"', async () => {
    const refactorCommit = ['**Step 4: Commit**', '', '```bash', 'git commit -m "refactor(cache): extract store (BC-1)"', '```'];
    expect(await lintRule('task-steps', HEAD + task({ steps: renumber([STEP_IMPL, STEP_GREEN, STEP_LINT, refactorCommit]) }), FULL)).toEqual([]);
    const waiver = ['**Step 1: No new test** — existing tests cover the behavior.'];
    expect(await lintRule('task-steps', HEAD + task({ steps: renumber([waiver, STEP_IMPL, STEP_GREEN, STEP_LINT, STEP_COMMIT]) }), FULL)).toEqual([]);
  });

  it('accepts a docs-only task with an edit and a commit', async () => {
    const edit = ['**Step 1: Add the glossary entry**', '', '```markdown', '### Widget', 'A cached thing.', '```'];
    const commit = ['**Step 2: Commit**', '', '```bash', 'git commit -m "docs(glossary): add widget (BC-1)"', '```'];
    expect(await lintRule('task-steps', HEAD + task({ files: ['- Modify: `docs/glossary.md`'], steps: [edit, commit] }), FULL)).toEqual([]);
  });

  it('flags a task with neither steps nor compact parts', async () => {
    const ds = await lintRule('task-steps', HEAD + task({ steps: [['Add the cache and test it.']] }), FULL);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('Task 1 has no executable steps')]);
  });

});
