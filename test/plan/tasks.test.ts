import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse.js';
import { commitMessageIn } from '../../src/plan/tasks.js';
import { md } from '../helpers.js';

const tasksOf = (...lines: string[]) => parsePlan(md('# X Implementation Plan', '', '## Tasks', '', ...lines)).tasks;

describe('parseTasks', () => {
  it('keeps inline code in a task title and points the title span at it', () => {
    const [t] = tasksOf('#### Task 1: Update `NewRoutingPolicy` factory (BC-4)', '');
    expect(t!.title.text).toBe('Update `NewRoutingPolicy` factory (BC-4)');
    expect(t!.title.span.start).toEqual({ line: 5, column: 14 });
    expect(t!.contracts.map((c) => c.id)).toEqual(['BC-4']);
  });

  it('reads "**Step N — Title:**" heads, a task-level **Commit:** and an Expected after a shell block', () => {
    const [t] = tasksOf(
      '### Task 1: Tie-break',
      '',
      '**Step 1 — Build and run existing tests:**',
      '',
      '```bash',
      'go test ./sim/... -count=1',
      '```',
      '',
      'Expected: all tests pass.',
      '',
      '**Commit:** `refactor(sim): add RNG parameter (BC-4)`',
    );
    expect(t!.steps).toHaveLength(1);
    expect(t!.steps[0]!.title.text).toBe('Build and run existing tests');
    expect(t!.steps[0]!.commands[0]!.run.text).toBe('go test ./sim/... -count=1');
    expect(t!.steps[0]!.commands[0]!.expected?.text).toBe('all tests pass.');
    expect(t!.steps[0]!.kind).toBe('run-pass');
    expect(t!.commit?.subject.text).toBe('refactor(sim): add RNG parameter (BC-4)');
    expect(t!.commit?.subject.span.start).toEqual({ line: 15, column: 14 });
  });

  it('reads checkbox steps, sub-steps, task-qualified and range step numbers', () => {
    const [a, b, c] = tasksOf(
      '### Task 1: A',
      '- [ ] **Step 1: Write failing test for X**',
      '**Step 1b: Fix the guard**',
      '### Task 2: B',
      '**Step 2.1 — Write failing tests**',
      '**Step 2.2 — Run to confirm failure**',
      '### Task 3: C',
      '**Step 1: Write tests**',
      '**Step 2-6: Run, verify, lint, commit**',
    );
    expect(a!.steps.map((s) => [s.number, s.suffix])).toEqual([[1, ''], [1, 'b']]);
    expect(b!.steps.map((s) => s.number)).toEqual([1, 2]);
    expect(c!.steps[1]).toMatchObject({ number: 2, through: 6 });
  });

  it('takes the title of "**Step 7: Build** — `cmd` → ok" from the bold part and the command from the rest', () => {
    const [t] = tasksOf('### Task 1: A', '**Step 7: Build & test** — `go build ./... && go test ./...` → all pass.');
    const s = t!.steps[0]!;
    expect(s.title.text).toBe('Build & test');
    expect(s.commands[0]!.run.text).toBe('go build ./... && go test ./...');
    expect(s.commands[0]!.expected?.text).toBe('all pass.');
    expect(s.kind).toBe('run-pass');
  });

  it('reads whole-line bold "**Task N: Title**" paragraphs when there are no task headings', () => {
    const ts = tasksOf('**Task 1: Scorer registration (BC-8)**', '- Files: modify `sim/routing.go`', '', '**Task 2: Docs**', '- Update tables');
    expect(ts.map((t) => [t.number, t.title.text])).toEqual([[1, 'Scorer registration (BC-8)'], [2, 'Docs']]);
    expect(ts[0]!.span.end.line).toBe(6);
  });

  it('reads compact label variants (**Implement:**, **Command:**, **Test (already in place):**)', () => {
    const [t] = tasksOf(
      '### Task 1: A (BC-1)',
      '**Test (already in place — `TestX`):**',
      '',
      '**Implement:**',
      '```go',
      'x := 1',
      '```',
      '**Command:** `go test ./a/...`',
      '**Expected:** PASS',
    );
    expect(t!.compact?.impl).toHaveLength(1);
    expect(t!.compact?.testLabel?.text).toContain('already in place');
    expect(t!.compact?.verify?.text).toBe('`go test ./a/...`');
  });

  it('keeps the Files list and skips entries that name files NOT touched', () => {
    const [t] = tasksOf(
      '### Task 1: A',
      '**Files:**',
      '- Modify: `a/b.go:10-20`',
      '- Move: `a/c_test.go` → `a/d_test.go`',
      '- NOT modified: `a/e.go` — unchanged',
      '',
      '**Step 1: Implement**',
      'File: `a/f.go` — add it',
    );
    expect(t!.files.map((f) => [f.action, f.path, f.lines])).toEqual([
      ['modify', 'a/b.go', { start: 10, end: 20 }],
      ['modify', 'a/c_test.go', undefined],
    ]);
  });

  it('reads a list of lines after the path as the lines from the first to the last, not as part of the path', () => {
    const [t] = tasksOf('### Task 1: A', '**Files:**', '- Modify: `start-server.sh:94,100`', '- Modify: `latency_test.go:53-65,180-193`', '- Modify: `b.go:145-123`');
    expect(t!.files.map((f) => [f.path, f.lines])).toEqual([
      ['start-server.sh', { start: 94, end: 100 }],
      ['latency_test.go', { start: 53, end: 193 }],
      ['b.go', { start: 145, end: 123 }],
    ]);
  });

  it('finds task references to contract prefixes the plan defines (FIX-1)', () => {
    const plan = parsePlan(
      md('# X Implementation Plan', '', '## Behavioral Contracts', '', 'FIX-1: Guard', '- GIVEN a', '- WHEN b', '- THEN c', '', '## Tasks', '', '### Task 1: A', '', '**Contracts Implemented:** FIX-1'),
    );
    expect(plan.tasks[0]!.contracts.map((c) => c.id)).toEqual(['FIX-1']);
  });

  it('uses the last commit step that carries a message', () => {
    const [t] = tasksOf(
      '### Task 1: A',
      '**Step 1: Verify and commit**',
      'Run: `go test ./...`',
      'Expected: PASS',
      '**Step 2: Commit**',
      '```bash',
      'git commit -m "feat(a): b (BC-1)"',
      '```',
    );
    expect(t!.commit?.subject.text).toBe('feat(a): b (BC-1)');
  });
});

