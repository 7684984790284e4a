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
