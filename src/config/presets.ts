/**
 * Named presets a config extends (`extends: inference-sim`): a project's whole set of settings,
 * applied over the defaults and under the config's own keys. `inference-sim` is the project the
 * micro-plan spec was written for: a Go simulator with golangci-lint, a CLAUDE.md, the R1–R23
 * antipattern rules and the simulator's invariants.
 */
import { mergeValues } from './merge.js';
import { defaultConfig } from './defaults.js';
import type { ChecklistEntry, Config } from './types.js';

export const SPEC_PLAN_SPECIFIC_CHECKS: readonly string[] = [
  'No unnecessary abstractions.',
  'No feature creep beyond PR scope.',
  'No unexercised flags or interfaces.',
  'No partial implementations.',
  'No breaking changes without explicit contract updates.',
  'No hidden global state impact.',
  'All new code will pass golangci-lint.',
  'Shared test helpers used from existing shared test package (not duplicated locally).',
  'CLAUDE.md updated if: new files/packages added, file organization changed, plan milestone completed, new CLI flags added.',
  'No stale references left in CLAUDE.md.',
  'Documentation DRY: If this PR modifies a canonical source, all working copies in the source-of-truth map are updated.',
  'Deviation log reviewed — no unresolved deviations.',
  'Each task produces working, testable code (no scaffolding).',
  'Task dependencies are correctly ordered.',
  'All contracts are mapped to specific tasks.',
  'Golden dataset regeneration documented (if needed).',
  'Construction site audit completed (Phase 0, item 5) — all struct construction sites listed and covered by tasks.',
  'If this PR is part of a macro plan, the macro plan status is updated.',
];

export const SPEC_ANTIPATTERNS: readonly string[] = [
  'No silent continue/return dropping data',
  'Map keys sorted before float accumulation or ordered output',
  'Every new numeric parameter validated (CLI flags AND library constructors)',
  'All struct construction sites audited for new fields',
  'Resource allocation loops handle mid-loop failure with rollback',
  'No logrus.Fatalf or os.Exit in sim/ packages',
  'Invariant tests alongside any golden tests',
  'No exported mutable maps',
  '*float64 for YAML fields where zero is valid',
  'YAML strict parsing (KnownFields(true))',
  'Division by runtime-derived denominators guarded',
  'Golden dataset regenerated if output changed',
  'New interfaces work for 2+ implementations',
  'No method spans multiple module responsibilities',
  'Stale PR references resolved',
  'Config params grouped by module',
  'Routing scorer signals documented for freshness tier',
  'CLI flag values not silently overwritten by defaults.yaml',
  'Unbounded retry/requeue loops have circuit breakers',
  'Detectors and analyzers handle degenerate inputs (empty, skewed, zero)',
  'No range over slices that can shrink during iteration',
  'Pre-check estimates consistent with actual operation accounting',
  'Parallel code paths apply equivalent transformations',
];

export const SPEC_INVARIANTS: readonly string[] = [
  'Request conservation: completed + still_queued + still_running + dropped_unservable = injected',
  'KV block conservation: allocated_blocks + free_blocks = total_blocks',
  'Clock monotonicity: simulation clock never decreases',
  'Causality: arrival_time ≤ enqueue_time ≤ schedule_time ≤ completion_time',
  'Determinism: same seed produces byte-identical output across runs',
];

/** The line the spec puts under a plan's title: its project executes plans with the superpowers skill. */
export const SPEC_AGENT_LINE =
  '> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task.';

export interface Preset {
  description: string;
  values: Partial<Omit<Config, 'path' | 'extends'>>;
}

export const PRESETS = {
  'inference-sim': {
    description:
      'The project the micro-plan spec was written for (inference-sim): Go, `go test` and golangci-lint, `TestType_Scenario_Behavior` test names, the spec\'s checklist (CLAUDE.md, golden datasets), its R1–R23 antipattern rules and the simulator\'s invariants, and the superpowers executing-plans line.',
    values: {
      language: 'go',
      commands: { test: 'go test ./...', lint: 'golangci-lint run ./...' },
      testNamePattern: '^Test[A-Z][A-Za-z0-9]*_[A-Za-z0-9]+_[A-Za-z0-9_]+$',
      testNameExample: 'TestType_Scenario_Behavior',
      agentLine: SPEC_AGENT_LINE,
      planSpecificChecks: SPEC_PLAN_SPECIFIC_CHECKS.map((text): ChecklistEntry => ({ id: undefined, text })),
      antipatterns: SPEC_ANTIPATTERNS.map((text, i): ChecklistEntry => ({ id: `R${i + 1}`, text })),
      invariants: [...SPEC_INVARIANTS],
    },
  },
} as const satisfies Record<string, Preset>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(PRESETS, name);
}

/** The defaults with a preset applied: what a config that extends it and sets nothing else gets. */
export function presetConfig(name: PresetName): Config {
  const config = mergeValues(defaultConfig(), structuredClone(PRESETS[name].values) as Record<string, unknown>);
  config.extends = name;
  return config;
}