describe('parseTasks file actions', () => {
  it('reads the action from the note when the entry has none ("File: `a.go` — create …")', () => {
    const [t] = tasksOf('### Task 1: A', '**Test:**', 'File: `a/b_test.go` — add to existing tests:', '**Impl:**', 'File: `a/b.go` — create with full implementation.');
    expect(t!.files.map((f) => [f.action, f.path])).toEqual([['modify', 'a/b_test.go'], ['create', 'a/b.go']]);
  });
});

describe('parseTasks compact commands', () => {
  it('takes a compact **Verify:** command from the shell block under it', () => {
    const [t] = tasksOf('### Task 1: A (BC-1)', '**Test:**', '```go', 'x', '```', '**Verify:**', '```bash', '# count rows', 'grep -c x a.md', '```', '**Commit:** `docs: a (BC-1)`');
    expect(t!.compact?.verify?.text).toBe('grep -c x a.md');
  });
});

describe('commitMessageIn', () => {
  it('reads a heredoc given through command substitution, as agents write multi-line messages', () => {
    const shell = ['git add sim/a.go', 'git commit -m "$(cat <<\'EOF\'', 'feat(sim): add the deadline (BC-1)', '', '- Body line', 'EOF', ')"'].join('\n');
    expect(commitMessageIn(shell)?.text).toBe('feat(sim): add the deadline (BC-1)\n\n- Body line');
  });

  it('still reads a plain quoted message', () => {
    expect(commitMessageIn('git commit -m "fix(x): y (BC-2)"')?.text).toBe('fix(x): y (BC-2)');
  });
});

describe('a task\'s Interfaces block (superpowers plans)', () => {
  it('reads Consumes / Produces entries with their nested items and code spans, and stops at the steps', () => {
    const [t] = tasksOf(
      '### Task 2: Inject-vs-hold decision',
      '',
      '**Interfaces:**',
      '- Consumes: `InjectionTarget` (Task 1).',
      '- Produces:',
      '  - `enum InjectionDecision { InjectNow, HoldPending }`',
      '  - `static class PendingPasteDecider`',
      '- Does not change the paste path.',
      '',
      '- [ ] **Step 1: Write the failing test**',
    );
    const entries = t!.interfaces!.entries;
    expect(entries.map((e) => e.kind)).toEqual(['consumes', 'produces', 'other']);
    expect(entries[0]!.names.map((n) => n.text)).toEqual(['InjectionTarget']);
    expect(entries[0]!.names[0]!.span.start).toEqual({ line: 8, column: 14 });
    expect(entries[1]!.names.map((n) => n.text)).toEqual(['enum InjectionDecision { InjectNow, HoldPending }', 'static class PendingPasteDecider']);
    expect(t!.interfaces!.span.end.line).toBe(12);
  });

  it('leaves a task without the label with no Interfaces', () => {
    const [t] = tasksOf('### Task 1: Script', '', '- [ ] **Step 1: Write the failing test**');
    expect(t!.interfaces).toBeUndefined();
  });
});
