/** Grounding a plan against a test repository with the grounding rules alone, as `lint --repo` would. */
import { afterAll } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintPlan, withStrictRulesOn } from '../../src/engine/lint.js';
import { GroundingSession } from '../../src/ground/open.js';
import { parsePlan } from '../../src/plan/parse.js';
import { GROUNDING_RULES } from '../../src/rules/grounding/index.js';
import type { Diagnostic, Rule } from '../../src/rules/types.js';

/** A `ground(markdown, { base, against })` for the repository `dir()` names (with the grounding rules, or `rules`); its sessions close after the file's tests. */
export function grounder(dir: () => string, rules: readonly Rule[] = GROUNDING_RULES): (markdown: string, options?: { base?: string; against?: string }) => Promise<Diagnostic[]> {
  const sessions: GroundingSession[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.close();
  });
  return async (markdown, options = {}) => {
    const session = new GroundingSession({ dir: dir(), ...options });
    sessions.push(session);
    const p = parsePlan(markdown, 'plan.md');
    // The rules under test run, strict ones (off by default) included.
    return lintPlan(p, { config: withStrictRulesOn(defaultConfig(), rules), grounding: await session.forPlan(p), rules });
  };
}
