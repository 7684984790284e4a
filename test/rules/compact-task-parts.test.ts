import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { HEAD, compactTask } from './task-fixtures.js';

const COMPACT = { format: 'compact' as const };

describe('compact-task-parts', () => {
  it('accepts a compact task with every part', async () => {
    expect(await lintRule('compact-task-parts', HEAD + compactTask(), COMPACT)).toEqual([]);
  });

  it('flags missing parts, naming them, at "Task N"', async () => {
    const body = ['**Files:** create `a.go`', '', '**Test:**', '```go', 'func TestA_B_C(t *testing.T) {}', '```', '**Commit:** `feat(a): b (BC-1)`'];
    const ds = await lintRule('compact-task-parts', HEAD + compactTask({ body }), COMPACT);
    expect(ds.map((d) => d.message)).toEqual([
      'Compact Task 1 is missing **Impl:**, **Verify:**, **Lint:**: add them (complete code in code blocks, exact commands in backticks).',
    ]);
    expect(ds[0]!.span.start).toEqual({ line: 19, column: 5 });
  });

  it('flags a **Test:** label with no code, and accepts one that says why there is none', async () => {
    const body = (test: string) => [
      '**Files:** create `a.go`', test, '**Impl:**', '```go', 'x := 1', '```',
      '**Verify:** `go test ./a/...`', '**Lint:** `golangci-lint run ./a/...`', '**Commit:** `feat(a): b (BC-1)`',
    ];
    const ds = await lintRule('compact-task-parts', HEAD + compactTask({ body: body('**Test:** check that it works') }), COMPACT);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('missing **Test:** code')]);
    expect(await lintRule('compact-task-parts', HEAD + compactTask({ body: body('**Test (already in place — `TestA`):**') }), COMPACT)).toEqual([]);
  });
});
