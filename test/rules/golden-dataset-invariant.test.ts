import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../helpers.js';
import { at } from './fixtures-trace.js';

const plan = (taskTitle: string): string =>
  md(
    '# Thing Implementation Plan',
    '',
    '**Goal:** Thing.',
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
    `### Task 1: ${taskTitle} (BC-1)`,
    '',
    '**Files:** modify `sim/a.go`',
    '',
    '**Verify:**',
    '',
    '```bash',
    'go test ./sim/... -run TestGolden -update  # regenerates testdata/goldendataset.json',
    '```',
  );

describe('golden-dataset-invariant', () => {
  it('accepts golden regeneration alongside an invariant test', async () => {
    expect(await lintRule('golden-dataset-invariant', plan('Add conservation invariant test and regenerate golden'))).toEqual([]);
  });

  it('flags golden regeneration with no invariant test, at the command', async () => {
    const text = plan('Change output');
    const ds = await lintRule('golden-dataset-invariant', text);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('regenerates the golden dataset but adds no invariant test');
    expect(ds[0]!.span.start.line).toBe(at(text, 'go test').line);
  });
});
