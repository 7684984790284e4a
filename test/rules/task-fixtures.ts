/** Fragments for the task rule tests: a plan head with two contracts and a TDD task to vary. */
import { md } from '../helpers.js';

export const HEAD = md(
  '# Widget Cache Implementation Plan',
  '',
  '**Goal:** Cache widgets.',
  '',
  '## Behavioral Contracts',
  '',
  'BC-1: Cached widget',
  '- GIVEN a widget was loaded',
  '- WHEN it is loaded again',
  '- THEN the second load returns the same widget',
  '',
  'BC-2: Expiry',
  '- GIVEN a cached widget',
  '- WHEN its TTL passes',
  '- THEN the next load fetches it again',
  '',
  '## Tasks',
  '',
);

export interface TaskParts {
  n?: number;
  title?: string;
  contracts?: string;
  files?: string[];
  steps?: string[][];
}

export const STEP_TEST = [
  '**Step 1: Write failing test for BC-1**',
  '',
  '```go',
  'func TestCache_Load_ReturnsCached(t *testing.T) {',
  '\tassert.Equal(t, 1, Load())',
  '}',
  '```',
];
export const STEP_RED = ['**Step 2: Run test to verify it fails**', '', 'Run: `go test ./cache/... -run TestCache_Load -v`', 'Expected: FAIL with "undefined: Load"'];
export const STEP_IMPL = ['**Step 3: Implement the cache**', '', '```go', 'func Load() int { return 1 }', '```'];
export const STEP_GREEN = ['**Step 4: Run test to verify it passes**', '', 'Run: `go test ./cache/... -run TestCache_Load -v`', 'Expected: PASS'];
export const STEP_LINT = ['**Step 5: Run lint check**', '', 'Run: `golangci-lint run ./cache/...`', 'Expected: No new issues'];
export const STEP_COMMIT = ['**Step 6: Commit with contract reference**', '', '```bash', 'git add cache/cache.go cache/cache_test.go', 'git commit -m "feat(cache): cache widgets (BC-1)"', '```'];
export const TDD_STEPS = [STEP_TEST, STEP_RED, STEP_IMPL, STEP_GREEN, STEP_LINT, STEP_COMMIT];

/** One full-format task; every part can be replaced. */
export function task(parts: TaskParts = {}): string {
  const n = parts.n ?? 1;
  const lines = [`### Task ${n}: ${parts.title ?? 'Widget cache'}`, ''];
  if (parts.contracts !== '') lines.push(`**Contracts Implemented:** ${parts.contracts ?? 'BC-1'}`, '');
  const files = parts.files ?? ['- Create: `cache/cache.go`', '- Test: `cache/cache_test.go`'];
  if (files.length > 0) lines.push('**Files:**', ...files, '');
  for (const step of parts.steps ?? TDD_STEPS) lines.push(...step, '');
  return md(...lines);
}

/** Renumber a step list 1..N (the fixtures carry fixed numbers). */
export function renumber(steps: string[][]): string[][] {
  return steps.map((s, i) => [s[0]!.replace(/Step \d+/, `Step ${i + 1}`), ...s.slice(1)]);
}

/** A compact task. */
export function compactTask(parts: { n?: number; body?: string[] } = {}): string {
  return md(
    `### Task ${parts.n ?? 1}: Widget cache (BC-1)`,
    '',
    ...(parts.body ?? [
      '**Files:** create `cache/cache.go`, test `cache/cache_test.go`',
      '',
      '**Test:**',
      '```go',
      'func TestCache_Load_ReturnsCached(t *testing.T) { assert.Equal(t, 1, Load()) }',
      '```',
      '',
      '**Impl:**',
      '```go',
      'func Load() int { return 1 }',
      '```',
      '',
      '**Verify:** `go test ./cache/... -run TestCache_Load`',
      '**Lint:** `golangci-lint run ./cache/...`',
      '**Commit:** `feat(cache): cache widgets (BC-1)`',
    ]),
  );
}

export const FULL = { format: 'full' as const };
