import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../helpers.js';
import { at } from './fixtures-trace.js';

const plan = (files: string): string =>
  md('# Fix Implementation Plan', '', '**Goal:** Fix.', '', '## Behavioral Contracts', '', 'BC-1: X', '- GIVEN a', '- WHEN b', '- THEN c', '', '## Tasks', '', '### Task 1: Fix (BC-1)', '', `**Files:** ${files}`, '', '**Verify:** `go test ./...`');

describe('compact-file-count', () => {
  it('accepts a compact plan touching three files', async () => {
    expect(await lintRule('compact-file-count', plan('modify `a.go`, modify `b.go`, test `a_test.go`'))).toEqual([]);
  });

  it('flags a compact plan touching four files, at the fourth', async () => {
    const text = plan('modify `a.go`, modify `b.go`, test `a_test.go`, modify `docs/x.md`');
    const ds = await lintRule('compact-file-count', text);
    expect(ds.map((d) => d.message)).toEqual([
      'This compact plan touches 4 files (a.go, b.go, a_test.go, docs/x.md); the compact format allows at most 3: use the full format.',
    ]);
    expect(ds[0]!.span.start).toEqual(at(text, 'docs/x.md'));
  });
});
