/**
 * What superpowers plans write that micro-plans do not: tasks numbered within a chunk ("Task 1.2"),
 * Files entries that name no path, and steps written as a checklist or a numbered list.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse.js';
import { md } from '../helpers.js';

const HEADER = ['# Evidence Implementation Plan', '', '**Goal:** Keep evidence per phase.', '', '**Tech Stack:** Python 3.11, pytest', ''];

describe('superpowers tasks', () => {
  it('reads "### Task 1.2: Title" as Task 1, subnumber 2, with the title after the colon', () => {
    const plan = parsePlan(md(...HEADER, '## Chunk 1: Core', '', '### Task 1.2: Create Learning State Manager', '', '- [ ] **Step 1: Write the failing test**'));
    const task = plan.tasks[0]!;
    expect([task.number, task.subnumber, task.title.text]).toEqual([1, 2, 'Create Learning State Manager']);
  });

  it('keeps every Files entry as written, those without a path too', () => {
    const plan = parsePlan(
      md(...HEADER, '### Task 1: Models', '', '**Files:** `src/Models/Downloader.cs`, related new test files as needed.', '', '- [ ] **Step 1: Write the failing test**'),
    );
    const task = plan.tasks[0]!;
    expect(task.files.map((f) => f.path)).toEqual(['src/Models/Downloader.cs']);
    expect(task.filesBlock?.items.map((i) => i.text)).toEqual(['`src/Models/Downloader.cs`', 'related new test files as needed.']);
    expect(task.filesBlock?.items[1]?.span.start).toEqual({ line: 9, column: 40 });
  });

  it('ends the Files entries at the first step, which Markdown reads as the same list', () => {
    const plan = parsePlan(md(...HEADER, '### Task 1: Models', '', '**Files:**', '- Create: `src/models.py`', '', '- [ ] **Step 1: Write the failing test**'));
    expect(plan.tasks[0]!.filesBlock?.items.map((i) => i.text)).toEqual(['Create: `src/models.py`']);
  });

  it('reads checkbox items as the steps of a task without "Step N" heads, with their inline commands', () => {
    const plan = parsePlan(
      md(
        ...HEADER,
        '## Task 1: Filename API',
        '',
        '**Files:** `src/harness/cli.py`, `tests/test_evidence.py`',
        '',
        '- [ ] Write RED tests for `evidence_filename("unit_test")`.',
        '- [ ] Run `python -m pytest tests/test_evidence.py -q`; verify RED.',
        '- [ ] Commit `feat: preserve finding evidence by phase`.',
      ),
      'docs/superpowers/plans/2026-08-26-evidence.md',
    );
    expect(plan.format).toBe('superpowers');
    const steps = plan.tasks[0]!.steps;
    expect(steps.map((s) => [s.number, s.kind])).toEqual([
      [1, 'test'],
      [2, 'other'],
      [3, 'commit'],
    ]);
    expect(steps[1]!.commands[0]?.run.text).toBe('python -m pytest tests/test_evidence.py -q');
    expect(plan.tasks[0]!.commit?.subject.text).toBe('feat: preserve finding evidence by phase');
  });

  it('reads a numbered list as steps, but not the list under an empty label', () => {
    const plan = parsePlan(
      md(
        ...HEADER,
        '### Task 1: Hotkeys',
        '',
        '**Files:** `src/Hotkeys/HotkeyChord.cs`',
        '',
        '1. Add failing parser tests for F13-F24.',
        '2. Run affected tests and commit the vocabulary slice.',
        '',
        '### Task 2: Release',
        '',
        '**Interfaces:**',
        '1. Consumes: `HotkeyChord.Parse`',
        '',
        '- [ ] **Step 1: Write the failing test**',
      ),
      'docs/superpowers/plans/2026-07-21-hotkeys.md',
    );
    expect(plan.tasks[0]!.steps.map((s) => s.title.text)).toEqual(['Add failing parser tests for F13-F24.', 'Run affected tests and commit the vocabulary slice.']);
    expect(plan.tasks[1]!.steps.map((s) => s.title.text)).toEqual(['Write the failing test']);
  });

  it('keeps a label\'s numbered list together across code blocks, and a list after a bulleted label list apart from the label', () => {
    const plan = parsePlan(
      md(
        ...HEADER,
        '## Task 4: Update the changelog',
        '',
        '**Files:**',
        '- Modify: `CHANGELOG.md`',
        '',
        '**Changes:**',
        '',
        '1. In Hardening Pass 2, replace:',
        '',
        '```markdown',
        'Default stays placeholder.',
        '```',
        '',
        'with:',
        '',
        '```markdown',
        'Default stays placeholder; real mode remains opt-in.',
        '```',
        '',
        '2. Add a new changelog section after Hardening Pass 3:',
        '',
        '```markdown',
        '## Public live-validation follow-up',
        '```',
        '',
        '### Task 5: Profile',
        '',
        '**Interfaces:**',
        '',
        '- Produces:',
        '  - `static String clientIdForManufacturer(String manufacturer)`',
        '',
        '1. Implement `BlinkOAuthProfile` as a final utility class.',
        '2. Run `./gradlew :app:testDebugUnitTest`. Expected: PASS.',
      ),
      'docs/superpowers/plans/2026-07-17-appauth-proof.md',
    );
    expect(plan.tasks[0]!.steps).toEqual([]);
    expect(plan.tasks[1]!.steps.map((s) => s.title.text)).toEqual(['Implement `BlinkOAuthProfile` as a final utility class.', 'Run `./gradlew :app:testDebugUnitTest`. Expected: PASS.']);
  });

  it('does not read a numbered list quoted in a block quote as steps (it used to stop the parser)', () => {
    const plan = parsePlan(
      md(
        ...HEADER,
        '## Task 3: Update `CONTRIBUTING.md`',
        '',
        '**Files:**',
        '- Modify: `CONTRIBUTING.md`',
        '',
        '**Change:** Add a section "Plan-then-PR workflow":',
        '',
        '> For any change beyond a one-line fix:',
        '> 1. Open a branch.',
        '> 2. Write a plan doc.',
        '',
        '1. Run `grep -n "Plan-then-PR" CONTRIBUTING.md`.',
      ),
      'docs/plans/2026-05-26-post-pr-7-improvements.md',
    );
    expect(plan.format).toBe('superpowers');
    expect(plan.tasks[0]!.steps.map((s) => s.title.text)).toEqual(['Run `grep -n "Plan-then-PR" CONTRIBUTING.md`.']);
  });

  it('leaves the steps of a micro-plan as they were: list items are not steps there', () => {
    const plan = parsePlan(
      md('# X Implementation Plan', '', '**Goal:** x.', '**Source:** #1', '', '## Behavioral Contracts', '', 'BC-1: x', '- GIVEN a', '- WHEN b', '- THEN c', '', '## Tasks', '', '### Task 1: x (BC-1)', '', '1. Add a test.', '2. Run it.'),
    );
    expect(plan.format).toBe('compact');
    expect(plan.tasks[0]!.steps).toEqual([]);
  });
});
