/**
 * A plan format is one module (see ./index.ts): how a document is recognized, which rules hold
 * it, how the prompt for it is written. Every format parses into the one plan model
 * (src/plan/types.ts); `Plan.format` names the shape a format gave it.
 */
import type { Contract, HeaderField, PlanFormat, Section, Task, Text } from '../plan/types.js';

/** The formats microplan serves. */
export const FORMAT_IDS = ['micro-plan', 'superpowers'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** What a config or caller asks for: a format, or recognition from the text (`auto`). */
export type FormatChoice = FormatId | 'auto';

/** What recognizers read: the structure the parser found, before any rule runs. */
export interface FormatSignals {
  path: string;
  lines: readonly string[];
  title: Text | undefined;
  agentLine: Text | undefined;
  header: readonly HeaderField[];
  sections: readonly Section[];
  contracts: readonly Contract[];
  tasks: readonly Task[];
}

export interface Recognition {
  format: PlanFormat;
  /** Why, in words a user reads when a file is "not a plan". */
  reason: string;
}
