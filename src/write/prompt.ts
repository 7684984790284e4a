/**
 * The instructions an agent or model gets to write one plan: the format, every rule of the
 * catalog (rendered from the registry, so what the agent is told is what the linter checks),
 * the project's own commands, checklist and invariants, then the source of work and the
 * Phase 0 facts. Written in microplan's own words; nothing language-specific that the
 * project's config does not say.
 */
import type { Config } from '../config/types.js';
import { RULES } from '../rules/index.js';
import type { Rule, RuleFamily } from '../rules/types.js';
import type { PlanFormat } from '../plan/types.js';
import { effectiveSeverity } from '../engine/lint.js';
import { languageNamed } from '../languages/index.js';

export interface PromptSource {
  /** Where the work comes from, e.g. "GitHub issues #183, #189" or "docs/plans/macro.md — Phase 2, PR 4". */
  origin: string;
  text: string;
}

export interface PromptInput {
  config: Config;
  source?: PromptSource | undefined;
  /** Phase 0 facts (Markdown) from `microplan context`, when available. */
  facts?: string | undefined;
  /** Where the plan is to be written, so the agent can lint it. */
  planPath?: string | undefined;
}

const FAMILY_TITLES: Record<RuleFamily, string> = {
  header: 'Header',
  structure: 'Structure and length',
  contracts: 'Behavioral contracts',
  tasks: 'Tasks',
  'test-code': 'Test code inside the plan',
  traceability: 'Traceability',
  deviations: 'Deviation log',
  risks: 'Risks',
  checklist: 'Sanity checklist',
  compact: 'Compact format',
  grounding: 'Grounding in the repository',
  superpowers: 'Superpowers plans',
};

export function ruleInstruction(rule: Rule, config: Config): string {
  return typeof rule.instruction === 'function' ? rule.instruction(config) : rule.instruction;
}

/**
 * The catalog as a checklist, grouped by family, in catalog order; rules turned off, and rules of
 * other formats, are left out.
 */
export function renderRuleList(config: Config, shapes: readonly PlanFormat[] = ['full', 'compact']): string {
  const out: string[] = [];
  let family: RuleFamily | undefined;
  for (const rule of RULES) {
    const severity = effectiveSeverity(rule, config);
    if (severity === 'off' || !rule.formats.some((f) => shapes.includes(f))) continue;
    if (rule.family !== family) {
      family = rule.family;
      out.push('', `### ${FAMILY_TITLES[rule.family]}`, '');
    }
    const tag = severity === 'error' ? 'must' : 'aim';
    out.push(`- \`${rule.id}\` (${tag}): ${ruleInstruction(rule, config)}`);
  }
  return out.join('\n').trim();
}

function testExample(config: Config): string {
  return languageNamed(config.language)?.testExample ?? '```\n<complete test code: GIVEN / WHEN / THEN as comments, then the assertions>\n```';
}

/** The command a step runs, or, where the config names none, what the agent fills in. */
function testCommand(config: Config, narrowed: string): string {
  return config.commands.test ? `\`${config.commands.test} ${narrowed}\`` : `\`<the project's test command, ${narrowed.replace(/^<|>$/g, '')}>\``;
}

function lintCommand(config: Config): string {
  return config.commands.lint ? `\`${config.commands.lint}\`` : "`<the project's lint command>`";
}

function taskTemplate(config: Config): string {
  return [
    '#### Task N: <component or behaviour>',
    '',
    '**Contracts Implemented:** BC-X, BC-Y',
    '',
    '**Files:**',
    '- Create: `exact/path/to/new_file`',
    '- Modify: `exact/path/to/existing_file:123-145`',
    '- Test: `exact/path/to/test_file`',
    '',
    '**Step 1: Write failing test for BC-X**',
    '',
    'Context: <one or two sentences: what is tested and why>',
    '',
    testExample(config),
    '',
    '**Step 2: Run test to verify it fails**',
    '',
    `Run: ${testCommand(config, '<narrowed to this test>')}`,
    'Expected: FAIL with "<the message you expect>"',
    '',
    '**Step 3: Implement minimal code to satisfy BC-X**',
    '',
    'Context: <one or two sentences on the approach>',
    '',
    '<complete code for every file the step changes: no elisions, no "add validation here">',
    '',
    '**Step 4: Run test to verify it passes**',
    '',
    `Run: ${testCommand(config, '<narrowed to this test>')}`,
    'Expected: PASS',
    '',
    '**Step 5: Run lint check**',
    '',
    `Run: ${lintCommand(config)}`,
    'Expected: No new issues',
    '',
    '**Step 6: Commit with contract reference**',
    '',
    '```bash',
    'git add <the files of this task>',
    'git commit -m "feat(scope): <what the task delivers> (BC-X, BC-Y)"',
    '```',
  ].join('\n');
}

