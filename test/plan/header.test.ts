import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse.js';
import { md } from '../helpers.js';

describe('parseHeader', () => {
  it('reads header fields written as bullets ("- **Goal:** …") with their nested numbered items', () => {
    const plan = parsePlan(
      md(
        '# X Implementation Plan',
        '',
        '- **Goal:** Stop a crash.',
        '- **What this PR adds:**',
        '  1. A guard.',
        '  2. A test.',
        '- **Source:** GitHub issue #501.',
      ),
    );
    expect(plan.header.map((f) => f.name)).toEqual(['Goal', 'What this PR adds', 'Source']);
    expect(plan.header[1]!.items.map((i) => i.text)).toEqual(['A guard.', 'A test.']);
    expect(plan.header[1]!.ordered).toBe(true);
  });

  it('keeps bold-labelled bullets that are not spec fields as items of the field above', () => {
    const plan = parsePlan(md('# X Implementation Plan', '', '**What this PR adds:**', '- **Traces:** a log of decisions', '- **Flags:** a new flag'));
    expect(plan.header.map((f) => f.label)).toEqual(['What this PR adds']);
    expect(plan.header[0]!.items).toHaveLength(2);
  });
});

describe('parseHeader field values', () => {
  it('ends a field at a blockquote aside, so "> **Note:** …" is not part of the Closes value', () => {
    const plan = parsePlan(md('# X Implementation Plan', '', '**Closes:** Fixes #883', '', '> **Implementation note:** the factory changed.', '> More.'));
    expect(plan.header.find((f) => f.name === 'Closes')!.value.text).toBe('Fixes #883');
  });
});

describe('parseHeader with an aside above it', () => {
  it('reads the header under an "> ## Addendum" blockquote: a heading inside a blockquote does not end the header', () => {
    const plan = parsePlan(
      md(
        '# Pending Paste Implementation Plan',
        '',
        '> ## Addendum — 2026-07-22: Owner decision',
        '>',
        '> **Supersedes:** the archiving step.',
        '',
        '> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task.',
        '',
        '**Goal:** Never inject dictated text into the wrong field.',
        '',
        '**Tech Stack:** C# / .NET 9',
        '',
        '## Global Constraints',
      ),
    );
    expect(plan.header.map((f) => f.label)).toEqual(['Goal', 'Tech Stack']);
    expect(plan.agentLine?.span.start.line).toBe(7);
  });
});
