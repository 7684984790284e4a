/**
 * The rule tester (after ESLint's RuleTester): every example a rule declares in its catalog entry
 * is run through the engine with that rule alone. A valid example yields no finding of the rule;
 * an invalid one yields at least one, and each says what the example's `message` names. The same
 * examples are rendered into docs/rules.md, so the reference shows only what the rule really does.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintPlan, withStrictRulesOn } from '../../src/engine/lint.js';
import { parsePlan } from '../../src/plan/parse.js';
import { RULES } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/types.js';

const withExamples = RULES.filter((r): r is Rule & { examples: NonNullable<Rule['examples']> } => r.examples !== undefined);

async function findings(rule: Rule, markdown: string, spec?: string): Promise<{ format: string; messages: string[] }> {
  const plan = parsePlan(markdown, 'docs/plans/example.md');
  // An example with a spec is checked against it, as `lint --spec` would.
  const specs = spec === undefined ? undefined : { docs: [{ path: 'docs/superpowers/specs/example-design.md', text: spec }], missing: [] };
  // A strict rule's examples show what it reports once a project turns it on.
  const ds = await lintPlan(plan, { config: withStrictRulesOn(defaultConfig(), [rule]), rules: [rule], specs });
  return { format: plan.format, messages: ds.filter((d) => d.ruleId === rule.id).map((d) => d.message) };
}

describe.each(withExamples.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it.each(rule.examples.valid.map((e, i) => [i + 1, e] as const))('accepts valid example %i', async (_i, example) => {
    const r = await findings(rule, example.plan, example.spec);
    expect(rule.formats, `the example is read as ${r.format}`).toContain(r.format);
    expect(r.messages).toEqual([]);
  });

  it.each(rule.examples.invalid.map((e, i) => [i + 1, e] as const))('reports invalid example %i', async (_i, example) => {
    const r = await findings(rule, example.plan, example.spec);
    expect(rule.formats, `the example is read as ${r.format}`).toContain(r.format);
    expect(r.messages.length).toBeGreaterThan(0);
    for (const m of r.messages) if (example.message) expect(m).toContain(example.message);
  });
});

describe('the catalog', () => {
  it('gives every superpowers rule at least one valid and one invalid example', () => {
    const missing = RULES.filter((r) => r.family === 'superpowers' && (!r.examples || r.examples.valid.length === 0 || r.examples.invalid.length === 0));
    expect(missing.map((r) => r.id)).toEqual([]);
  });
});
