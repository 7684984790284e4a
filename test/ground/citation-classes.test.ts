/**
 * Citation checks on the classes of misreading found in real plans, each from a fragment shaped
 * like the plan line it came from (test/precision/citations.jsonl holds the labelled originals).
 */
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/rules/types.js';
import { tempRepo, type TempRepo } from './git-fixture.js';
import { grounder } from './ground-plan.js';
import { widgetPlan as plan } from './widget-plan.js';
import { md as lines } from '../helpers.js';

const SPEC_V1 = lines(
  'package workload', //                                   1
  '', //                                                   2
  '// ClientSpec describes one client.', //                3
  'type ClientSpec struct {', //                           4
  '\tID        string `yaml:"id"`', //                     5
  '\tRate      float64 `yaml:"rate"`', //                 6
  '\tStreaming bool `yaml:"streaming"`', //               7
  '\tModel     string `yaml:"model"`', //                 8
  '}', //                                                  9
);

const EVENTS_V1 = lines(
  'package cluster', //                                            1
  '', //                                                           2
  'type NodeReadyEvent struct{}', //                               3
  'type NodeDrainedEvent struct{}', //                             4
  '', //                                                           5
  'func (e *NodeReadyEvent) Execute(cs *ClusterSimulator) {', //   6
  '\tinst := cs.newInstance()', //                                 7
  '\tcs.instances = append(cs.instances, inst)', //                8
  '}', //                                                          9
  '', //                                                           10
  'func (e *NodeDrainedEvent) Execute(cs *ClusterSimulator) {', // 11
  '\tcs.drain()', //                                               12
  '}', //                                                          13
);

const ROOT_V1 = lines(
  'package cmd', //                                                       1
  '', //                                                                  2
  'import "fmt"', //                                                      3
  '', //                                                                  4
  'var (', //                                                             5
  '\tpromptTokensMin int // Min Prompt Token Count', //                   6
  ')', //                                                                 7
  '', //                                                                  8
  'func report(rate float64) {', //                                      9
  '\tfmt.Printf("Rate: %.4f\\n", rate)', //                               10
  '\tq := NewGatewayQueue("fifo")', //                                   11
  '\t_ = q', //                                                           12
  '}', //                                                                 13
);

// Three lines added on top of root.go: report() and its lines move down by 3; the comment above report too.
const ROOT_V2 = lines(
  'package cmd',
  '',
  'import "fmt"',
  '',
  '// added',
  'var verbose bool',
  '',
  'var (',
  '\tpromptTokensMin int // Min Prompt Token Count',
  ')',
  '',
  'func report(rate float64) {',
  '\tfmt.Printf("Rate: %.4f\\n", rate)',
  '\tq := NewGatewayQueue("fifo")',
  '\t_ = q',
  '}',
);


const SATURATION = lines(
  'package workload', //                                    1
  '', //                                                    2
  '// NewConfig builds a config.', //                       3
  'func NewConfig(n int) Config {', //                      4
  '\tif n < 0 {', //                                        5
  '\t\tpanic("n must be >= 0")', //                         6
  '\t}', //                                                 7
  '\treturn Config{N: n}', //                               8
  '}', //                                                   9
  '', //                                                    10
  '// Config holds the settings.', //                       11
  'type Config struct {', //                                12
  '\tN int', //                                             13
  '}', //                                                   14
  '', //                                                    15
  '// WindowMetrics captures per-window metrics.', //       16
  'type WindowMetrics struct {', //                         17
  '\tStart int64', //                                       18
  '\tEnd   int64', //                                       19
  '}', //                                                   20
  '', //                                                    21
  'func helper() int {', //                                 22
  '\ta := 1', //                                            23
  '\tb := 2', //                                            24
  '\tc := 3', //                                            25
  '\td := 4', //                                            26
  '\te := 5', //                                            27
  '\tf := 6', //                                            28
  '\treturn a + b + c + d + e + f', //                      29
  '}', //                                                   30
  '', //                                                    31
  '// computeWindowMetrics computes per-window metrics.', // 32
  'func computeWindowMetrics(n int) []WindowMetrics {', //  33
  '\tout := make([]WindowMetrics, 0, n)', //                34
  '\tfor i := 0; i < n; i++ {', //                          35
  '\t\tout = append(out, WindowMetrics{Start: int64(i)})', // 36
  '\t}', //                                                 37
  '\treturn out', //                                        38
  '}', //                                                   39
);

