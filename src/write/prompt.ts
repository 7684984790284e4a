/**
 * The instructions an agent or model gets to write one plan, in the format the project's config
 * names (its module renders them: src/formats/<id>/prompt.ts): the format, every rule of the
 * catalog that holds it (rendered from the registry, so what the agent is told is what the linter
 * checks), the project's own commands, then the source of work and the facts. Written in
 * microplan's own words; nothing language-specific that the project's config does not say.
 */
import { formatOfChoice } from '../formats/index.js';
import type { PromptInput } from './prompt-parts.js';

export { renderRuleList, ruleInstruction, type PromptInput, type PromptSource } from './prompt-parts.js';

export function renderPrompt(input: PromptInput): string {
  return formatOfChoice(input.config.format).writing.prompt(input);
}
