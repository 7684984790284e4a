/**
 * The plan formats, one module each (after ESLint's `languages/`): how a document is recognized
 * (./recognize.ts), the shapes it parses into, the rules that hold it, where its plans live and
 * what its writers are told (`writing`: the prompt, the agent command, draft's system prompt, the
 * "not a plan" advice, the plan's file name) — commands ask the module, none branches on a
 * format. A rule written for several shapes (citations, file existence, exact commands) is
 * written once in src/rules/ and lists every shape it holds for.
 */
import { InputError } from '../errors.js';
import type { PlanFormat } from '../plan/types.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import type { PromptInput } from '../write/prompt-parts.js';
import { renderMicroPlanPrompt } from './micro-plan/prompt.js';
import { renderSuperpowersPrompt } from './superpowers/prompt.js';
import { FORMAT_IDS, type FormatChoice, type FormatId } from './types.js';

/** The "write a plan" command installed for each agent (see src/write/init/agent-files.ts). */
export interface AgentCommand {
  /** File and command name: `.claude/commands/<name>.md`, `/<name>`. */
  name: string;
  /** Heading of a command file that has no front matter (Cursor). */
  heading: string;
  description: string;
  /** When an agent that picks skills by description uses it (Codex). */
  useWhen: string;
  /** The command's first words, before the source of work. */
  task: string;
  /** What `microplan prompt` adds to the instructions, as step 1 names it. */
  facts: string;
}

/** What the writing commands say for a format: prompt, agent command, draft, "not a plan". */
export interface FormatWriting {
  /** The plan as messages name it ("This is not a micro-plan"). */
  noun: string;
  /** The instructions for writing one plan (`microplan prompt`, `draft`). */
  prompt(input: PromptInput): string;
  command: AgentCommand;
  /** The system prompt `draft` sends the model. */
  systemPrompt: string;
  /**
   * The fix a "not a plan" error gives: `lint` for a file a user asked to lint as a plan,
   * `write` for an agent or model that was asked to write one (MCP `lint_plan`, `draft`).
   */
  notAPlan: { lint: string; write: string };
  /** File name of a new plan under plansDir; `date` is YYYY-MM-DD, `slug` from the source's title. */
  planFileName(date: string, slug: string): string;
}

/** The sentences of `draft`'s system prompt every format shares. */
function systemPrompt(first: string): string {
  return [
    first,
    'You cannot run commands or read the repository: work from the source of work and the facts given, and cite only file:line facts you were given.',
    'microplan lints your plan and sends you its findings; then return the whole corrected plan.',
    'Answer with the plan only: one Markdown document starting with its "# … Implementation Plan" title, with no preamble, no closing remarks and no code fence around it.',
  ].join(' ');
}

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
  writing: FormatWriting;
}

const SUPERPOWERS_SHAPE_WORDS = 'a "# … Implementation Plan" title, the Goal / Architecture / Tech Stack header and "### Task N:" sections with checkbox steps';

export const FORMATS: readonly PlanFormatModule[] = [
  {
    id: 'micro-plan',
    title: 'micro-plan',
    shapes: ['full', 'compact'],
    plansDir: 'docs/plans',
    origin: 'the micro-plan format (spec/micro-plan-prompt.txt)',
    writing: {
      noun: 'micro-plan',
      prompt: renderMicroPlanPrompt,
      command: {
        name: 'micro-plan',
        heading: 'Micro-plan',
        description: 'Write a micro-plan (PR implementation plan) for a source of work, checked by microplan until clean',
        useWhen: 'Use when asked to plan a PR, an issue or a macro-plan section.',
        task: 'Write a micro-plan for this source of work',
        facts: 'the Phase 0 facts',
      },
      systemPrompt: systemPrompt('You write micro-plans: implementation plans for one pull request, in the strict Markdown format the user describes.'),
      notAPlan: {
        lint: 'write it in the micro-plan format (a "# … Implementation Plan" title, Behavioral Contracts and Tasks), or lint it without --require-plan and outside the plans directory.',
        write: 'write the plan itself, with its "# … Implementation Plan" title, Behavioral Contracts and Tasks.',
      },
      planFileName: (date, slug) => `${date}-${slug}-plan.md`,
    },
  },
  {
    id: 'superpowers',
    title: 'superpowers writing-plans',
    shapes: ['superpowers'],
    plansDir: 'docs/superpowers/plans',
    origin: "obra/superpowers' writing-plans skill (skills/writing-plans/SKILL.md)",
    writing: {
      noun: 'superpowers plan',
      prompt: renderSuperpowersPrompt,
      command: {
        name: 'superpowers-plan',
        heading: 'Superpowers plan',
        description: 'Write a superpowers implementation plan (writing-plans format) for a source of work, checked by microplan until clean',
        useWhen: 'Use when asked to plan a feature, an issue or a spec.',
        task: 'Write a superpowers implementation plan for this source of work',
        facts: 'the facts about the code',
      },
      systemPrompt: systemPrompt(
        'You write implementation plans in the superpowers writing-plans format the user describes: bite-sized tasks with exact file paths, complete code and exact commands with their expected output.',
      ),
      notAPlan: {
        lint: `write it in the superpowers format (${SUPERPOWERS_SHAPE_WORDS}), or lint it without --require-plan and outside the plans directory.`,
        write: `write the plan itself, with ${SUPERPOWERS_SHAPE_WORDS}.`,
      },
      // The writing-plans skill saves plans as docs/superpowers/plans/YYYY-MM-DD-<feature-name>.md.
      planFileName: (date, slug) => `${date}-${slug}.md`,
    },
  },
];

/** A format named on the command line (`--format superpowers`); an unknown name is a usage error. */
export function parseFormatId(name: string, flag = '--format'): FormatId {
  const id = name.trim().toLowerCase();
  if (!(FORMAT_IDS as readonly string[]).includes(id)) throw new InputError(`${flag}: unknown plan format "${name}"; choose from ${FORMAT_IDS.join(', ')}.`);
  return id as FormatId;
}

export function formatById(id: FormatId): PlanFormatModule {
  return FORMATS.find((f) => f.id === id)!;
}

/**
 * The format the writing commands serve for a config's choice: the named one, or for `auto`
 * (which recognizes each file it lints) the micro-plan format, microplan's default.
 */
export function formatOfChoice(choice: FormatChoice): PlanFormatModule {
  return formatById(choice === 'auto' ? 'micro-plan' : choice);
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
