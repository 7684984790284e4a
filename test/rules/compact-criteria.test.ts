import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../helpers.js';
import { at } from './fixtures-trace.js';

const plan = (...impl: string[]): string =>
  md(
    '# Fix Implementation Plan',
    '',
    '**Goal:** Fix.',
    '',
    '## Behavioral Contracts',
    '',
    'BC-1: X',
    '- GIVEN a',
    '- WHEN b',
    '- THEN c',
    '',
    '## Tasks',
    '',
    '### Task 1: Rename (BC-1)',
    '',
    '**Files:** modify `sim/a.go`',
    '',
    '**Impl:**',
    '',
    '```go',
    ...impl,
    '```',
    '',
    '**Verify:** `go test ./sim/...`',
  );

describe('compact-criteria', () => {
  it('accepts a mechanical rename', async () => {
    expect(await lintRule('compact-criteria', plan('func NewName() int { return oldValue() }'))).toEqual([]);
  });

  it('flags a new type declaration, at the declaration', async () => {
    const text = plan('type Budget struct {', '\tLimit int', '}');
    const ds = await lintRule('compact-criteria', text);
    expect(ds.map((d) => d.message)).toEqual(['This compact plan declares types (Budget); compact plans may not add interfaces or types: use the full format.']);
    expect(ds[0]!.span.start).toEqual(at(text, 'Budget struct'));
  });

  it('reads implementation code in the fences the test-code rules read (`tsx`, a bare fence of Python)', async () => {
    const tsx = plan('interface Budget {', '  limit: number;', '}').replace('```go', '```tsx');
    expect((await lintRule('compact-criteria', tsx)).map((d) => d.message)).toEqual([expect.stringContaining('declares types (Budget)')]);
    const python = plan('def fetch(url):', '    if url:', '        return 1', '    for u in url:', '        pass').replace('```go', '```');
    expect((await lintRule('compact-criteria', python)).map((d) => d.message)).toEqual([expect.stringContaining('2 control-flow statements')]);
  });

  it('flags a CLI flag registration and control flow, once per criterion', async () => {
    const text = plan('func init() {', '\tcmd.Flags().IntVar(&n, "n", 0, "count")', '\tif n < 0 {', '\t\tn = 0', '\t}', '\tfor i := 0; i < n; i++ {', '\t}', '}');
    const ds = await lintRule('compact-criteria', text);
    expect(ds.map((d) => d.message)).toEqual([
      'This compact plan registers a CLI flag (cmd.Flags().IntVar); compact plans may not add CLI flags: use the full format.',
      "This compact plan's implementation adds behavioural logic (2 control-flow statements, first: if statement); compact plans are for mechanical changes only: use the full format.",
    ]);
    expect(ds[0]!.span.start).toEqual(at(text, 'cmd.Flags()'));
    expect(ds[1]!.span.start).toEqual(at(text, 'if n'));
  });

  it('takes the plan at its word: prose that says it adds a flag or a type is not compact-eligible', async () => {
    const says = (sentence: string): string => plan('x := 1').replace('**Goal:** Fix.', `**Goal:** Fix. ${sentence}`);
    expect((await lintRule('compact-criteria', says('This PR adds a `--seed` flag to replay.'))).map((d) => d.message)).toEqual([
      'This compact plan says it adds a CLI flag ("adds a `--seed` flag"); compact plans may not add CLI flags: use the full format.',
    ]);
    expect((await lintRule('compact-criteria', says('It introduces a new interface for deciders.'))).map((d) => d.message)).toEqual([
      expect.stringContaining('says it adds a new interface ("introduces a new interface")'),
    ]);
    // Negations, checklist items and commands are not such statements.
    expect(await lintRule('compact-criteria', says('No new struct fields; all deciders satisfy the new interface.'))).toEqual([]);
    expect(await lintRule('compact-criteria', says('Run `gh issue create --template bug.md`.'))).toEqual([]);
  });
});
