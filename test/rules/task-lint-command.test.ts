import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintRule } from '../helpers.js';
import { FULL, HEAD, STEP_COMMIT, STEP_GREEN, STEP_IMPL, STEP_RED, STEP_TEST, task } from './task-fixtures.js';

const lintWith = (cmd: string) => ['**Step 5: Run lint check**', '', `Run: \`${cmd}\``, 'Expected: No new issues'];
const steps = (cmd: string) => [STEP_TEST, STEP_RED, STEP_IMPL, STEP_GREEN, lintWith(cmd), STEP_COMMIT];

describe('task-lint-command', () => {
  it('accepts the configured linter scoped to a package', async () => {
    expect(await lintRule('task-lint-command', HEAD + task({ steps: steps('golangci-lint run ./cache/...') }), FULL)).toEqual([]);
  });

  it('warns about a lint step that runs another tool, at the command', async () => {
    const text = HEAD + task({ steps: steps('go vet ./cache/...') });
    const ds = await lintRule('task-lint-command', text, FULL);
    expect(ds.map((d) => [d.severity, d.message])).toEqual([
      ['warning', 'The lint command of Task 1 ("go vet ./cache/...") does not run golangci-lint: use "golangci-lint run ./...".'],
    ]);
    const line = text.split('\n').indexOf('Run: `go vet ./cache/...`') + 1;
    expect(ds[0]!.span).toEqual({ start: { line, column: 7 }, end: { line, column: 25 } });
  });

  it('compares against the project lint tool from the config', async () => {
    const config = { commands: { ...defaultConfig().commands, lint: 'npx eslint .' } };
    expect(await lintRule('task-lint-command', HEAD + task({ steps: steps('npx eslint src/cache') }), { ...FULL, config })).toEqual([]);
    const ds = await lintRule('task-lint-command', HEAD + task({ steps: steps('golangci-lint run ./...') }), { ...FULL, config });
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('does not run eslint')]);
  });
});

describe('task-lint-command: script invocations', () => {
  const lintConfig = (lint: string) => ({ ...FULL, config: { commands: { test: 'npm test', lint } } });

  it('accepts the lint script run through its runner ("npm run lint" runs the project\'s lint)', async () => {
    for (const [configured, written] of [
      ['npm run lint', 'npm run lint'],
      ['npm run lint', 'npm run lint -- src/cache.ts'],
      ['pnpm lint', 'pnpm run lint'],
      ['yarn lint', 'yarn run lint'],
      ['make lint', 'make lint'],
      ['just lint', 'just lint'],
      ['uv run ruff check .', 'uv run ruff check src/cache.py'],
      ['npx eslint .', 'eslint src/cache.ts'],
      ['npx eslint .', 'npm run lint && npx eslint src/'],
    ] as const) {
      expect(await lintRule('task-lint-command', HEAD + task({ steps: steps(written) }), lintConfig(configured)), `${configured} / ${written}`).toEqual([]);
    }
  });

  it('warns when a script runner runs another script', async () => {
    const ds = await lintRule('task-lint-command', HEAD + task({ steps: steps('npm run format') }), lintConfig('npm run lint'));
    expect(ds.map((d) => d.message)).toEqual(['The lint command of Task 1 ("npm run format") does not run npm run lint: use "npm run lint".']);
  });

  it('says nothing when the project names no lint command', async () => {
    const config = { ...FULL, config: { commands: { test: 'npm test' } } };
    expect(await lintRule('task-lint-command', HEAD + task({ steps: steps('npm run format') }), config)).toEqual([]);
  });
});
