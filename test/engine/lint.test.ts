import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintPlan } from '../../src/engine/lint.js';
import { parsePlan } from '../../src/plan/parse.js';
import { span } from '../../src/plan/source.js';
import type { Grounding } from '../../src/ground/types.js';
import type { Rule } from '../../src/rules/types.js';

function rule(overrides: Partial<Rule>): Rule {
  return {
    id: 'test-rule',
    family: 'structure',
    severity: 'warning',
    formats: ['full', 'compact'],
    description: 'A rule for tests.',
    instruction: 'Do it.',
    check: () => [{ message: 'Found it: fix it.', span: span(2, 1, 2, 4) }],
    ...overrides,
  };
}

function compactPlan() {
  const plan = parsePlan('# T Implementation Plan\nabc\n', 'plan.md');
  plan.format = 'compact';
  return plan;
}

describe('lint engine', () => {
  it('adds the rule id and default severity to what a rule finds', async () => {
    const ds = await lintPlan(compactPlan(), { config: defaultConfig(), rules: [rule({})] });
    expect(ds).toEqual([{ ruleId: 'test-rule', severity: 'warning', message: 'Found it: fix it.', span: span(2, 1, 2, 4) }]);
  });

  it('uses the severity the config sets for the rule', async () => {
    const config = { ...defaultConfig(), rules: { 'test-rule': 'error' as const } };
    const ds = await lintPlan(compactPlan(), { config, rules: [rule({})] });
    expect(ds[0]!.severity).toBe('error');
  });

  it('does not run a rule the config turns off', async () => {
    let ran = false;
    const config = { ...defaultConfig(), rules: { 'test-rule': 'off' as const } };
    await lintPlan(compactPlan(), { config, rules: [rule({ check: () => ((ran = true), []) })] });
    expect(ran).toBe(false);
  });

  it('runs a rule only on the plan formats it applies to', async () => {
    const ds = await lintPlan(compactPlan(), { config: defaultConfig(), rules: [rule({ formats: ['full'] })] });
    expect(ds).toEqual([]);
  });

  it('runs nothing on a document that is not a plan', async () => {
    const plan = parsePlan('# Design notes\n\nprose\n', 'notes.md');
    expect(plan.format).toBe('none');
    expect(await lintPlan(plan, { config: defaultConfig(), rules: [rule({ formats: ['full', 'compact', 'none'] })] })).toEqual([]);
  });

  it('runs a grounding rule only when a grounding is given', async () => {
    const grounding = rule({ id: 'grounded', needsRepo: true });
    expect(await lintPlan(compactPlan(), { config: defaultConfig(), rules: [grounding] })).toEqual([]);
    const fake = {} as Grounding;
    expect(await lintPlan(compactPlan(), { config: defaultConfig(), rules: [grounding], grounding: fake })).toHaveLength(1);
  });

  it('reports a rule that throws as an error at line 1 and keeps running the other rules', async () => {
    const broken = rule({ id: 'broken', check: () => { throw new Error('boom'); } });
    const ds = await lintPlan(compactPlan(), { config: defaultConfig(), rules: [broken, rule({})] });
    expect(ds.map((d) => [d.ruleId, d.severity, d.span.start.line])).toEqual([
      ['broken', 'error', 1],
      ['test-rule', 'warning', 2],
    ]);
    expect(ds[0]!.message).toContain('internal error in rule broken: boom');
  });

  it('starts every asynchronous check before waiting for any (repository reads overlap)', async () => {
    // The first check waits for the second to have started: one check at a time would never end.
    let started!: () => void;
    const secondStarted = new Promise<void>((resolve) => (started = resolve));
    const waits = rule({ id: 'waits', check: async () => (await secondStarted, [{ message: 'first', span: span(2, 1, 2, 2) }]) });
    const signals = rule({ id: 'signals', check: async () => (started(), [{ message: 'second', span: span(2, 1, 2, 2) }]) });
    const ds = await lintPlan(compactPlan(), { config: defaultConfig(), rules: [waits, signals] });
    expect(ds.map((d) => d.message)).toEqual(['second', 'first']);
  });

  it('reports an asynchronous check that fails as an internal error and keeps the others\' findings', async () => {
    const broken = rule({ id: 'broken', check: () => Promise.reject(new Error('git went away')) });
    const fine = rule({ id: 'fine', check: async () => [{ message: 'found', span: span(2, 1, 2, 2) }] });
    const ds = await lintPlan(compactPlan(), { config: defaultConfig(), rules: [broken, fine] });
    expect(ds.map((d) => [d.ruleId, d.message])).toEqual([
      ['broken', 'internal error in rule broken: git went away (please report this with the plan)'],
      ['fine', 'found'],
    ]);
  });

  it('sorts diagnostics by line, then column, then rule id', async () => {
    const a = rule({ id: 'b-rule', check: () => [{ message: 'm', span: span(2, 5, 2, 6) }, { message: 'm', span: span(1, 1, 1, 2) }] });
    const b = rule({ id: 'a-rule', check: () => [{ message: 'm', span: span(2, 5, 2, 6) }] });
    const ds = await lintPlan(compactPlan(), { config: defaultConfig(), rules: [a, b] });
    expect(ds.map((d) => `${d.span.start.line}:${d.span.start.column}:${d.ruleId}`)).toEqual(['1:1:b-rule', '2:5:a-rule', '2:5:b-rule']);
  });
});