const OBSERVE = lines(
  'package cmd', //                                                              1
  '', //                                                                         2
  'var (', //                                                                    3
  '\tobserveRate float64', //                                                    4
  ')', //                                                                        5
  '', //                                                                         6
  'func init() {', //                                                            7
  '\tobserveCmd.Flags().Float64Var(&observeRate, "rate", 0, "Requests per second")', // 8
  '}', //                                                                        9
  '', //                                                                         10
  'func runObserve() {', //                                                      11
  '\treqs := load()', //                                                         12
  '\treqs = clampRequests(reqs)', //                                             13
  '\tsend(reqs)', //                                                             14
  '}', //                                                                        15
  '', //                                                                         16
  'func clampRequests(r []int) []int { return r }', //                           17
);

const BUNDLE = lines(
  'package sim', //                                           1
  '', //                                                      2
  'func load() {}', //                                        3
  '', //                                                      4
  '// Valid policy name registries.', //                      5
  '// Used by Validate().', //                                6
  'var (', //                                                 7
  '\tvalidAdmissionPolicies = map[string]bool{"": true}', //  8
  '\tvalidRoutingPolicies   = map[string]bool{"": true}', //  9
  '\tvalidPriorityPolicies  = map[string]bool{"": true}', //  10
  ')', //                                                     11
);

// A range check that a later revision moved into a validation function of its own.
const VALIDATE_V1 = lines(
  'package cmd',
  '',
  'func run(min, max int) {',
  '\tif min > max {',
  '\t\tlogrus.Fatalf("prompt-tokens should be in range [prompt-tokens-min, prompt-tokens-max]")',
  '\t}',
  '\tstart()',
  '}',
);
const VALIDATE_V2 = lines(
  'package cmd',
  '',
  'func run(min, max int) {',
  '\tif msg := validate(min, max); msg != "" {',
  '\t\tlogrus.Fatalf("%s", msg)',
  '\t}',
  '\tstart()',
  '}',
  '',
  'func validate(min, max int) string {',
  '\tif min > max {',
  '\t\treturn "prompt-tokens should be in range [prompt-tokens-min, prompt-tokens-max]"',
  '\t}',
  '\treturn ""',
  '}',
);

let repo: TempRepo;
let v1: string;
let v2: string;

beforeAll(() => {
  repo = tempRepo();
  repo.write({
    'sim/workload/spec.go': SPEC_V1,
    'sim/cluster/events.go': EVENTS_V1,
    'cmd/root.go': ROOT_V1,
    'cmd/replay.go': lines('package cmd', '', 'func replay() {}'),
    'sim/workload/replay.go': lines('package workload', '', 'func load() {', '\treq := &sim.Request{ID: "a"}', '\t_ = req', '}'),
    'sim/workload/saturation.go': SATURATION,
    'cmd/observe.go': OBSERVE,
    'sim/bundle.go': BUNDLE,
    'cmd/validate.go': VALIDATE_V1,
  });
  // A link that leaves the repository: reading it must be refused, and reported once.
  symlinkSync(join(repo.dir, '..', 'elsewhere.md'), join(repo.dir, 'outside.md'));
  v1 = repo.commit('v1');
  repo.write({ 'cmd/root.go': ROOT_V2, 'cmd/validate.go': VALIDATE_V2 });
  v2 = repo.commit('v2');
});

const ground = grounder(() => repo.dir);

