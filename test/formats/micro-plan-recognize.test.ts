import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse.js';

const corpus = (name: string): string => readFileSync(`../shared/corpus/plans/${name}`, 'utf8');
const hasCorpus = (() => {
  try {
    readFileSync('../shared/corpus/plans/fix-193-horizon-warning-plan.md');
    return true;
  } catch {
    return false;
  }
})();

describe('classify', () => {
  it('calls the shipped full example a full plan and the compact one compact', () => {
    expect(parsePlan(readFileSync('examples/lint-stats-plan.md', 'utf8')).format).toBe('full');
    expect(parsePlan(readFileSync('examples/readme-exit-codes-plan.md', 'utf8')).format).toBe('compact');
  });

  it('decides from the whole structure: a macro plan lettered A)…K) its own way is not a micro-plan', () => {
    const macro = ['# Cluster Simulation Macro Plan', '', '**Goal:** Simulate clusters.', '']
      .concat(['A) Executive Summary', 'B) Repository Recon Summary', 'C) High-Level Objectives', 'D) Modeling Decisions', 'E) Determinism Guarantees', 'I) PR Plan', 'J) Dependency DAG', 'K) Validation Strategy'].flatMap((h) => [`## ${h}`, '', 'Text.', '']))
      .concat(['### Task 1: Foundation', '', 'Build it.', '']);
    expect(parsePlan(macro.join('\n')).format).toBe('none');
  });

  it('calls the full skeleton a full plan even where contracts are Gherkin scenarios and tasks are per-file changes', () => {
    const early = ['# PR 1: Partitioned RNG', '']
      .concat(['A) Executive Summary', 'C) Expanded Contracts', 'D) Detailed Implementation Plan', 'F) Test Matrix', 'G) Risk Analysis', 'H) Sanity Checklist'].flatMap((h) => [`## ${h}`, '', 'Text.', '']));
    expect(parsePlan(early.join('\n')).format).toBe('full');
  });

  it('calls compact sections under Part headings compact: Parts alone are not the full format', () => {
    const hybrid = ['# PD Overhead Implementation Plan', '', '**Goal:** x.', '**Source:** #846', '', '## Behavioral Contracts', '', 'BC-1: X', '- GIVEN a', '- WHEN b', '- THEN c', '', '## Part 2: TDD Tasks', '', '### Task 1: X (BC-1)', '', 'Do it.', '', '## Part 3: Sanity Checklist', '', '- [ ] Done', ''];
    expect(parsePlan(hybrid.join('\n')).format).toBe('compact');
  });

  it('calls a document with no contracts and no tasks "not a plan", with a reason', () => {
    const p = parsePlan('# Weighted scoring design\n\n## Context\n\nWe want better scores.\n');
    expect(p.format).toBe('none');
    expect(p.formatReason).toMatch(/no behavioral contracts/);
  });

  it('leaves a superpowers plan (Tech Stack, checkbox steps, no contracts) to the superpowers format', () => {
    const p = parsePlan('# X Implementation Plan\n\n**Goal:** Do x.\n\n**Architecture:** A.\n\n**Tech Stack:** Go\n\n### Task 1: Do it\n\n- [ ] **Step 1: Write failing test**\n');
    expect(p.format).toBe('superpowers');
    expect(p.formatReason).toMatch(/Tech Stack line, checkbox steps/);
  });

  it('calls a task plan in another template, with none of the superpowers signals, "not a plan"', () => {
    const p = parsePlan('# X Implementation Plan\n\n**Goal:** Do x.\n\n**Architecture:** A.\n\n### Task 1: Do it\n\n**Step 1: Write failing test**\n');
    expect(p.format).toBe('none');
    expect(p.formatReason).toMatch(/another template/);
  });

  it('keeps a micro-plan that lacks its contracts a (broken) plan', () => {
    const p = parsePlan('# X Implementation Plan\n\n**Goal:** Do x.\n**Source:** #1\n**Closes:** Fixes #1\n\n## Tasks\n\n### Task 1: Do it\n\n**Files:** modify `a.go`\n');
    expect(p.format).toBe('compact');
  });

  it.skipIf(!hasCorpus)('classifies real corpus documents: plans, a macro plan and a design doc', () => {
    expect(parsePlan(corpus('fix-193-horizon-warning-plan.md')).format).toBe('full');
    expect(parsePlan(corpus('fix-observe-readall-error-plan.md')).format).toBe('compact');
    expect(parsePlan(corpus('2026-02-11-macro-implementation-plan.md')).format).toBe('none');
    expect(parsePlan(corpus('2026-02-19-weighted-scoring-evolution-design.md')).format).toBe('none');
  });
});
