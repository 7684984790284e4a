import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse.js';
import type { Citation } from '../../src/plan/types.js';

/** The citations of a plan body (fragments shaped like the corpus plans' lines). */
function citations(body: string): Citation[] {
  return parsePlan(`# Plan\n\n**Goal:** g\n\n## Part 1\n\n${body}\n`, 'plan.md').citations;
}

const claim = (c: Citation | undefined): Record<string, unknown> => ({ symbol: c?.symbol, qualifier: c?.qualifier, quote: c?.quote });

describe('what a citation quotes', () => {
  it('never takes the prose between two code spans for a quote', () => {
    const [c] = citations('- `promptTokensMin` declared at `cmd/root.go:47`, flag registered at line 871 (default 2)');
    expect(claim(c)).toEqual({ symbol: 'promptTokensMin', qualifier: undefined, quote: undefined });
  });

  it('reads nothing from an unrelated span earlier in the sentence', () => {
    const [c] = citations('- `NewKVCacheState` panics on invalid inputs (`sim/kv/cache.go:52-55`) — this is the pattern to match');
    expect(claim(c)).toEqual({ symbol: undefined, qualifier: undefined, quote: undefined });
  });

  it('gives the later citations of a list nothing from the earlier ones', () => {
    const cs = citations('Update ALL construction sites (R4): `sim/workload/generator.go:261`, `sim/workload/reasoning.go:68`, `sim/workload/replay.go:44`.');
    expect(cs.map((c) => c.path)).toEqual(['sim/workload/generator.go', 'sim/workload/reasoning.go', 'sim/workload/replay.go']);
    expect(cs.map(claim)).toEqual(cs.map(() => ({ symbol: undefined, qualifier: undefined, quote: undefined })));
  });

  it('takes a call right after the citation for its callee', () => {
    const [c] = citations('- `cmd/root.go:1476`: `sim.NewPolicyConfig(priorityPolicy, scheduler, preemptionPolicy)`');
    expect(claim(c)).toEqual({ symbol: 'NewPolicyConfig', qualifier: 'sim', quote: undefined });
  });

  it('takes a composite literal for its type and a parenthesised call after the citation', () => {
    const [a] = citations('- `TraceRecord{}`: `tracev2.go:395` (RequestsToTraceRecords)');
    expect(claim(a).symbol).toBe('TraceRecord');
    const [b] = citations('- `GatewayQueue` struct (`gateway_queue.go:55`): constructed in `cluster.go:401` (`NewGatewayQueue(...)`) — single site');
    expect(claim(b).symbol).toBe('GatewayQueue');
  });

  it('reads the symbol cell of the citation\'s table row', () => {
    const cs = citations(
      ['| Site | Location | Status |', '|---|---|---|', '| `NewRequestMetrics` | `sim/metrics_utils.go:34` | Production canonical |', '| FIFO batch formation | `simulator.go:341-365` | `InstanceScheduler` |'].join('\n'),
    );
    expect(cs.map((c) => c.symbol)).toEqual(['NewRequestMetrics', undefined]);
  });

  it('keeps the type a method is qualified with', () => {
    const [c] = citations('In `NodeReadyEvent.Execute` (infra_lifecycle_event.go:73, after `cs.instances = append(...)`), add the instance');
    expect(claim(c)).toEqual({ symbol: 'Execute', qualifier: 'NodeReadyEvent', quote: undefined });
  });

  it('reads a span before a dash only when a verb joins it to the citation', () => {
    const [a] = citations('- `AdmissionPolicy.Admit()` returns `(bool, string)` — `sim/admission.go:9`');
    expect(claim(a)).toEqual({ symbol: undefined, qualifier: undefined, quote: undefined });
    const [b] = citations('- `AdmissionPolicy` — constructed in `cluster.go:361-396` via factory logic.');
    expect(claim(b).symbol).toBe('AdmissionPolicy');
  });

  it('keeps a quoted statement as a quote', () => {
    const [c] = citations("- CrossModel's `return 0` at crossmodel.go:41 bypasses its own floor");
    expect(claim(c).quote).toBe('return 0');
  });
});