function checklist(config: Config): string {
  const lines = ['Plan-specific checks:', ...config.planSpecificChecks.map((c) => `- [ ] ${c.text}`)];
  if (config.antipatterns.length > 0) {
    lines.push('', 'Antipattern rules:', ...config.antipatterns.map((a) => `- [ ] ${a.id ? `${a.id}: ` : ''}${a.text}`));
  }
  return lines.join('\n');
}

/** What the agent is told about the project: its language and commands, or how to find them. */
function projectLines(config: Config): string[] {
  const { test, lint } = config.commands;
  const facts = [
    config.language ? `Project language: ${config.language}.` : undefined,
    test ? `Tests run with \`${test}\`.` : undefined,
    lint ? `Lint runs with \`${lint}\`.` : undefined,
  ].filter((x): x is string => x !== undefined);
  const missing = [test ? undefined : 'test', lint ? undefined : 'lint'].filter((x): x is string => x !== undefined);
  if (missing.length > 0) {
    facts.push(
      `This project's configuration names no ${missing.join(' or ')} command: find the one its README, Makefile, package scripts or CI workflow uses, and write it exactly (with its arguments) wherever the template below shows \`<the project's ${missing[0]} command…>\`. Never write a placeholder into the plan.`,
    );
  }
  return facts;
}

