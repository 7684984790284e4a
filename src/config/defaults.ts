/**
 * Built-in defaults: what fits any project. The micro-plan format and its size budgets are the
 * spec's; nothing names a language, a tool or a project's own rules. Those come from the
 * project's config (written by `microplan init`) or a preset it extends (presets.ts).
 */
import type { ChecklistEntry, Config } from './types.js';

/** The plan-specific checks that hold in any project (the spec's list without its project's own items). */
export const GENERIC_PLAN_SPECIFIC_CHECKS: readonly string[] = [
  'No unnecessary abstractions.',
  'No feature creep beyond PR scope.',
  'No unexercised flags or interfaces.',
  'No partial implementations.',
  'No breaking changes without explicit contract updates.',
  'No hidden global state impact.',
  "All new code will pass the project's linter.",
  'Shared test helpers used from the existing shared test code (not duplicated locally).',
  'Deviation log reviewed — no unresolved deviations.',
  'Each task produces working, testable code (no scaffolding).',
  'Task dependencies are correctly ordered.',
  'All contracts are mapped to specific tasks.',
  'Construction site audit completed — all construction sites listed and covered by tasks.',
];

/** The line under a plan's title for whichever agent executes it: no agent's own plugin or skill. */
export const GENERIC_AGENT_LINE =
  '> **For the implementing agent:** Execute this plan task by task, in order; run each command and check its Expected before going on.';

export const SPEC_BUDGETS: Config['budgets'] = {
  contracts: [3, 15],
  tasks: [6, 12],
  contractsPerTask: [1, 3],
  part1Lines: 120,
  componentInteractionLines: 40,
  componentInteractionJustifiedLines: 60,
  executiveSummaryLines: [5, 10],
  reviewGuideLines: [5, 10],
  whatThisPrAddsItems: [2, 4],
  problemSentences: [2, 3],
  whyMattersSentences: [1, 2],
  architectureSentences: [2, 3],
};

export function defaultConfig(): Config {
  return {
    path: undefined,
    extends: undefined,
    format: 'auto',
    language: undefined,
    commands: {},
    testNamePattern: undefined,
    testNameExample: undefined,
    agentLine: GENERIC_AGENT_LINE,
    bannedWords: ['should'],
    planSpecificChecks: GENERIC_PLAN_SPECIFIC_CHECKS.map((text): ChecklistEntry => ({ id: undefined, text })),
    antipatterns: [],
    invariants: [],
    plansDir: 'docs/plans',
    budgets: structuredClone(SPEC_BUDGETS),
    rules: {},
  };
}
