import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { FULL, HEAD, STEP_COMMIT, STEP_IMPL, STEP_LINT, STEP_RED, STEP_TEST, compactTask, task } from './task-fixtures.js';

const green = (...lines: string[]) => ['**Step 4: Run test to verify it passes**', '', ...lines];
const steps = (g: string[]) => [STEP_TEST, STEP_RED, STEP_IMPL, g, STEP_LINT, STEP_COMMIT];

describe('task-exact-commands', () => {
  it('accepts exact commands with Expected outcomes (Go ./... patterns included)', async () => {
    expect(await lintRule('task-exact-commands', HEAD + task(), FULL)).toEqual([]);
    expect(await lintRule('task-exact-commands', HEAD + compactTask(), FULL)).toEqual([]);
  });

  it('flags a placeholder argument, at the command', async () => {
    const text = HEAD + task({ steps: steps(green('Run: `go test ./<package>/... -v`', 'Expected: PASS')) });
    const ds = await lintRule('task-exact-commands', text, FULL);
    expect(ds.map((d) => d.message)).toEqual([
      'The command of Step 4 in Task 1 has a placeholder ("<package>") in place of an argument: write the exact command to run.',
    ]);
    const line = text.split('\n').indexOf('Run: `go test ./<package>/... -v`') + 1;
    expect(ds[0]!.span).toEqual({ start: { line, column: 7 }, end: { line, column: 33 } });
  });

  it('flags a description in place of a command', async () => {
    const ds = await lintRule('task-exact-commands', HEAD + task({ steps: steps(green('Run: run the tests', 'Expected: PASS')) }), FULL);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('is a description, not a command')]);
  });

  it('flags a Run with no Expected (red and green steps are left to their own rules)', async () => {
    const lint = ['**Step 5: Run lint check**', '', 'Run: `golangci-lint run ./cache/...`'];
    const ds = await lintRule('task-exact-commands', HEAD + task({ steps: [STEP_TEST, STEP_RED, STEP_IMPL, green('Run: `go test ./cache/...`'), lint, STEP_COMMIT] }), FULL);
    expect(ds.map((d) => d.message)).toEqual([
      'The command of Step 5 in Task 1 has no Expected: add "Expected: PASS" (or the failure or output to expect) after it.',
    ]);
  });

  it('flags a description in place of a command even when it starts with a capital', async () => {
    const ds = await lintRule('task-exact-commands', HEAD + task({ steps: steps(green('Run: Read back the file and confirm the rows', 'Expected: PASS')) }), FULL);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('is a description, not a command')]);
  });

  it('flags a compact Verify with a lone "..." argument', async () => {
    const body = ['**Files:** create `a.go`', '**Verify:** `go test ...`', '**Lint:** `golangci-lint run ./...`', '**Commit:** `feat(a): b (BC-1)`'];
    const ds = await lintRule('task-exact-commands', HEAD + compactTask({ body }), FULL);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('The **Verify:** command of Task 1 has a placeholder ("...")')]);
  });
});

describe('task-exact-commands: script runners and the project\'s own commands are commands', () => {
  const lintStep = (cmd: string) => ['**Step 5: Run lint check**', '', `Run: \`${cmd}\``, 'Expected: No new issues'];
  const withLint = (cmd: string) => HEAD + task({ steps: [STEP_TEST, STEP_RED, STEP_IMPL, green('Run: `go test ./cache/...`', 'Expected: PASS'), lintStep(cmd), STEP_COMMIT] });

  it.each([
    'npm run lint',
    'npm test',
    'npm run test -- cache',
    'pnpm run lint',
    'pnpm lint',
    'yarn lint',
    'yarn run type check',
    'bun run lint',
    'make lint',
    'make test unit',
    'just lint',
    'cargo clippy --all-targets',
    'cargo test cache load',
    'uv run pytest',
    'uv run ruff check',
    'poetry run pytest',
    'npx vitest run cache',
    'tox run',
    'go vet',
  ])('accepts "%s" as an exact command', async (cmd) => {
    expect(await lintRule('task-exact-commands', withLint(cmd), FULL)).toEqual([]);
  });

  it('accepts the commands the project config names, whatever their words', async () => {
    const config = { commands: { test: 'scripts/test', lint: 'check all sources' } };
    expect(await lintRule('task-exact-commands', withLint('check all sources'), { ...FULL, config })).toEqual([]);
    // The same words are a description in a project that does not name them.
    expect((await lintRule('task-exact-commands', withLint('check all sources'), FULL)).map((d) => d.message)).toEqual([
      expect.stringContaining('is a description, not a command'),
    ]);
  });

  it('still flags descriptions that start with a runner-like English word', async () => {
    for (const cmd of ['Run the linter on the package', 'make sure the lint passes', 'just check the output']) {
      const ds = await lintRule('task-exact-commands', withLint(cmd), FULL);
      expect(ds.map((d) => d.message), cmd).toEqual([expect.stringContaining('is a description, not a command')]);
    }
  });
});
