import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { FULL, HEAD, STEP_COMMIT, STEP_GREEN, STEP_LINT, STEP_RED, STEP_TEST, compactTask, task } from './task-fixtures.js';

const steps = (impl: string[]) => [STEP_TEST, STEP_RED, impl, STEP_GREEN, STEP_LINT, STEP_COMMIT];

describe('task-no-placeholders', () => {
  it('accepts complete code, and "// ... existing fields" locating an edit', async () => {
    expect(await lintRule('task-no-placeholders', HEAD + task(), FULL)).toEqual([]);
    const impl = ['**Step 3: Implement**', '', '```go', 'type Cache struct {', '\t// ... existing fields', '\tttl int64', '}', '```'];
    expect(await lintRule('task-no-placeholders', HEAD + task({ steps: steps(impl) }), FULL)).toEqual([]);
  });

  it('flags a TODO inside implementation code, at the comment', async () => {
    const impl = ['**Step 3: Implement the cache**', '', '```go', 'func Load() int {', '\t// TODO: implement', '}', '```'];
    const text = HEAD + task({ steps: steps(impl) });
    const ds = await lintRule('task-no-placeholders', text, FULL);
    expect(ds.map((d) => d.message)).toEqual(['Code in Task 1 has a placeholder ("// TODO: implement"): write the complete code it stands for.']);
    const line = text.split('\n').indexOf('\t// TODO: implement') + 1;
    expect(ds[0]!.span).toEqual({ start: { line, column: 2 }, end: { line, column: 20 } });
  });

  it('flags "existing code unchanged" elisions and bare "..." lines', async () => {
    const impl = ['**Step 3: Implement the cache**', '', '```go', 'func Load() int {', '\t// existing code unchanged', '\t...', '}', '```'];
    const ds = await lintRule('task-no-placeholders', HEAD + task({ steps: steps(impl) }), FULL);
    expect(ds).toHaveLength(2);
  });

  it('flags "add validation" written where the code should be', async () => {
    const impl = ['**Step 3: Implement the cache**', '', 'Add validation for the TTL and implement logic for expiry.'];
    const ds = await lintRule('task-no-placeholders', HEAD + task({ steps: steps(impl) }), FULL);
    expect(ds.map((d) => d.message)).toEqual(['Task 1 says "Add validation" where code is required: show the complete code instead.']);
  });

  it('checks compact Impl code too', async () => {
    const body = ['**Files:** create `a.go`', '**Impl:**', '```go', 'func Load() int { ... }', '```'];
    const ds = await lintRule('task-no-placeholders', HEAD + compactTask({ body }), FULL);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('("{ ... }")')]);
  });

  it('accepts a TODO the plan records as a deferral, and still flags a bare one', async () => {
    const code = (...lines: string[]): string[] => ['**Files:** create `a.go`', '**Impl:**', '```go', ...lines, '```'];
    expect(await lintRule('task-no-placeholders', HEAD + compactTask({ body: code('// Build report (empty info — deferred, see TODO)', '// TODO: populate the info', 'info := Info{}') }), FULL)).toEqual([]);
    expect(await lintRule('task-no-placeholders', HEAD + compactTask({ body: code('// TODO(#652): tag the site', 'x := 1') }), FULL)).toEqual([]);
    const ds = await lintRule('task-no-placeholders', HEAD + compactTask({ body: code('// TODO: implement', 'x := 1') }), FULL);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('("// TODO: implement")')]);
  });
});
