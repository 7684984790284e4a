import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { FULL, HEAD, STEP_GREEN, STEP_IMPL, STEP_LINT, STEP_RED, STEP_TEST, compactTask, task } from './task-fixtures.js';

const commitWith = (msg: string) => ['**Step 6: Commit**', '', '```bash', `git commit -m "${msg}"`, '```'];
const steps = (msg: string) => [STEP_TEST, STEP_RED, STEP_IMPL, STEP_GREEN, STEP_LINT, commitWith(msg)];

describe('task-commit-message', () => {
  it('accepts a conventional commit that names the task contract', async () => {
    expect(await lintRule('task-commit-message', HEAD + task(), FULL)).toEqual([]);
    expect(await lintRule('task-commit-message', HEAD + compactTask(), FULL)).toEqual([]);
  });

  it('flags a message that is not a conventional commit, at the subject', async () => {
    const text = HEAD + task({ steps: steps('Added the cache (BC-1)') });
    const ds = await lintRule('task-commit-message', text, FULL);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('Commit message "Added the cache (BC-1)" of Task 1 is not a conventional commit')]);
    const line = text.split('\n').indexOf('git commit -m "Added the cache (BC-1)"') + 1;
    expect(ds[0]!.span).toEqual({ start: { line, column: 16 }, end: { line, column: 38 } });
  });

  it('flags a message that references none of the task contracts', async () => {
    const ds = await lintRule('task-commit-message', HEAD + task({ contracts: 'BC-1, BC-2', steps: steps('feat(cache): cache widgets') }), FULL);
    expect(ds.map((d) => d.message)).toEqual(['Commit message of Task 1 references none of its contracts: add "(BC-1, BC-2)" to the subject.']);
  });

  it('flags a commit step with no message', async () => {
    const bare = ['**Step 6: Commit**', '', 'Commit the change.'];
    const ds = await lintRule('task-commit-message', HEAD + task({ steps: [STEP_TEST, STEP_RED, STEP_IMPL, STEP_GREEN, STEP_LINT, bare] }), FULL);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('Step 6 of Task 1 has no commit message')]);
  });
});
