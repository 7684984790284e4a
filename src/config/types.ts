/**
 * Project configuration (`microplan.config.yaml` / `.json`). The defaults reproduce the spec
 * (a Go project with golangci-lint and the R1–R23 antipattern list); a project overrides the
 * parts that are its own.
 */
import type { SeveritySetting } from '../rules/types.js';

export interface ChecklistEntry {
  /** "R1" for antipattern rules; undefined for plan-specific checks. */
  id: string | undefined;
  text: string;
}

export interface Budgets {
  contracts: [number, number];
  tasks: [number, number];
  contractsPerTask: [number, number];
  part1Lines: number;
  componentInteractionLines: number;
  componentInteractionJustifiedLines: number;
  executiveSummaryLines: [number, number];
  reviewGuideLines: [number, number];
  whatThisPrAddsItems: [number, number];
  problemSentences: [number, number];
  whyMattersSentences: [number, number];
  architectureSentences: [number, number];
}

export interface Config {
  /** Where the config was read from; undefined for built-in defaults. */
  path: string | undefined;
  /** Main language of the project ("go", "typescript", "python", …). */
  language: string;
  /** The project's own commands; undefined where the project has not named one. */
  commands: {
    test?: string | undefined;
    lint?: string | undefined;
  };
  /** Regular expression (source) a test name in the plan must match. */
  testNamePattern: string;
  /** Human-readable form of the pattern, e.g. "TestType_Scenario_Behavior". */
  testNameExample: string;
  /** Words banned in contracts (case-insensitive whole words). */
  bannedWords: string[];
  planSpecificChecks: ChecklistEntry[];
  antipatterns: ChecklistEntry[];
  invariants: string[];
  plansDir: string;
  budgets: Budgets;
  /** Per-rule severity overrides. */
  rules: Record<string, SeveritySetting>;
}
