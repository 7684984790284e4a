import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import type { Config } from '../../src/config/types.js';
import { RULES } from '../../src/rules/index.js';
import { renderPrompt, ruleInstruction } from '../../src/write/prompt.js';

const tsConfig: Config = {
  ...defaultConfig(),
  language: 'typescript',
  commands: { test: 'npx vitest run', lint: 'npx eslint .' },
  testNamePattern: '^\\S.* › \\S.*$',
  testNameExample: 'component › does the observable thing',
  planSpecificChecks: [{ id: undefined, text: 'All new code will pass eslint.' }],
  antipatterns: [{ id: 'R1', text: 'No silent catch that drops an error' }],
  invariants: ['Exit codes: 0 clean, 1 findings, 2 input error'],
};

describe('prompt', () => {
  it("names a TypeScript project's own commands and no Go tooling", () => {
    const text = renderPrompt({ config: tsConfig });
    expect(text).toContain('`npx vitest run');
    expect(text).toContain('`npx eslint .`');
    expect(text).toContain("describe('component'");
    expect(text).toContain('R1: No silent catch that drops an error');
    expect(text).not.toMatch(/golangci|go test|testing\.T|func Test|CLAUDE\.md|goldendataset/);
  });

  it("reproduces the spec's requirements for a Go project with the default config", () => {
    const text = renderPrompt({ config: defaultConfig() });
    for (const required of [
      '# <PR title> Implementation Plan',
      'REQUIRED SUB-SKILL: Use superpowers:executing-plans',
      '**The problem today:** <2–3 sentences',
      '**What this PR adds:** <numbered list of 2–4',
      'under 120 lines',
      '3–15 contracts',
      'under 40 lines',
      '| Source Says | Micro Plan Does | Reason |',
      "THE TRICKY PART, WHAT TO SCRUTINIZE, WHAT'S SAFE TO SKIM, KNOWN DEBT",
      '6–12 tasks',
      'Run: `go test ./... <narrowed to this test>`',
      'Run: `golangci-lint run ./...`',
      'func TestComponent_Scenario_Behavior(t *testing.T)',
      'R23: Parallel code paths apply equivalent transformations',
      'Request conservation',
      'never "should"',
    ]) {
      expect(text).toContain(required);
    }
  });

  it('lists every rule of the registry with its instruction', () => {
    const text = renderPrompt({ config: defaultConfig() });
    expect(RULES.length).toBeGreaterThan(0);
    for (const rule of RULES) {
      expect(text).toContain(`\`${rule.id}\``);
      expect(text).toContain(ruleInstruction(rule, defaultConfig()));
    }
  });

  it('leaves out rules the project turned off', () => {
    const id = RULES[0]!.id;
    const text = renderPrompt({ config: { ...defaultConfig(), rules: { [id]: 'off' } } });
    expect(text).not.toContain(`\`${id}\``);
  });

  it('appends the source of work and the Phase 0 facts', () => {
    const text = renderPrompt({
      config: tsConfig,
      source: { origin: 'GitHub issue #42', text: 'Add a --stats flag.' },
      facts: '- `src/cli/commands/lint.ts:12` registers the lint options',
      planPath: 'docs/plans/2026-11-26-stats-plan.md',
    });
    expect(text).toMatch(/## Source of work\n\nFrom: GitHub issue #42\n\n<source>\nAdd a --stats flag\.\n<\/source>/);
    expect(text).toContain('## Phase 0 facts found by microplan');
    expect(text).toContain('`microplan lint docs/plans/2026-11-26-stats-plan.md`');
  });
});
