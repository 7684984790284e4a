/**
 * The superpowers format's prompt: the writing-plans template (obra/superpowers,
 * skills/writing-plans/SKILL.md, MIT) told in microplan's words — the header with Goal,
 * Architecture and Tech Stack under the agentic-workers line, a File Structure map, `### Task N:`
 * sections with Files, Interfaces and checkbox steps (failing test, Run/Expected, minimal code,
 * commit) — in the project's language and commands, then the rules that hold superpowers plans.
 * Nothing of micro-plans: no contracts, no lettered sections, no sanity checklist.
 */
import type { Config } from '../../config/types.js';
import type { PlanFormat } from '../../plan/types.js';
import { closingParts, codeFence, lintCommand, projectLines, testCommand, testExample, type PromptInput } from '../../write/prompt-parts.js';

const SUPERPOWERS_SHAPES: readonly PlanFormat[] = ['superpowers'];

/** The header line the writing-plans skill puts under every plan's title. */
export const SUPERPOWERS_AGENT_LINE =
  '> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:subagent-driven-development (recommended) or superpowers:executing-plans to implement this plan task-by-task. Steps use checkbox (`- [ ]`) syntax for tracking.';

function techStack(config: Config): string {
  return config.language ? `<${config.language}, and the key libraries and tools this change uses>` : '<key technologies and libraries>';
}

function taskTemplate(config: Config): string {
  const fence = codeFence(config);
  return [
    '### Task N: <Component Name>',
    '',
    '**Files:**',
    '- Create: `exact/path/to/new_file`',
    '- Modify: `exact/path/to/existing_file:123-145`',
    '- Test: `exact/path/to/test_file`',
    '',
    '**Interfaces:**',
    '- Consumes: `<exact signature this task uses, from an earlier task or the repository>`',
    '- Produces: `<exact signature later tasks use>`',
    '',
    '- [ ] **Step 1: Write the failing test**',
    '',
    testExample(
      config,
      ['<arrange: the inputs of the behaviour>', '<act: call the code this task adds>', '<assert: the exact expected result>'],
      '<complete test code: the call and its exact expected result>',
    ),
    '',
    '- [ ] **Step 2: Run test to verify it fails**',
    '',
    `Run: ${testCommand(config, '<narrowed to this test>')}`,
    'Expected: FAIL with "<the message you expect>"',
    '',
    '- [ ] **Step 3: Write minimal implementation**',
    '',
    '```' + fence,
    '<the complete code that makes the test pass: no elisions, no "add validation here">',
    '```',
    '',
    '- [ ] **Step 4: Run test to verify it passes**',
    '',
    `Run: ${testCommand(config, '<narrowed to this test>')}`,
    'Expected: PASS',
    '',
    '- [ ] **Step 5: Commit**',
    '',
    '```bash',
    'git add <the files of this task>',
    'git commit -m "feat(scope): <what the task delivers>"',
    '```',
  ].join('\n');
}

/** The project's own rules, as a superpowers plan obeys them: its Global Constraints. */
function projectRules(config: Config): string[] {
  if (config.antipatterns.length === 0 && config.invariants.length === 0) return [];
  return [
    '',
    '## Rules of this project',
    '',
    'State the ones this change touches under Global Constraints, and keep every task to them:',
    '',
    ...config.antipatterns.map((a) => `- ${a.id ? `${a.id}: ` : ''}${a.text}`),
    ...config.invariants.map((i) => `- Invariant: ${i}`),
  ];
}

export function renderSuperpowersPrompt(input: PromptInput): string {
  const { config } = input;
  const lintTarget = input.planPath ?? '<your plan file>';
  const parts: string[] = [
    '# Write a superpowers implementation plan',
    '',
    'You are writing an implementation plan in the superpowers writing-plans format. Its reader is an engineer, or an agent running superpowers:executing-plans, who knows nothing of this codebase and executes the plan task by task without exploring the code again. So every path, name and command in it must be checked against the repository, and every step must be complete enough to run as written: exact file paths, complete code, exact commands with their expected output. DRY, YAGNI, TDD, a commit per task.',
    '',
    ...projectLines(config),
    '',
    '## How to work',
    '',
    '1. Read the source of work below. Then inspect only the parts of the repository it touches. If it covers several independent subsystems, plan one of them and say which.',
    '2. Establish the facts: the files that change and what each is responsible for, the types and functions the tasks use (cite each as `path:line`), and for every type this change adds fields to, EVERY place it is constructed (`microplan sites <Type>` lists them). Anything in the source of work that does not match the code: say so in the plan.',
    '3. Map the files (File Structure), then write the tasks in the format below, to the file named at the end. Each task is bite-sized: each step is one action of a few minutes.',
    '4. Review the plan yourself: every requirement of the source has a task; nothing is left as TBD, TODO, "implement later", "add appropriate error handling", "write tests for the above" or "similar to Task N"; every name a later task uses is the one an earlier task or the repository defines.',
    `5. Run \`microplan lint ${lintTarget}\` (add \`--repo .\` to check it against the code) and fix every finding. Repeat until it reports no errors. Do not disable a rule to make it pass.`,
    '',
    '## The format',
    '',
    '```markdown',
    '# <Feature Name> Implementation Plan',
    '',
    SUPERPOWERS_AGENT_LINE,
    '',
    '**Goal:** <one sentence: what this builds>',
    '',
    '**Architecture:** <2–3 sentences: the approach>',
    '',
    `**Tech Stack:** ${techStack(config)}`,
    '',
    '---',
    '',
    '## Global Constraints',
    '',
    '<the rules every task keeps: compatibility, conventions, what must not change>',
    '',
    '## File Structure',
    '',
    '<each file created or modified, one line each: its path and what it is responsible for>',
    '',
    '<the tasks, in order, each in the template below>',
    '```',
    '',
    'A task:',
    '',
    '````markdown',
    taskTemplate(config),
    '````',
    '',
    `A task builds on the ones before it and leaves the code working and tested. A step that changes code shows the code, whole; a step that runs a command gives \`Run:\` and \`Expected:\`. Tests check behaviour a caller can observe. ${config.testNameExample ? `Test names follow \`${config.testNameExample}\`.` : "Test names follow the project's own naming convention."} Lint runs with ${lintCommand(config)} before each commit. Interfaces name, with exact signatures, what the task takes from earlier tasks or the repository (Consumes) and what it gives later tasks (Produces): a name used in Task 7 is spelled as Task 3 defined it.`,
    ...projectRules(config),
    ...closingParts(
      input,
      SUPERPOWERS_SHAPES,
      'Facts found by microplan',
      'Checked against the repository; cite them, and say in the plan where the source of work disagrees with them.',
    ),
  ];
  return parts.join('\n') + '\n';
}
