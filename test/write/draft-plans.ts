/**
 * Plans a scripted model "writes" in the draft tests: a first draft with defects the catalog
 * catches (a title without "Implementation Plan", a "should" in a contract) wrapped the way
 * models wrap answers, and the repaired second draft.
 */
import { defaultConfig } from '../../src/config/defaults.js';

function checklist(): string[] {
  const c = defaultConfig();
  return [...c.planSpecificChecks.map((x) => `- [x] ${x.text}`), ...c.antipatterns.map((x) => `- [x] ${x.id}: ${x.text}`)];
}

function plan(title: string, thenClause: string): string {
  return [
    `# ${title}`,
    '',
    '**Goal:** Fix the misspelled name of the batch receiver so the code reads correctly and searches find it.',
    '**Source:** GitHub issue #42',
    '**Closes:** Fixes #42',
    '',
    '## Behavioral Contracts',
    '',
    'BC-1: Batches are received exactly as before',
    '- GIVEN a queue holding three pending requests',
    '- WHEN the scheduler receives the next batch',
    `- THEN ${thenClause}`,
    '',
    'BC-2: The misspelled name is gone',
    '- GIVEN the repository after this change',
    '- WHEN a contributor searches the code for "recieve"',
    '- THEN the search finds no match',
    '',
    'BC-3: An empty queue gives an empty batch',
    '- GIVEN a queue with no pending requests',
    '- WHEN the scheduler receives the next batch',
    '- THEN the batch is empty AND no error is reported',
    '',
    '## Tasks',
    '',
    '### Task 1: Rename the batch receiver (BC-1, BC-2, BC-3)',
    '',
    '**Files:** modify `sim/queue.go`, test `sim/queue_test.go`',
    '',
    '**Test:**',
    '```go',
    'func TestQueue_ThreePending_ReceiveBatchReturnsAll(t *testing.T) {',
    '\t// GIVEN a queue holding three pending requests',
    '\tq := NewQueue()',
    '\tfor i := 0; i < 3; i++ {',
    '\t\tq.Push(Request{ID: i})',
    '\t}',
    '\t// WHEN the scheduler receives the next batch',
    '\tbatch := q.ReceiveBatch()',
    '\t// THEN the batch holds the three requests in arrival order',
    '\tif len(batch) != 3 || batch[0].ID != 0 || batch[2].ID != 2 {',
    '\t\tt.Fatalf("got %v, want requests 0, 1, 2 in order", batch)',
    '\t}',
    '}',
    '```',
    '',
    '**Impl:**',
    '```go',
    '// ReceiveBatch removes and returns every pending request, oldest first.',
    'func (q *Queue) ReceiveBatch() []Request {',
    '\tbatch := q.pending',
    '\tq.pending = nil',
    '\treturn batch',
    '}',
    '```',
    '',
    '**Verify:** `go test ./sim/... -run TestQueue_ThreePending_ReceiveBatchReturnsAll`',
    '**Lint:** `golangci-lint run ./sim/...`',
    '**Commit:** `refactor(sim): rename recieveBatch to ReceiveBatch (BC-1, BC-2, BC-3)`',
    '',
    '## Sanity Checklist',
    '',
    ...checklist(),
    '',
  ].join('\n');
}

/** The repaired plan, as the lint accepts it. */
export const GOOD_PLAN = plan('Rename the Batch Receiver Implementation Plan', 'the batch holds the three requests in arrival order');

/** The first draft: a wrong title and a "should"; the plan body alone, without the model's wrapping. */
export const BAD_PLAN = plan('Rename the Batch Receiver', 'the batch should hold the three requests in arrival order');

/** The first draft as a model sends it: a preamble, a ```markdown fence and a closing offer. */
export const BAD_ANSWER = `Here is the plan you asked for.\n\n\`\`\`markdown\n${BAD_PLAN}\`\`\`\n\nLet me know if you want changes.\n`;

/** Cuts an answer into a few deltas, so the stream carries it in several events. */
export function deltas(text: string, parts = 4): string[] {
  const size = Math.ceil(text.length / parts);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
