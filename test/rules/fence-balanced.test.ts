import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse.js';
import { lintRule, md } from '../helpers.js';

/** A compact docs plan shaped like real ones: a Markdown snippet to insert that shows a shell block of its own. */
const nested = md(
  '# Document Scheduling Delay Implementation Plan',
  '',
  '**Goal:** Tell users why scheduling delay cannot be calibrated.',
  '**Source:** #1283',
  '**Closes:** Fixes #1283',
  '',
  '## Tasks',
  '',
  '### Task 1: Add the known-gap section (BC-1)',
  '',
  '**Content to add:**',
  '',
  '```markdown',
  '### Known Gap: Scheduling Delay',
  '',
  'Run with flow control:',
  '',
  '```bash',
  './blis run --flow-control',
  '```',
  '```',
  '',
  '**Commit:** `docs(calibrate): document scheduling delay (BC-1)`',
  '',
  '## Sanity Checklist',
  '',
  '- [x] No Go files modified',
);

describe('fence-balanced', () => {
  it('reports a block holding a fenced block of its own once, at its opening fence, with the fix', async () => {
    const ds = await lintRule('fence-balanced', nested);
    expect(ds.map((d) => [d.span.start.line, d.message])).toEqual([
      [13, 'This code block holds another fenced block (line 18), so CommonMark ends it at the inner block\'s closing fence and reads what follows as code: open it with ````markdown and close it with ```` at line 21.'],
    ]);
  });

  it('reads the rest of the plan as the author meant it: the commit and the checklist after the snippet are prose again', () => {
    const plan = parsePlan(nested);
    expect(plan.tasks[0]!.commit?.subject.text).toBe('docs(calibrate): document scheduling delay (BC-1)');
    expect(plan.checklist.map((i) => i.text.text)).toEqual(['No Go files modified']);
    expect(plan.codeBlocks.map((b) => [b.lang, b.span.start.line, b.span.end.line])).toEqual([['markdown', 13, 21]]);
  });

  it('reports a fence that is never closed, and still reads the sections after it', async () => {
    const text = md('# X Implementation Plan', '', '**Goal:** x.', '', '## Tasks', '', '### Task 1: A (BC-1)', '', '```go', 'func f() {}', '', '## Sanity Checklist', '', '- [x] Done');
    const ds = await lintRule('fence-balanced', text, { format: 'compact' });
    expect(ds.map((d) => [d.span.start.line, d.message])).toEqual([
      [9, 'This fence opens a code block that is never closed, so everything after it (from the heading at line 12) renders as code: close it with ``` where the code ends, or delete it if it was meant to close the block above.'],
    ]);
    expect(parsePlan(text).checklist.map((i) => i.text.text)).toEqual(['Done']);
  });

  it('accepts a snippet whose outer fence is longer than the one inside', async () => {
    expect(await lintRule('fence-balanced', nested.replace('```markdown', '````markdown').replace('```\n```\n', '```\n````\n'))).toEqual([]);
  });
});
