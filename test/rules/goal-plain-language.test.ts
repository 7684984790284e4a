import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { fullPlan } from './plan-fixtures.js';

const goal = (text: string): string => fullPlan({ goal: [`**Goal:** ${text}`, ''] });

describe('goal-plain-language', () => {
  it('accepts plain language, user commands, flags and documentation files', async () => {
    expect(await lintRule('goal-plain-language', goal('Let `blis replay` honour `--seed` so prefill/decode runs repeat, as README.md says, across GPUs and PRs.'))).toEqual([]);
  });

  it('flags a code name in backticks, pointing at it', async () => {
    const ds = await lintRule('goal-plain-language', goal('Introduce `PreemptionPolicy` as a first-class choice.'));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('code name `PreemptionPolicy`');
    expect(ds[0]!.span).toEqual({ start: { line: 5, column: 21 }, end: { line: 5, column: 39 } });
  });

  it('flags package paths, qualified calls and snake_case identifiers, with or without backticks', async () => {
    const ds = await lintRule('goal-plain-language', goal('Move code out of sim/kv/ so `io.ReadAll` failures and send_time_us are handled.'));
    expect(ds.map((d) => d.message)).toEqual([
      expect.stringContaining('package path sim/kv/'),
      expect.stringContaining('qualified identifier `io.ReadAll`'),
      expect.stringContaining('identifier send_time_us'),
    ]);
  });

  it('flags a bare CamelCase code name', async () => {
    const ds = await lintRule('goal-plain-language', goal('Add a pluggable RoutingPolicy interface.'));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('code name RoutingPolicy')]);
  });
});
