/**
 * Which format a document is in: micro-plans keep their shapes, a superpowers plan is recognized
 * by what micro-plans lack (Tech Stack, checkbox steps) and never by the header the two share, and
 * a config that names the format decides for every file under it.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse.js';
import { md } from '../helpers.js';

const SUPERPOWERS = md(
  '# Curl Installer Implementation Plan',
  '',
  '> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:subagent-driven-development (recommended) or superpowers:executing-plans to implement this plan task-by-task. Steps use checkbox (`- [ ]`) syntax for tracking.',
  '',
  '**Goal:** Install the tool with one curl command.',
  '',
  '**Architecture:** A POSIX shell script downloads the release and verifies its checksum.',
  '',
  '**Tech Stack:** POSIX sh, curl',
  '',
  '---',
  '',
  '### Task 1: Script skeleton',
  '',
  '**Files:**',
  '- Create: `install.sh`',
  '- Test: `tests/install.bats`',
  '',
  '- [ ] **Step 1: Write the failing test**',
);

const MICRO_HEADER_TASKS_ONLY = md(
  '# Fix horizon Implementation Plan',
  '',
  '> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task.',
  '',
  '**Goal:** Warn when the horizon is too short.',
  '',
  '### Task 1: Warn',
  '',
  '**Step 1: Write failing test**',
);

describe('format recognition', () => {
  it('reads a plan with the writing-plans header, Tech Stack and checkbox steps as superpowers', () => {
    const p = parsePlan(SUPERPOWERS, 'docs/plans/2026-01-01-curl.md');
    expect(p.format).toBe('superpowers');
    expect(p.formatReason).toContain('a Tech Stack line');
  });

  it('leaves a micro-plan with the superpowers header (agentic line, Tech Stack) a micro-plan: contracts decide', () => {
    const micro = md(
      '# Fix horizon Implementation Plan',
      '',
      '> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task.',
      '',
      '**Goal:** Warn when the horizon is too short.',
      '**Tech Stack:** Go',
      '**Source:** #193',
      '**Closes:** Fixes #193',
      '',
      '## Behavioral Contracts',
      '',
      'BC-1: Warning',
      '- GIVEN a horizon shorter than one request',
      '- WHEN the simulator starts',
      '- THEN it MUST print a warning',
      '',
      '## Tasks',
      '',
      '### Task 1: Warn (BC-1)',
      '',
      '- [ ] **Step 1: Write failing test**',
    );
    expect(parsePlan(micro, 'docs/superpowers/plans/fix.md').format).toBe('compact');
  });

  it('reads a superpowers plan as one though a Markdown example in it looks like a one-clause contract', () => {
    const example = [
      '',
      '- [ ] **Step 4: Add the example**',
      '',
      '```markdown',
      '    ## FEAT-043: JWT authentication v2',
      '    - **Status**: in_progress',
      '```',
      '',
      '- [ ] **Step 5: Add the cleanup rule**',
      '',
      '```markdown',
      'When ALL subtasks are `[x]`, remind the user to delete the branch.',
      '```',
    ];
    const p = parsePlan(`${SUPERPOWERS}${example.join('\n')}\n`, 'docs/superpowers/plans/2026-05-04-branch-wip-limit.md');
    expect(p.contracts.map((c) => c.id)).toEqual(['FEAT-043']);
    expect(p.format).toBe('superpowers');
  });

  it('reads a task plan with the agentic line and no contracts as a superpowers plan of the older skill', () => {
    const p = parsePlan(MICRO_HEADER_TASKS_ONLY, 'plan.md');
    expect(p.format).toBe('superpowers');
    expect(p.formatReason).toBe('tasks without behavioral contracts, with the superpowers agentic-workers line');
  });

  it('leaves a task plan with none of the signals "not a plan"', () => {
    expect(parsePlan(MICRO_HEADER_TASKS_ONLY.replace(/^> .*\n\n/m, ''), 'docs/plans/fix.md').format).toBe('none');
  });

  it('recognizes a plan saved where superpowers saves plans, even without its header', () => {
    const p = parsePlan(MICRO_HEADER_TASKS_ONLY.replace(/^> .*\n\n/m, ''), 'docs/superpowers/plans/2026-05-21-fix.md');
    expect(p.format).toBe('superpowers');
    expect(p.formatReason).toContain('superpowers plans folder');
  });

  it('reads every plan under a config that says format: superpowers as one', () => {
    expect(parsePlan(MICRO_HEADER_TASKS_ONLY, 'plan.md', { format: 'superpowers' }).format).toBe('superpowers');
  });

  it('never reads a plan as superpowers under a config that says format: micro-plan', () => {
    expect(parsePlan(SUPERPOWERS, 'plan.md', { format: 'micro-plan' }).format).toBe('none');
  });

  it('reads a header under YAML front matter (status: done over ---) as the header, not a heading', () => {
    const p = parsePlan(`---\nstatus: Complete (2026-03-02)\n---\n\n${SUPERPOWERS}`, 'plan.md');
    expect(p.title?.text).toBe('Curl Installer Implementation Plan');
    expect(p.title?.span.start.line).toBe(5);
    expect(p.format).toBe('superpowers');
    expect(p.lines[1]).toBe('status: Complete (2026-03-02)');
  });

  it('names a superpowers plan whose tasks are not headed "Task N:" as one, with the heading to use, and lints none of it', () => {
    const plan = (heading: string): string =>
      md(
        '# Kürzeste Route — Bauplan',
        '',
        '> **Für agentische Arbeiter:** ERFORDERLICHE UNTER-SKILL: `superpowers:executing-plans`, Aufgabe für Aufgabe.',
        '',
        '**Ziel:** Eine Gerade, die nur um Wasser herumgeht.',
        '',
        `## ${heading}`,
        '',
        '- [ ] **Schritt 1: Den roten Test schreiben**',
      );
    // ("Task C1: …", tasks numbered within lettered parts, are read as tasks.)
    for (const heading of ['Aufgabe 1: Der Suchkern kennt das Gewicht', 'Task 2b-1: Generator registry']) {
      const p = parsePlan(plan(heading), 'plan.md');
      expect(p.format, heading).toBe('none');
      expect(p.formatReason).toContain(`a superpowers plan by the superpowers agentic-workers line, but its units of work are headed "${heading}"`);
      expect(p.formatReason).toContain('head them "### Task N: <Component Name>"');
    }
    // Without a mark of the format, numbered headings say nothing of it: a design doc stays one.
    const doc = parsePlan(md('# Routing design', '', '## Abschnitt 1: Ziele', '', 'Text.'), 'design.md');
    expect(doc.formatReason).toMatch(/design doc/);
  });
});
