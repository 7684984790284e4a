/** Shared plan fragments for the header and structure rule tests. */
import { md } from '../helpers.js';

export const AGENT = '> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task.';

/** A full-format header field by field; tests replace one entry to violate one rule. */
export function fullHeader(over: Partial<Record<string, string[]>> = {}): string[] {
  const fields: Record<string, string[]> = {
    title: ['# Horizon Warning Implementation Plan', ''],
    agent: [AGENT, ''],
    goal: ['**Goal:** Warn users when the simulation horizon is too short for any request to finish.', ''],
    problem: ['**The problem today:** Requests are dropped silently. Users see empty output with no reason.', ''],
    adds: ['**What this PR adds:**', '1. A startup warning — "horizon 100 < pipeline latency 500"', '2. A post-run warning when nothing completed', ''],
    why: ['**Why this matters:** Capacity planning needs clear feedback on misconfiguration.', ''],
    architecture: ['**Architecture:** The checks live in the cluster constructor and at the end of the run loop. No new types or flags.', ''],
    source: ['**Source:** GitHub issue #193', ''],
    closes: ['**Closes:** Fixes #193', ''],
    contracts: ['**Behavioral Contracts:** See Part 1, Section B below', ''],
    ...over,
  };
  return Object.values(fields).flat();
}

/** A full-format body with Parts and sections A–K, one contract and one task. */
export function fullBody(over: Partial<Record<string, string[]>> = {}): string[] {
  const parts: Record<string, string[]> = {
    rule: ['---', ''],
    p1: ['## Part 1: Design Validation', ''],
    a: ['### A) Executive Summary', '', 'This PR adds warnings. They are pure logging. They sit in the cluster. Nothing else changes. No deviations.', ''],
    b: ['### B) Behavioral Contracts', '', 'BC-1: Warn', '- GIVEN a short horizon', '- WHEN the run starts', '- THEN a warning MUST be logged', ''],
    c: ['### C) Component Interaction', '', 'cluster → logger', ''],
    d: ['### D) Deviation Log', '', 'No deviations from source document.', ''],
    e: [
      '### E) Review Guide',
      '',
      '1. **THE TRICKY PART:** The comparison must be strict. Equal values still complete.',
      '2. **WHAT TO SCRUTINIZE:** BC-1 and its boundary.',
      "3. **WHAT'S SAFE TO SKIM:** The log capture helper.",
      '4. **KNOWN DEBT:** None.',
      '',
    ],
    p2: ['## Part 2: Executable Implementation', ''],
    f: ['### F) Implementation Overview', '', '- Modify: `sim/cluster/cluster.go`', ''],
    g: ['### G) Task Breakdown', '', '### Task 1: Startup warning (BC-1)', '', '**Contracts Implemented:** BC-1', ''],
    h: ['### H) Test Strategy', '', '| Contract | Task | Test Type | Test Name |', '|---|---|---|---|', '| BC-1 | Task 1 | Unit | TestA_B_C |', ''],
    i: ['### I) Risk Analysis', '', '- Risk: none significant.', ''],
    p3: ['## Part 3: Quality Assurance', ''],
    j: ['### J) Sanity Checklist', '', '- [x] No unnecessary abstractions.', ''],
    k: ['## Appendix: File-Level Implementation Details', '', '### File: `sim/cluster/cluster.go`', '', 'Purpose: warnings.', ''],
    ...over,
  };
  return Object.values(parts).flat();
}

export function fullPlan(header: Partial<Record<string, string[]>> = {}, body: Partial<Record<string, string[]>> = {}): string {
  return md(...fullHeader(header), ...fullBody(body));
}

/** A compact plan; entries can be replaced like the full one. */
export function compactPlan(over: Partial<Record<string, string[]>> = {}): string {
  const parts: Record<string, string[]> = {
    title: ['# Fix ReadAll Error Implementation Plan', ''],
    goal: ['**Goal:** Warn operators when an error response cannot be read in full.'],
    source: ['**Source:** GitHub issue #1120'],
    closes: ['**Closes:** Fixes #1120', ''],
    contracts: ['## Behavioral Contracts', '', 'BC-1: Warn on failed read', '- GIVEN a failing body', '- WHEN the client reads it', '- THEN a warning is logged', ''],
    tasks: ['## Tasks', '', '### Task 1: Warn (BC-1)', '', '**Files:** modify `cmd/observe.go`', ''],
    checklist: ['## Sanity Checklist', '', '- [x] No unnecessary abstractions.', ''],
    ...over,
  };
  return md(...Object.values(parts).flat());
}
