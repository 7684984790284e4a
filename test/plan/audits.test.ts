/** Construction-site audits in Phase 0, as the plan model reads them (construction-sites-complete checks them against the code). */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse.js';

function phase0(...body: string[]): string {
  return ['# Widget Implementation Plan', '', '## Phase 0: Component Context', '', ...body, '', '## Part 1: Design Validation', '', 'Text.', ''].join('\n');
}

function audits(markdown: string): Array<[string, string[]]> {
  return parsePlan(markdown, 'plan.md').audits.map((a) => [a.typeName, a.listed.map((c) => `${c.path}:${c.startLine}`)]);
}

describe('construction-site audits', () => {
  it('reads the table `microplan sites` prints, pasted under its summary line', () => {
    const pasted = phase0(
      '**Construction sites of `Pair`:** 2 sites in 1 file (2 composite-literal).',
      '',
      '| # | Site | Kind | Enclosing |',
      '|---|------|------|-----------|',
      '| 1 | `server/literals.go:21` | composite-literal | `literals` |',
      '| 2 | `server/literals.go:22` | composite-literal | `literals` |',
    );
    expect(audits(pasted)).toEqual([['Pair', ['server/literals.go:21', 'server/literals.go:22']]]);
  });

  it('reads the list an audit leads, nested items and continuation lines included, up to the next paragraph', () => {
    const plan = phase0(
      'Construction sites of `tar.Header`:',
      '- `archive/tar/reader.go:10` (next)',
      '  - and `archive/tar/reader.go:20`',
      '- `archive/tar/writer.go:5`,',
      '  continued',
      '',
      'Other prose citing `archive/tar/common.go:1`.',
    );
    expect(audits(plan)).toEqual([['tar.Header', ['archive/tar/reader.go:10', 'archive/tar/reader.go:20', 'archive/tar/writer.go:5']]]);
  });

  it('reads an audit that is itself a list item, with what is nested in it and not the items after it', () => {
    const plan = phase0('1. **Construction site audit for', '   `RequestMetrics{}`:**', '   - `sim/metrics.go:34`', '2. Next item citing `sim/other.go:3`');
    expect(audits(plan)).toEqual([['RequestMetrics', ['sim/metrics.go:34']]]);
  });

  it('reads one audit per item when the lead names no type, the type an item begins with', () => {
    const plan = phase0(
      '4. **Construction site audit:**',
      '   - `RawMetrics` struct in `sim/cluster/metrics.go` — one construction site in `CollectRawMetrics()`.',
      '   - `Request.Streaming` removal touches 2 production sites: `sim/workload/generator.go:272`, `sim/workload/replay.go:54`.',
      '   - `NewRoutingPolicy` — sole construction site for `WeightedScoring` (`routing.go:268`).',
      '   - `NewBatchConfig` — 1 production site (`cmd/root.go:685`).',
      '   - `SequenceSampler{}` — new type, 1 construction site in `Load()`.',
      '   - `HardwareCalib` — NOT modified.',
    );
    expect(audits(plan)).toEqual([
      ['RawMetrics', []],
      ['Request', ['sim/workload/generator.go:272', 'sim/workload/replay.go:54']],
      ['WeightedScoring', ['routing.go:268']],
    ]);
    const [raw] = parsePlan(plan, 'plan.md').audits;
    expect([raw!.locations, raw!.names]).toEqual([[{ path: 'sim/cluster/metrics.go', ranges: [] }], ['CollectRawMetrics']]);
  });

  it('reads line lists, files without lines, functions, and tests spoken of together', () => {
    const plan = phase0(
      '**Construction sites of `KVCapacityParams`:**',
      '- built in `ExtractKVCapacityParams`; 8 test struct-literal sites (`sim/latency/kv_capacity_test.go:45,334`)',
      '- `sim/workload/tracev2.go:parseTraceRecord`, `replay_test.go` (multiple), `tracev2.go:395` (RequestsToTraceRecords)',
    );
    const [a] = parsePlan(plan, 'plan.md').audits;
    expect(a!.locations).toEqual([
      { path: 'sim/latency/kv_capacity_test.go', ranges: [[45, 45], [334, 334]] },
      { path: 'sim/workload/tracev2.go', ranges: [], function: 'parseTraceRecord' },
      { path: 'replay_test.go', ranges: [] },
      { path: 'tracev2.go', ranges: [[395, 395]] },
    ]);
    expect(a!.names).toEqual(['RequestsToTraceRecords', 'ExtractKVCapacityParams', 'parseTraceRecord']);
    expect(a!.testsAccounted).toBe(true);
  });

  it('takes no problem statement, task step or single claim for an audit: an audit lists sites under its lead', () => {
    const plan = phase0(
      '**The problem today:** `SimConfig` has 61 construction sites across 17 files.',
      '',
      '- `Request.Streaming` removal touches 2 construction sites in `sim/workload/generator.go` of `sim.Request`.',
      '',
      '4. **Construction site audit:** `PendingRequest{}` is constructed in exactly one place: `requestToPending`.',
      '5. **Next:** text',
      '',
      'Replace all other test construction sites with `NewKVCapacityParams(...)`:',
      '- Line 334: `KVCapacityParams{}`',
    );
    expect(audits(plan)).toEqual([]);
  });

  it('knows a plan that says there is nothing to audit', () => {
    expect(audits(phase0('**Construction Site Audit:**', '- `SimResult` is a new type with no existing construction sites.'))).toEqual([]);
    expect(audits(phase0('4. **Construction site audit:** No struct fields added. `SaveResults` changes — all call sites:', '   - `cmd/root.go:662`'))).toEqual([]);
  });

  it('does not take a checklist item, a table row or a code block for an audit', () => {
    const plan = phase0(
      '- [x] Construction site audit: `Config` has 1 site',
      '',
      '| Risk | Note |',
      '|------|------|',
      '| Drift | `Config` construction sites audited |',
      '',
      '```go',
      '// construction sites of `Config`',
      '```',
    );
    expect(audits(plan)).toEqual([]);
  });
});
