import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { FULL, HEAD, task } from './task-fixtures.js';

describe('task-files', () => {
  it('accepts Create/Modify/Test entries with exact paths and a line range', async () => {
    const files = ['- Create: `cache/cache.go`', '- Modify: `cache/store.go:12-40`', '- Test: `cache/cache_test.go`'];
    expect(await lintRule('task-files', HEAD + task({ files }), FULL)).toEqual([]);
  });

  it('flags a task with no Files list', async () => {
    const ds = await lintRule('task-files', HEAD + task({ files: [] }), FULL);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('Task 1 has no Files list')]);
  });

  it('flags an entry with no action, at the path', async () => {
    const text = HEAD + task({ files: ['- `cache/cache.go`'] });
    const ds = await lintRule('task-files', text, FULL);
    expect(ds.map((d) => d.message)).toEqual([
      'File entry `cache/cache.go` in Task 1 has no action: write it as "Create: `cache/cache.go`", "Modify: …" or "Test: …".',
    ]);
    const line = text.split('\n').indexOf('- `cache/cache.go`') + 1;
    expect(ds[0]!.span).toEqual({ start: { line, column: 4 }, end: { line, column: 18 } });
  });

  it('flags globs, directories and reversed line ranges', async () => {
    const files = ['- Modify: `profiles/*.yaml`', '- Modify: `sim/workload/`', '- Modify: `cache/store.go:40-12`'];
    const ds = await lintRule('task-files', HEAD + task({ files }), FULL);
    expect(ds.map((d) => d.message)).toEqual([
      'File entry `profiles/*.yaml` in Task 1 is a glob pattern: name each file by its exact path.',
      'File entry `sim/workload/` in Task 1 is a directory, not a file: name each file by its exact path.',
      'Line range 40-12 of `cache/store.go` is malformed: write "path:start-end" with 1 ≤ start ≤ end.',
    ]);
  });

  it('accepts deleting a directory', async () => {
    expect(await lintRule('task-files', HEAD + task({ files: ['- Delete: `specs/old/`'] }), FULL)).toEqual([]);
  });
});
