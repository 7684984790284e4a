import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { presetConfig } from '../../src/config/presets.js';
import type { Config } from '../../src/config/types.js';
import { RULES } from '../../src/rules/index.js';
import { formatById, rulesOf } from '../../src/formats/index.js';
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

  it("reproduces the spec's requirements for the spec's own project (preset inference-sim)", () => {
    const text = renderPrompt({ config: presetConfig('inference-sim') });
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

  it('lists every micro-plan rule of the registry with its instruction, and no rule of another format', () => {
    const text = renderPrompt({ config: defaultConfig() });
    const micro = rulesOf(formatById('micro-plan'));
    expect(micro.length).toBeGreaterThan(0);
    for (const rule of RULES.filter((r) => !micro.includes(r))) expect(text).not.toContain(`\`${rule.id}\``);
    for (const rule of micro) {
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

  /** Marks of Go (and of the spec's own Go project) that a prompt for another stack must not carry. */
  const GO_MARKS = /\.go\b|x\.\(\*T\)|\*ConstantPriority|func Test|testing\.T|golangci|go test|go vet|CLAUDE\.md|superpowers|R1–R23|antipattern rules \(/;

  it.each([
    ['typescript', { language: 'typescript', commands: { test: 'npm test', lint: 'npm run lint' } }],
    ['python', { language: 'python', commands: { test: 'pytest', lint: 'ruff check .' } }],
    ['an unknown stack', {}],
  ] as const)('says nothing of Go to a project in %s', (_name, over) => {
    const text = renderPrompt({ config: { ...defaultConfig(), ...over } });
    expect(text.split('\n').filter((l) => GO_MARKS.test(l))).toEqual([]);
  });

  it('shows files and assertions in the project\'s language', () => {
    const ts = renderPrompt({ config: { ...defaultConfig(), language: 'typescript' } });
    expect(ts).toContain('- Create: `src/exact/path.ts`');
    expect(ts).toContain('toBeInstanceOf');
    const py = renderPrompt({ config: { ...defaultConfig(), language: 'python' } });
    expect(py).toContain('- Test: `tests/test_path.py`');
    expect(py).toContain('isinstance(x, ConstantPriority)');
    expect(renderPrompt({ config: presetConfig('inference-sim') })).toContain('`x.(*T)`');
  });

  it.each([
    ['Go', 'func TestComponent_Scenario_Behavior', '`x.(*T)`'],
    ['golang', 'func TestComponent_Scenario_Behavior', '`x.(*T)`'],
    ['py', 'def test_component_scenario_behavior', 'isinstance(x, ConstantPriority)'],
  ])('reads language "%s" as every other part of the prompt does', (language, test, assertion) => {
    const text = renderPrompt({ config: { ...defaultConfig(), language } });
    expect(text).toContain(test);
    expect(text).toContain(assertion);
  });

  it('counts antipattern rules only when the project has them', () => {
    const none = renderPrompt({ config: defaultConfig() });
    expect(none).not.toMatch(/\b0 antipattern rules|R1–R23/);
    expect(none).toMatch(/one "- \[ \]" item for each of the 13 plan-specific checks; mark/);
    const two = renderPrompt({ config: { ...defaultConfig(), antipatterns: [{ id: 'R1', text: 'a' }, { id: 'R2', text: 'b' }] } });
    expect(two).toContain('for each of the 2 antipattern rules (R1–R2)');
  });

  it('gives an agent line that names no agent\'s plugin, unless the project chose one', () => {
    expect(renderPrompt({ config: defaultConfig() })).toContain('\n> **For the implementing agent:** Execute this plan task by task');
    const own = '> **For Codex:** Use the plan-runner skill.';
    const text = renderPrompt({ config: { ...defaultConfig(), agentLine: own } });
    expect(text).toContain(`\n${own}\n`);
    expect(text).not.toContain('superpowers');
  });

  it('tells the agent to find the commands a project without config has, with no literal "undefined"', () => {
    const text = renderPrompt({ config: defaultConfig() });
    expect(text).not.toContain('undefined');
    expect(text).toContain("names no test or lint command: find the one its README, Makefile, package scripts or CI workflow uses");
    expect(text).toContain("Run: `<the project's lint command>`");
  });
});