export function renderPrompt(input: PromptInput): string {
  const { config } = input;
  const b = config.budgets;
  const lintTarget = input.planPath ?? '<your plan file>';
  const parts: string[] = [
    '# Write a micro-plan',
    '',
    'You are writing the implementation plan for ONE pull request in this repository. The plan has two readers: a human reviewer who checks that the behaviour is right, and an agent who will execute it task by task without exploring the code again. So every fact in it must be checked against the code, and every step must be complete enough to run as written.',
    '',
    ...projectLines(config),
    '',
    '## How to work',
    '',
    '1. Read the source of work below. Then inspect only the parts of the repository it touches.',
    '2. Phase 0 — establish the facts: which building block changes, which blocks are adjacent, which invariants are touched, what state changes owner. For every type this PR adds fields to, list EVERY place it is constructed (file:line) — `microplan sites <Type>` lists them. Cite each confirmed fact as `path:line`. Anything in the source of work that does not match the code is a DEVIATION: flag it.',
    '3. Write the plan in the format below, to the file named at the end.',
    `4. Run \`microplan lint ${lintTarget}\` (add \`--repo .\` to check citations and files against the code) and fix every finding. Repeat until it reports no errors. Do not disable a rule to make it pass.`,
    '',
    '## The format',
    '',
    'Choose the compact format only when the change is documentation-only with no change to how a process or workflow behaves, or touches at most 3 files with purely mechanical edits (renames, formatting) and no new types, interfaces, CLI flags or behavioural logic. When in doubt, use the full format.',
    '',
    '### Full format',
    '',
    '```markdown',
    '# <PR title> Implementation Plan',
    '',
    config.agentLine,
    '',
    '**Goal:** <one sentence a newcomer understands; no type names, paths or jargon>',
    `**The problem today:** <${b.problemSentences[0]}–${b.problemSentences[1]} sentences: what is missing or broken, and why it matters>`,
    `**What this PR adds:** <numbered list of ${b.whatThisPrAddsItems[0]}–${b.whatThisPrAddsItems[1]} capabilities in plain words, each with a short example>`,
    `**Why this matters:** <${b.whyMattersSentences[0]}–${b.whyMattersSentences[1]} sentences tying the PR to the project's direction>`,
    `**Architecture:** <${b.architectureSentences[0]}–${b.architectureSentences[1]} sentences: packages, key types, integration points>`,
    '**Source:** <link or path of the source of work>',
    '**Closes:** <"Fixes #N, fixes #M" — or "N/A — source is a macro plan, no linked issues">',
    '**Behavioral Contracts:** See Part 1, Section B below',
    '',
    '---',
    '',
    `## Part 1: Design Validation   (under ${b.part1Lines} lines in all)`,
    `### A) Executive Summary   (${b.executiveSummaryLines[0]}–${b.executiveSummaryLines[1]} lines: what, where it fits, adjacent blocks, DEVIATION flags)`,
    `### B) Behavioral Contracts   (${b.contracts[0]}–${b.contracts[1]} contracts, grouped: positive, negative, error handling)`,
    `### C) Component Interaction   (under ${b.componentInteractionLines} lines: diagram, API contracts, state changes, extension friction)`,
    '### D) Deviation Log   (| Source Says | Micro Plan Does | Reason |, or "No deviations from source document.")',
    `### E) Review Guide   (${b.reviewGuideLines[0]}–${b.reviewGuideLines[1]} lines: THE TRICKY PART, WHAT TO SCRUTINIZE, WHAT'S SAFE TO SKIM, KNOWN DEBT)`,
    '## Part 2: Executable Implementation',
    '### F) Implementation Overview   (files one line each, key decisions, "no dead code" confirmation)',
    `### G) Task Breakdown   (${b.tasks[0]}–${b.tasks[1]} tasks, each in the template below)`,
    '### H) Test Strategy   (| Contract | Task | Test Type | Test Name / Description |)',
    '### I) Risk Analysis   (| Risk | Likelihood | Impact | Mitigation | Task |, likelihood and impact low/medium/high)',
    '## Part 3: Quality Assurance',
    '### J) Sanity Checklist   (every item below, as checkboxes)',
    '## Appendix: File-Level Implementation Details',
    '### K) Detailed specifications   (per file: purpose, complete code, behavioural notes with file:line citations)',
    '```',
    '',
    'A contract:',
    '',
    '```markdown',
    'BC-1: <short name>',
    '- GIVEN <precondition>',
    '- WHEN <action>',
    '- THEN <observable outcome>',
    '- MECHANISM: <optional: how it is achieved>',
    '```',
    '',
    'A THEN clause becomes the test assertion, so it describes what a user or caller can observe: no type names, no internal fields (`obj.field`), no formulas. "THEN the next decision uses cached scores" — not "THEN scoreCache has 3 entries". Write MUST / MUST NOT, never "should".',
    '',
    'A task (full format):',
    '',
    '````markdown',
    taskTemplate(config),
    '````',
    '',
    `Each task implements ${b.contractsPerTask[0]}–${b.contractsPerTask[1]} related contracts and is ordered so it builds on the ones before it. Tests assert observable behaviour only: no type assertions on concrete types, no internal fields, no re-computed formulas, no counts of internal collections. ${config.testNameExample ? `Test names follow \`${config.testNameExample}\`.` : 'Test names say the unit, the scenario and the expected behaviour, in the project\'s own naming convention.'}`,
    '',
    '### Compact format',
    '',
    '```markdown',
    '# <Title> Implementation Plan',
    '**Goal:** <one sentence>',
    '**Source:** <link>',
    '**Closes:** <issues>',
    '## Behavioral Contracts',
    '<contracts as above>',
    '## Tasks',
    '### Task N: <name> (BC-X)',
    '**Files:** modify `path`, test `path`',
    '**Test:** <complete test code>',
    '**Impl:** <complete implementation code>',
    `**Verify:** ${testCommand(config, '<narrowed>')}`,
    `**Lint:** ${lintCommand(config)}`,
    '**Commit:** `type(scope): description (BC-X)`',
    '## Sanity Checklist',
    '<the full checklist below>',
    '```',
    '',
    '## The sanity checklist',
    '',
    checklist(config),
  ];
  if (config.invariants.length > 0) {
    parts.push(
      '',
      '## Invariants of this project',
      '',
      'A golden (recorded-output) test is always paired with an invariant test that checks a law like these, derived from the specification rather than from running the code:',
      '',
      ...config.invariants.map((i) => `- ${i}`),
    );
  }
  parts.push('', '## What the checker enforces', '', 'Every item is checked by `microplan lint`; "must" items are errors, "aim" items are warnings.', '', renderRuleList(config));
  if (input.source) {
    parts.push('', '## Source of work', '', `From: ${input.source.origin}`, '', '<source>', input.source.text.trim(), '</source>');
  }
  if (input.facts && input.facts.trim() !== '') {
    parts.push('', '## Phase 0 facts found by microplan', '', 'Checked against the repository; cite them, and resolve every DEVIATION listed before planning tasks.', '', input.facts.trim());
  }
  parts.push('', '## Output', '', input.planPath ? `Write the plan to \`${input.planPath}\`.` : 'Write the plan as one Markdown document.');
  return parts.join('\n') + '\n';
}
