/**
 * The parts every format's prompt shares: the rule checklist rendered from the catalog (so what
 * an agent is told is what the linter checks), the project's language and commands, the test
 * code a language writes, and the closing source / facts / output sections. Each format's module
 * (src/formats/<id>/prompt.ts) composes its prompt from these and its own template.
 */
import type { Config } from '../config/types.js';
import type { PlanFormat } from '../plan/types.js';
import { RULES } from '../rules/index.js';
import type { Rule, RuleFamily } from '../rules/types.js';
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
    // Not effectiveSeverity: a strict rule, off in lint by default, is still the format's rule, and
    // the writer is taught it unless the config turns it off.
    const severity = config.rules[rule.id] ?? rule.severity;
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

/** The language's fence tag, or '' where the config names no language microplan writes examples for. */
export function codeFence(config: Config): string {
  return languageNamed(config.language)?.writing?.fence ?? '';
}

/**
 * A test in the project's language whose body is the given comments; `otherwise` describes the
 * test where the config names no known language.
 */
export function testExample(config: Config, comments: readonly string[], otherwise: string): string {
  const lang = languageNamed(config.language)?.writing;
  if (!lang) return `\`\`\`\n${otherwise}\n\`\`\``;
  return ['```' + lang.fence, ...lang.test(comments.map((c) => `${lang.comment} ${c}`)), '```'].join('\n');
}

/** The command a step runs, or, where the config names none, what the agent fills in. */
export function testCommand(config: Config, narrowed: string): string {
  return config.commands.test ? `\`${config.commands.test} ${narrowed}\`` : `\`<the project's test command, ${narrowed.replace(/^<|>$/g, '')}>\``;
}

export function lintCommand(config: Config): string {
  return config.commands.lint ? `\`${config.commands.lint}\`` : "`<the project's lint command>`";
}

/** What the agent is told about the project: its language and commands, or how to find them. */
export function projectLines(config: Config): string[] {
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

/** The closing sections: the rule checklist, the source of work, the facts and where to write the plan. */
export function closingParts(input: PromptInput, shapes: readonly PlanFormat[], factsHeading: string, factsIntro: string): string[] {
  const parts: string[] = [
    '',
    '## What the checker enforces',
    '',
    'Every item is checked by `microplan lint`; "must" items are errors, "aim" items are warnings.',
    '',
    renderRuleList(input.config, shapes),
  ];
  if (input.source) {
    parts.push('', '## Source of work', '', `From: ${input.source.origin}`, '', '<source>', input.source.text.trim(), '</source>');
  }
  if (input.facts && input.facts.trim() !== '') {
    parts.push('', `## ${factsHeading}`, '', factsIntro, '', input.facts.trim());
  }
  parts.push('', '## Output', '', input.planPath ? `Write the plan to \`${input.planPath}\`.` : 'Write the plan as one Markdown document.');
  return parts;
}
