/**
 * The plan formats, one module each (after ESLint's `languages/`): how a document is recognized
 * (./recognize.ts), the shapes it parses into, the rules that hold it, where its plans live and
 * what its writers are told. A rule written for several shapes (citations, file existence, exact
 * commands) is written once in src/rules/ and lists every shape it holds for.
 */
import type { PlanFormat } from '../plan/types.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import type { FormatId } from './types.js';

export interface PlanFormatModule {
  id: FormatId;
  /** As users name it. */
  title: string;
  /** The `Plan.format` values a document in this format parses into. */
  shapes: readonly PlanFormat[];
  /** Where the format's own tooling saves plans (the default plansDir of `init --format`). */
  plansDir: string;
  /** Where the format's rules come from, for the reference. */
  origin: string;
}

export const FORMATS: readonly PlanFormatModule[] = [
  {
    id: 'micro-plan',
    title: 'micro-plan',
    shapes: ['full', 'compact'],
    plansDir: 'docs/plans',
    origin: 'the micro-plan format (spec/micro-plan-prompt.txt)',
  },
  {
    id: 'superpowers',
    title: 'superpowers writing-plans',
    shapes: ['superpowers'],
    plansDir: 'docs/superpowers/plans',
    origin: "obra/superpowers' writing-plans skill (skills/writing-plans/SKILL.md)",
  },
];

export function formatById(id: FormatId): PlanFormatModule {
  return FORMATS.find((f) => f.id === id)!;
}

/** The format a parsed plan's shape belongs to; undefined for "not a plan". */
export function formatOfShape(shape: PlanFormat): PlanFormatModule | undefined {
  return FORMATS.find((f) => f.shapes.includes(shape));
}

/** The rules that hold plans of a format: its own and those shared with other formats. */
export function rulesOf(format: PlanFormatModule, rules: readonly Rule[] = RULES): readonly Rule[] {
  return rules.filter((r) => r.formats.some((f) => format.shapes.includes(f)));
}

export type { FormatChoice, FormatId } from './types.js';
export { FORMAT_IDS } from './types.js';
export { recognize } from './recognize.js';