const summary = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.ruleId}: ${d.message}`);

it('is linted as a plan (so an empty report means the citation was judged right)', async () => {
  expect(summary(await ground(plan('- `Gone` at `cmd/root.go:3`')))).toEqual(['citation-gone: `Gone` is not in cmd/root.go (the working tree): fix or remove the citation.']);
});

describe('what a citation quotes', () => {
  it('does not report the words between a symbol and its citation as gone code', async () => {
    expect(await ground(plan('- `promptTokensMin` declared at `cmd/root.go:6`, flag registered at line 871'), { base: v1 })).toEqual([]);
  });
});

describe('containers', () => {
  it('accepts a field cited inside the struct named next to the citation', async () => {
    expect(await ground(plan('- `Streaming` in `ClientSpec` at `sim/workload/spec.go:7` — YAML field `streaming`'))).toEqual([]);
  });

  it('accepts a line inside the function named next to the citation', async () => {
    expect(await ground(plan('- `report` at `cmd/root.go:11` hardcodes the dispatch order'), { base: v1 })).toEqual([]);
  });

  it('tells a method from another type\'s method of the same name', async () => {
    expect(await ground(plan('- In `NodeReadyEvent.Execute` (sim/cluster/events.go:8, after the append), add the instance'))).toEqual([]);
    const ds = await ground(plan('- In `NodeDrainedEvent.Execute` (sim/cluster/events.go:7), drain it'));
    expect(summary(ds)).toEqual(['citation-moved: `NodeDrainedEvent.Execute` is now at sim/cluster/events.go:11, not line 7: update the citation (lint --fix does).']);
  });
});

describe('ranges and look-alikes', () => {
  it('matches a quote that differs only in escapes and whitespace', async () => {
    expect(await ground(plan('- the line `fmt.Printf("Rate: %.4f", rate)` at `cmd/root.go:10`'), { base: v1 })).toEqual([]);
  });

  it('follows a range that opens on a blank line to where its code went, with --against', async () => {
    const ds = await ground(plan('- Modify: `cmd/root.go:8-13` (report)', v1), { against: v2 });
    expect(summary(ds)).toEqual(['citation-moved: the cited code is now at cmd/root.go:11-16, not lines 8-13: update the citation (lint --fix does).']);
  });

  it('uses the citation\'s own code to pick between two files of the same name', async () => {
    expect(await ground(plan('- `sim.Request{}`: `replay.go:4` (load), `generator.go` (multiple)'))).toEqual([]);
  });

  it('with --against, reports code whose message moved into another function as changed, not gone', async () => {
    const ds = await ground(plan('- the range check fails the run (`cmd/validate.go:5`)', v1), { against: v2 });
    expect(summary(ds)).toEqual(["citation-changed: `validate` (now cmd/validate.go:10) changed since the plan's base: re-check what the plan says about it."]);
  });

  it('does not rewrite a move to code that occurs more than once', async () => {
    const ds = await ground(plan('- `_ = q` at `cmd/root.go:3`'), { base: v1 });
    expect(ds.map((d) => [d.ruleId, d.fix])).toEqual([['citation-moved', { span: ds[0]!.span, replacement: 'cmd/root.go:12', once: true }]]);
    const twice = await ground(plan('- `cs` at `sim/cluster/events.go:3`'));
    expect(twice.map((d) => [d.ruleId, d.fix])).toEqual([['citation-moved', undefined]]);
  });
});

describe('paths', () => {
  it('does not report another project\'s file (one of a kind the repository has none of)', async () => {
    expect(await ground(plan('- the index correction (analog of vLLM `scheduler.py:853` `req_index -= 1`)'))).toEqual([]);
  });

  it('reports absolute paths, "..", line 0 and reversed ranges as malformed citations', async () => {
    const ds = await ground(plan('See `/home/me/repo/cmd/root.go:3`, `../cmd/root.go:3`, `cmd/root.go:0` and `cmd/root.go:9-5`.'));
    expect(ds.map((d) => d.message)).toEqual([
      'Malformed citation /home/me/repo/cmd/root.go:3: /home/me/repo/cmd/root.go is an absolute path: cite it from the repository root.',
      'Malformed citation ../cmd/root.go:3: ../cmd/root.go climbs out with "..": cite it from the repository root.',
      'Malformed citation cmd/root.go:0: line 0 does not exist: lines count from 1.',
      'Malformed citation cmd/root.go:9: the range 9-5 runs backwards: write it as 5-9.',
    ]);
  });

  it('reports a cited symlink that leaves the repository once, as a finding, not an internal error', async () => {
    const ds = await ground(plan('- `Thing` at `outside.md:1`'));
    expect(ds.map((d) => d.ruleId)).toEqual(['citation-exists']);
    expect(ds[0]!.message).toMatch(/^Cited file outside\.md cannot be read: .*symlink.*outside the repository root/);
  });

  it('strips a line list before checking a task\'s file path', async () => {
    const ds = await ground(
      plan('## Part 2: Executable Tasks\n\n### Task 1: Edit\n\n**Files:**\n- Modify: `cmd/root.go:5-6,9-13` (report)\n- Modify: `cmd/gone.go:1-3`'),
      { base: v1 },
    );
    expect(ds.filter((d) => d.ruleId === 'task-files-exist').map((d) => d.message)).toEqual([
      `Task 1 modifies cmd/gone.go, which does not exist in ${v1} and no earlier task creates it.`,
    ]);
  });
});

describe('names the sentence gives a citation without tying them to it', () => {
  it('follows the declaration the words after a citation name to where it is', async () => {
    const ds = await ground(plan('- Modify: `sim/workload/saturation.go:5-8` (WindowMetrics struct)'));
    expect(summary(ds)).toEqual([
      'citation-moved: `WindowMetrics` (named beside the citation) is now at sim/workload/saturation.go:17-20, not lines 5-8: update the citation (lint --fix does).',
    ]);
    expect(ds[0]!.fix?.replacement).toBe('sim/workload/saturation.go:17-20');
  });

  it('takes a range that opens a little before the named function for it, not one that is mostly another function', async () => {
    expect(await ground(plan('- Modify: `sim/workload/saturation.go:30-39` (computeWindowMetrics function)'))).toEqual([]);
    expect(await ground(plan('- Modify: `sim/workload/saturation.go:34-36` (sample preparation in computeWindowMetrics)'))).toEqual([]);
    const ds = await ground(plan('- Modify: `sim/workload/saturation.go:22-39` (computeWindowMetrics function)'));
    expect(summary(ds)).toEqual([
      'citation-moved: `computeWindowMetrics` (named beside the citation) is now at sim/workload/saturation.go:33-50, not lines 22-39: update the citation (lint --fix does).',
    ]);
  });

  it('reports what the plan removes and the file has nowhere as gone, with a warning and no fix', async () => {
    const ds = await ground(plan('4. Remove `validateMinTokensMean` check (cmd/observe.go:12-14):\n5. Remove `--min-tokens` flag registration (cmd/observe.go:8):'));
    expect(ds.map((d) => [d.ruleId, d.severity, d.message, d.fix])).toEqual([
      ['citation-gone', 'warning', '`validateMinTokensMean` (named beside the citation) is not in cmd/observe.go (the working tree): fix or remove the citation.', undefined],
      ['citation-gone', 'warning', '`--min-tokens` (named beside the citation) is not in cmd/observe.go (the working tree): fix or remove the citation.', undefined],
    ]);
  });

  it('looks for a use where the plan says a use is cited, and a flag where it is registered', async () => {
    expect(await ground(plan('5. Remove `clampRequests` call (cmd/observe.go:13).\n2. Remove `--rate` flag registration (cmd/observe.go:8).'))).toEqual([]);
    const ds = await ground(plan('5. Remove `clampRequests` call (cmd/observe.go:4).'));
    expect(summary(ds)).toEqual(['citation-moved: `clampRequests` (named beside the citation) is now at cmd/observe.go:13, not line 4: update the citation (lint --fix does).']);
  });

  it('takes the doc comment of a Go var group for every name in it', async () => {
    expect(await ground(plan('- Modify: `sim/bundle.go:4` — add `"deadline-aware"` to `validPriorityPolicies`'))).toEqual([]);
    const ds = await ground(plan('- Modify: `sim/bundle.go:3` — add `"deadline-aware"` to `validPriorityPolicies`'));
    expect(summary(ds)).toEqual(['citation-moved: `validPriorityPolicies` (named beside the citation) is now at sim/bundle.go:10, not line 3: update the citation (lint --fix does).']);
  });

  it('says nothing of what the plan adds, of names it cannot place, or of a sentence that denies them', async () => {
    expect(await ground(plan('- `cmd/observe.go:12` — add `validateMinTokensMean` call to `runObserve`'))).toEqual([]);
    // Declared in another file: the sentence's subject, not what the cited line holds.
    expect(await ground(plan('- `ClientSpec` with one client already passes the test (`cmd/observe.go:12`)'))).toEqual([]);
    // Two names, both elsewhere: which one the citation is about is not said.
    expect(await ground(plan('- `runObserve` hands the requests to `clampRequests` before sending them (`cmd/observe.go:4`)'))).toEqual([]);
    expect(await ground(plan('- the path at `cmd/observe.go:4` skips the `clampRequests` call'))).toEqual([]);
  });
});

describe('slack', () => {
  it('takes code a line or two past a range for the cited code, but holds a single line closer', async () => {
    expect(await ground(plan('- `_ = q` (`cmd/root.go:9-10`)'), { base: v1 })).toEqual([]);
    expect(summary(await ground(plan('- `_ = q` (`cmd/root.go:10`)'), { base: v1 }))).toEqual([
      'citation-moved: `_ = q` is now at cmd/root.go:12, not line 10: update the citation (lint --fix does).',
    ]);
  });

  it('holds a line marked "(approx)" to a few lines, and reads the code after it', async () => {
    expect(await ground(plan('- `sim/workload/saturation.go:31` (approx): `for i := 0; i < n; i++ {`'))).toEqual([]);
    expect(summary(await ground(plan('- `sim/workload/saturation.go:25` (approx): `for i := 0; i < n; i++ {`')))).toEqual([
      'citation-moved: `for i := 0; i < n; i++ {` is now at sim/workload/saturation.go:35, not line 25: update the citation (lint --fix does).',
    ]);
  });
});