describe('names the sentence gives a citation without tying them to it', () => {
  const nearby = (line: string): Citation['nearby'] => citations(line)[0]?.nearby;

  it('reads a backticked name and what the plan does to it', () => {
    expect(nearby('4. Remove `validateMinTokensMean` check (observe_cmd.go:288-293):')).toEqual([{ name: 'validateMinTokensMean', code: true, kind: 'use', edited: true }]);
    expect(nearby('1. Remove `observeMinTokens int` from the `var` block (observe_cmd.go:60).')).toEqual([{ name: 'observeMinTokens', code: true, edited: true }]);
    expect(nearby('2. Remove `--min-tokens` flag registration (observe_cmd.go:148):')).toEqual([{ name: 'min-tokens', flag: true, code: true, edited: true }]);
  });

  it('reads an unquoted name shaped like code, or one the next word says is code', () => {
    expect(nearby('- Modify: `sim/workload/saturation.go:94-104` (WindowMetrics struct)')).toEqual([{ name: 'WindowMetrics', kind: 'declaration', edited: true }]);
    expect(nearby('- Modify: `sim/workload/saturation.go:416-425` (sample preparation in AnalyzeBacklogDrift)')).toEqual([{ name: 'AnalyzeBacklogDrift' }]);
    expect(nearby('- Modify: `sim/workload/generator.go:272` (remove Streaming line)')).toEqual([{ name: 'Streaming', kind: 'use', edited: true }]);
    // Plain words and a capitalised word that only opens the sentence name nothing.
    expect(nearby('- Modify: `cmd/root.go:8-13` (report)')).toBeUndefined();
    expect(nearby('- [x] Construction site audit: constructed at metrics.go:363 (single site)')).toBeUndefined();
  });

  it('leaves out what the plan adds, and keeps where it goes', () => {
    expect(nearby('2. `sim/workload/spec.go:50` — Add `WindowDurationSecs` and `DrainTimeoutSecs` fields to `ServeGenDataSpec`')).toEqual([{ name: 'ServeGenDataSpec', code: true }]);
    expect(nearby('1. `cmd/convert.go:122-123` — Remove `--time` flag, add `--window-duration-seconds` and `--drain-timeout-seconds`')).toEqual([
      { name: 'time', flag: true, code: true, edited: true },
    ]);
    expect(nearby('- `sim/simulator.go:152-166` — call `ValidateRooflineConfig` when roofline mode')).toBeUndefined();
  });

  it('keeps a qualifier, and reads a call site as a use', () => {
    expect(nearby('- **Update call site** at `observe_cmd.go:321`: change `requestToPending(req, idx, streaming)` to `requestToPending(req, idx, streaming, x)`')).toEqual([
      { name: 'requestToPending', code: true, kind: 'use', edited: true },
    ]);
    expect(nearby('- **The problem today:** `TieredKVCache.AllocateKVBlocks` panics with an inverted slice at `cache.go:154`.')).toEqual([
      { name: 'AllocateKVBlocks', qualifier: 'TieredKVCache', code: true },
    ]);
  });

  it('reads no names beside another citation, after a denial, or from a verb used as a noun', () => {
    expect(nearby('Update ALL construction sites (R4): `sim/workload/generator.go:261`, `sim/workload/reasoning.go:68`.')).toBeUndefined();
    expect(nearby('Note: the reasoning path at generator.go:116-143 skips `isInActiveWindow` check.')).toBeUndefined();
    expect(nearby('- Claude verified the fix against `req.ProgressIndex` (tokens already computed) at `simulator.go:10`')).toEqual([{ name: 'ProgressIndex', qualifier: 'req', code: true }]);
  });

  it('reads names only from the citation\'s own sentence and table cell', () => {
    expect(nearby('The old path is gone. Remove `clampRequests` call (observe_cmd.go:384-391). Then add `Foo` to `Bar`.')).toEqual([
      { name: 'clampRequests', code: true, kind: 'use', edited: true },
    ]);
    const cs = citations(['| Source | Plan | Reason |', '|---|---|---|', '| "Update the call at observe_cmd.go:607" | Also updates `runObserveOrchestrator` sites | CORRECTION |'].join('\n'));
    expect(cs[0]?.nearby).toBeUndefined();
  });
});

describe('paths and line numbers', () => {
  it('reads the first line of a line list and marks the citation a list', () => {
    const [c] = citations('- Modify: `CLAUDE.md:209,211` (remove stale kvcache entries)');
    expect(c).toMatchObject({ path: 'CLAUDE.md', startLine: 209, endLine: 209, lineList: true });
  });

  it('marks an approximate line', () => {
    expect(citations('Site 1 — `generator.go:~114` (reasoning requests)')[0]).toMatchObject({ path: 'generator.go', startLine: 114, approximate: true });
    expect(citations('6. Remove the function definition (~observe_cmd.go:767-777).')[0]).toMatchObject({ path: 'observe_cmd.go', approximate: true });
    // "(approx)" after the citation says it too, and does not part the citation from its code.
    const [c] = citations('- `cmd/root.go:1476` (approx): `sim.NewPolicyConfig(priorityPolicy, scheduler, preemptionPolicy)`');
    expect(c).toMatchObject({ path: 'cmd/root.go', startLine: 1476, approximate: true, symbol: 'NewPolicyConfig' });
  });

  it('does not read Type.Method for a file', () => {
    expect(citations('replace the block in `AdmissionDecisionEvent.Execute` (lines 178-208) with:')).toEqual([]);
  });

  it('marks absolute paths, "..", line 0 and reversed ranges malformed', () => {
    const cs = citations('See `/home/me/repo/sim/a.go:12`, `../other/b.go:3`, `sim/c.go:0` and `sim/d.go:20-10`.');
    expect(cs.map((c) => [c.path, c.malformed !== undefined])).toEqual([
      ['/home/me/repo/sim/a.go', true],
      ['../other/b.go', true],
      ['sim/c.go', true],
      ['sim/d.go', true],
    ]);
  });
});
