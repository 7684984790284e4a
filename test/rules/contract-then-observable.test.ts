import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../helpers.js';

const head = ['# X Implementation Plan', '', '**Goal:** Do it.', '', '## Behavioral Contracts', ''];
const withThen = (then: string, ...rest: string[]): string => md(...head, 'BC-1: Thing', '- GIVEN a request', '- WHEN it is routed', `- THEN ${then}`, '', ...rest);
const THEN_LINE = 10;
const col = (then: string, token: string): number => '- THEN '.length + then.indexOf(token) + 1;

describe('contract-then-observable', () => {
  it('accepts THEN clauses that describe observable behavior', async () => {
    for (const then of [
      'it returns a policy that computes 0.0 for any request',
      'instances with higher cache hit rates rank higher than instances with lower ones',
      '`Decide()` returns instance 1 and the `--routing-policy` flag is accepted',
      'completed + queued + running + dropped == injected',
      'the JSON report contains `trace_info.matched_pairs == N` and `metrics.ttft`',
      'the warning is written to `sim/cluster/cluster.go` logs at 128 + 100 = 228 tokens',
      'the CLI exits with a **fatal** error for *negative* values',
    ]) {
      expect(await lintRule('contract-then-observable', withThen(then)), then).toEqual([]);
    }
  });

  it('flags a THEN that names a concrete type, at the type', async () => {
    const then = 'it returns a *ConstantPriority';
    const ds = await lintRule('contract-then-observable', withThen(then));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('names the type `*ConstantPriority`');
    expect(ds[0]!.span).toEqual({ start: { line: THEN_LINE, column: col(then, '*Constant') }, end: { line: THEN_LINE, column: col(then, '*Constant') + 17 } });
  });

  it('flags a type the plan itself declares in its code', async () => {
    const then = 'the caller gets a `Tally` back';
    const ds = await lintRule('contract-then-observable', withThen(then, '```go', 'type Tally struct { n int }', '```'));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('names the type `Tally`')]);
  });

  it('reads the classes a plan declares in plain JavaScript code, which has no interfaces or type aliases', async () => {
    const then = 'the caller gets a `Tally` back';
    const ds = await lintRule('contract-then-observable', withThen(then, '```js', 'export class Tally { constructor() { this.n = 0; } }', '```'));
    expect(ds.map((d) => [d.severity, d.message])).toEqual([['warning', expect.stringContaining('names the type `Tally`')]]);
  });

  it('accepts exported fields of a result: they are its public output, like the spec\'s `decision.TargetInstance`', async () => {
    const then = 'a warning is logged AND `record.Status` is `"error"` AND `record.ErrorMessage` names the status';
    expect(await lintRule('contract-then-observable', withThen(then))).toEqual([]);
  });

  it('flags an internal (unexported) field, once per clause, at the first', async () => {
    const then = 'the limiter\'s `limiter.tokenCount` is 4 AND `limiter.lastRefill` is now';
    const ds = await lintRule('contract-then-observable', withThen(then));
    expect(ds.map((d) => d.message)).toEqual([
      'THEN of BC-1 references the field `limiter.tokenCount` (and 1 more): describe the observable outcome (output, return value, later behavior) instead of internal state.',
    ]);
    expect(ds[0]!.span.start).toEqual({ line: THEN_LINE, column: col(then, 'limiter.tokenCount') });
  });

  it('reads a chain as package.Name when the plan\'s Go code names the package, in any of its spellings', async () => {
    const then = 'the run ends with `cluster.drainedCount` reported';
    const go = (...code: string[]): string[] => ['```go', ...code, '```'];
    for (const code of [
      go('import "example.com/sim/cluster"'),
      go('import cluster "example.com/sim/v2"'),
      go('package cluster'),
      go('var d cluster.Drained'),
    ]) {
      expect(await lintRule('contract-then-observable', withThen(then, ...code)), code.join(' ')).toEqual([]);
    }
    // A value's field (a selector, not a qualified type), Python's import, a comment: no package there.
    for (const code of [go('x := cluster.drainedCount'), ['```python', 'import cluster', '```'], go('// package cluster')]) {
      const ds = await lintRule('contract-then-observable', withThen(then, ...code));
      expect(ds.map((d) => d.message), code.join(' ')).toEqual([expect.stringContaining('references the field `cluster.drainedCount`')]);
    }
  });

  it('flags an internal field and the length of an internal collection', async () => {
    const ds = await lintRule('contract-then-observable', withThen('the router\'s cs.scoreCache has 3 entries'));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('`cs.scoreCache`')]);
    const ds2 = await lintRule('contract-then-observable', withThen('`len(x.items)` is 3'));
    expect(ds2.map((d) => d.message)).toEqual([expect.stringContaining('`len(x.items)`')]);
  });

  it('flags a reproduced formula, spanning the expression', async () => {
    const then = 'score equals 0.6*cacheHit + 0.4*(1-load)';
    const ds = await lintRule('contract-then-observable', withThen(then));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('reproduces the formula `0.6*cacheHit + 0.4*(1-load)`');
    expect(ds[0]!.span).toEqual({ start: { line: THEN_LINE, column: col(then, '0.6') }, end: { line: THEN_LINE, column: col(then, '0.6') + 27 } });
  });

  it('reports each kind once per clause', async () => {
    const ds = await lintRule('contract-then-observable', withThen('`cs.scoreA` and `cs.scoreB` equal 0.6*x + 0.4*y for a `*RoundRobin`'));
    expect(ds.map((d) => d.message.split(' ')[3]).sort()).toEqual(['names', 'references', 'reproduces']);
    expect(ds.find((d) => d.message.includes('references'))!.message).toContain('`cs.scoreA` (and 1 more)');
  });

  it('does not take a name that only looks like a type for a concrete one (an interface, a result a caller reads)', async () => {
    expect(await lintRule('contract-then-observable', withThen('the returned LatencyModel computes step times identically'))).toEqual([]);
    const ds = await lintRule('contract-then-observable', withThen('it returns a ConstantPriority'));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('names the type `ConstantPriority`')]);
  });

  it('flags an all-lowercase field when the plan\'s code declares it, and not a key it does not', async () => {
    const go = ['```go', 'type TokenBucket struct {', '\ttokens   int', '\tcapacity int', '}', '```'];
    const ds = await lintRule('contract-then-observable', withThen('`limiter.tokens` equals 4', ...go));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('references the field `limiter.tokens`')]);
    expect(await lintRule('contract-then-observable', withThen('`metrics.ttft` is reported', ...go))).toEqual([]);
    expect(await lintRule('contract-then-observable', withThen('`limiter.tokens` equals 4'))).toEqual([]);
  });
});
