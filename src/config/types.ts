/**
 * Project configuration (`microplan.config.yaml` / `.json`). The defaults fit any project (the
 * spec's format and budgets, no language or tool); a project names its own commands, test names,
 * checklist and invariants, or extends a preset that does (`extends: inference-sim`).
 */
import type { FormatChoice } from '../formats/types.js';
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
  /** The preset the config extends, if any. */
  extends: string | undefined;
  /** The plan format the project writes (`auto`: recognized per file from its text). */
  format: FormatChoice;
  /** Main language of the project ("go", "typescript", "python", …); undefined when not known. */
  language: string | undefined;
  /** The project's own commands; undefined where the project has not named one. */
  commands: {
    test?: string | undefined;
    lint?: string | undefined;
  };
  /** Regular expression (source) a test name in the plan must match; undefined: no convention checked. */
  testNamePattern: string | undefined;
  /** Human-readable form of the pattern, e.g. "TestType_Scenario_Behavior". */
  testNameExample: string | undefined;
  /** The blockquote line right under a plan's title that tells the executing agent what to do. */
  agentLine: string;
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
