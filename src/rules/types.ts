/**
 * A rule is data plus a check (after markdownlint): a stable id, a family, a default severity,
 * a description for the reference docs, an instruction for the agents that write plans, and
 * `check(plan, context)`. The catalog in `./index.ts` is the single source for the linter,
 * `microplan rules`, docs/rules.md and the prompt given to agents.
 */
import type { Config } from '../config/types.js';
import type { Plan, PlanFormat, Span } from '../plan/types.js';
import type { Grounding } from '../ground/types.js';
import type { PlanSpecs } from '../spec/locate.js';

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

export type RuleFamily =
  | 'header'
  | 'structure'
  | 'contracts'
  | 'tasks'
  | 'test-code'
  | 'traceability'
  | 'deviations'
  | 'risks'
  | 'checklist'
  | 'compact'
  | 'grounding'
  /** The superpowers writing-plans format's own rules (src/formats/superpowers/rules/). */
  | 'superpowers';

/** A text edit that `lint --fix` may apply. */
export interface Fix {
  span: Span;
  replacement: string;
  /**
   * Computed from the whole report (a citation's new line numbers): applied from the first
   * report only, never recomputed from text an earlier fix already changed.
   */
  once?: true | undefined;
}

/** What a check reports; the engine adds rule id and severity. */
export interface Finding {
  message: string;
  span: Span;
  fix?: Fix;
  /** A finding read from weaker evidence than the rule's own: a warning even where the rule reports errors. */
  atMostWarning?: true;
}

export interface Diagnostic extends Omit<Finding, 'atMostWarning'> {
  ruleId: string;
  severity: Severity;
}

export interface RuleContext {
  config: Config;
  /** Present only when linting with `--repo`: answers questions about the code. */
  grounding: Grounding | undefined;
  /** The design specs the plan was written from (`--spec`, or the one it names), when there are any. */
  specs?: PlanSpecs | undefined;
}

export interface Rule {
  /** Stable kebab-case id, e.g. "contract-then-observable". */
  id: string;
  family: RuleFamily;
  severity: Severity;
  /** Which plan formats the rule applies to. */
  formats: readonly PlanFormat[];
  /** One paragraph for the reference docs: what is checked and why. */
  description: string;
  /** What the writing agent is told, in the imperative; may use the project's config. */
  instruction: string | ((config: Config) => string);
  /**
   * Off unless the config turns it on (`rules: { <id>: warn }`) or `lint --rule <id>` asks for it:
   * on real plans nobody tuned it on, its findings were right too rarely to report by default
   * (docs/precision.md). The writing prompt still teaches what it checks.
   */
  strict?: true;
  /** Grounding rules run only when a repository is given. */
  needsRepo?: boolean;
  /** Some findings carry a fix that `lint --fix` applies (as ESLint's `meta.fixable`). */
  fixable?: boolean;
  /**
   * Plans (or plan fragments) the rule accepts and rejects, in the shape of real plans: run by
   * the rule tester (test/rules/examples.test.ts) and rendered into docs/rules.md.
   */
  examples?: RuleExamples;
  check(plan: Plan, context: RuleContext): Finding[] | Promise<Finding[]>;
}

/** One example: a plan fragment, and for an invalid one what the finding says. */
export interface RuleExample {
  /** Markdown of a plan in the rule's format (whole enough to be recognized as that format). */
  plan: string;
  /** Invalid examples: a phrase every finding's message contains, so the example pins the finding. */
  message?: string;
  /** The design spec the plan is checked against (rules that read one: spec-coverage). */
  spec?: string;
}

export interface RuleExamples {
  valid: readonly RuleExample[];
  invalid: readonly RuleExample[];
}
