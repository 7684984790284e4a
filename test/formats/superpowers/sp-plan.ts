/** A superpowers plan for the rule tests: the skill's header and one task, any part replaceable. */
export const AGENTIC =
  '> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:subagent-driven-development (recommended) or superpowers:executing-plans to implement this plan task-by-task. Steps use checkbox (`- [ ]`) syntax for tracking.';

export const TASK = [
  '### Task 1: Script skeleton',
  '',
  '**Files:**',
  '- Create: `install.sh`',
  '- Test: `tests/install.bats`',
  '',
  '- [ ] **Step 1: Write the failing test**',
  '',
  '```bash',
  '@test "prints usage" { run ./install.sh --help; [ "$status" -eq 0 ]; }',
  '```',
  '',
  '- [ ] **Step 2: Run test to verify it fails**',
  '',
  'Run: `bats tests/install.bats`',
  'Expected: FAIL with "install.sh: No such file or directory"',
  '',
  '- [ ] **Step 3: Write minimal implementation**',
  '',
  '```bash',
  '#!/bin/sh',
  'echo "usage: install.sh [--yes]"',
  '```',
  '',
  '- [ ] **Step 4: Run test to verify it passes**',
  '',
  'Run: `bats tests/install.bats`',
  'Expected: PASS',
  '',
  '- [ ] **Step 5: Commit**',
  '',
  '```bash',
  'git add install.sh tests/install.bats',
  'git commit -m "feat: add installer skeleton"',
  '```',
];

export interface PlanParts {
  title?: string | undefined;
  agentic?: string | undefined;
  goal?: string | undefined;
  architecture?: string | undefined;
  techStack?: string | undefined;
  /** Sections between the header and the tasks (a File Structure, Global Constraints). */
  before?: string[];
  tasks?: string[];
}

/** The plan's Markdown; `undefined` for a part leaves it out. */
export function spPlan(parts: PlanParts = {}): string {
  const has = (k: keyof PlanParts): boolean => !(k in parts) || parts[k] !== undefined;
  const lines: string[] = [];
  if (has('title')) lines.push(parts.title ?? '# Curl Installer Implementation Plan', '');
  if (has('agentic')) lines.push(parts.agentic ?? AGENTIC, '');
  if (has('goal')) lines.push(`**Goal:** ${parts.goal ?? 'Install the tool with one curl command.'}`, '');
  if (has('architecture')) lines.push(`**Architecture:** ${parts.architecture ?? 'A POSIX shell script downloads the release tarball and verifies its checksum.'}`, '');
  if (has('techStack')) lines.push(`**Tech Stack:** ${parts.techStack ?? 'POSIX sh, curl, bats'}`, '');
  lines.push('---', '', ...(parts.before ?? []), ...(parts.before?.length ? [''] : []), ...(parts.tasks ?? TASK));
  return lines.join('\n') + '\n';
}
