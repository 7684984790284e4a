/**
 * `lint --fix` on citations: every rewrite computed once from one report, only unique moves, ok
 * citations untouched, idempotent; with --against the plan's Base follows the rewrite. And a
 * recorded Base the repository lacks (a shallow clone) is that plan's problem alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordBase } from '../../src/engine/fix.js';
import { lintFiles } from '../../src/engine/run.js';
import { tempRepo, type TempRepo } from '../ground/git-fixture.js';
import { widgetPlan as plan } from '../ground/widget-plan.js';
import { md as lines } from '../helpers.js';

const V1 = lines(
  'package cluster', //                        1
  '', //                                       2
  'func Run() {', //                           3
  '\tstart()', //                              4
  '}', //                                      5
  '', //                                       6
  'func Stop() {', //                          7
  '\thalt()', //                               8
  '}', //                                      9
);

// Run grows by four lines: Stop moves from 7 to 11; a second halt() appears in Run.
const V2 = lines('package cluster', '', 'func Run() {', '\tstart()', '\twarm()', '\thalt()', '\tcool()', '\tdone()', '}', '', 'func Stop() {', '\thalt()', '}');


const RULES = ['citation-exists', 'citation-moved', 'citation-changed', 'citation-gone'];
let repo: TempRepo;
let v1: string;
let v2: string;
let dir: string;

beforeAll(() => {
  repo = tempRepo();
  repo.write({ 'sim/cluster/cluster.go': V1 });
  v1 = repo.commit('v1');
  repo.write({ 'sim/cluster/cluster.go': V2 });
  v2 = repo.commit('v2');
  dir = mkdtempSync(join(tmpdir(), 'mp-fix-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(repo.dir, { recursive: true, force: true });
});

async function fix(name: string, text: string, options: { base?: string; against?: string }): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, text);
  await lintFiles([file], { repo: repo.dir, ruleIds: RULES, fix: true, ...options });
  return readFileSync(file, 'utf8');
}

describe('lint --fix on citations', () => {
  it('rewrites a unique move, leaves ok citations and repeated code alone, and a second run changes nothing', async () => {
    const body = ['- `Stop` at `sim/cluster/cluster.go:7`', '- `Run` at `sim/cluster/cluster.go:3`', '- `halt()` at `sim/cluster/cluster.go:2`'].join('\n');
    const once = await fix('at-head.md', plan(body), {});
    expect(once).toContain('- `Stop` at `sim/cluster/cluster.go:11`');
    expect(once).toContain('- `Run` at `sim/cluster/cluster.go:3`');
    // halt() occurs twice now: reported, never rewritten.
    expect(once).toContain('- `halt()` at `sim/cluster/cluster.go:2`');
    expect(await fix('at-head.md', once, {})).toBe(once);
  });

  it('with --against, rewrites to the later lines without cascading, records that revision as the Base, and is idempotent', async () => {
    const body = ['- stop: `sim/cluster/cluster.go:7-9`', '- run: `sim/cluster/cluster.go:3-4`'].join('\n');
    const once = await fix('against.md', plan(body, v1), { against: 'HEAD' });
    expect(once).toContain('- stop: `sim/cluster/cluster.go:11-13`');
    expect(once).toContain('- run: `sim/cluster/cluster.go:3-4`');
    expect(once).toContain(`**Base:** ${v2}`);
    expect(once).not.toContain(v1);
    expect(await fix('against.md', once, { against: 'HEAD' })).toBe(once);
  });
});

describe('recordBase', () => {
  it('replaces a recorded Base, keeping its backticks', () => {
    expect(recordBase(plan('x', '`abc123`'), 'def456')).toContain('**Base:** `def456`\n');
  });

  it('adds the field after the header when the plan has none', () => {
    expect(recordBase(plan('x'), 'def456')).toContain('**Closes:** Fixes #1\n**Base:** def456\n');
  });
});

describe('a Base commit the repository does not have', () => {
  it('is a problem of that plan, naming its Base line and fetch-depth: 0; the other plans are still linted', async () => {
    const shallow = join(dir, 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, shallow]);
    writeFileSync(join(dir, 'old.md'), plan('- `Stop` at `sim/cluster/cluster.go:7`', v1));
    writeFileSync(join(dir, 'new.md'), plan('- `Gone` at `sim/cluster/cluster.go:7`', v2));
    const report = await lintFiles([join(dir, 'old.md'), join(dir, 'new.md')], { repo: shallow, ruleIds: RULES });
    expect(report.problems).toEqual([
      {
        path: join(dir, 'old.md'),
        message: `line 6: **Base:** ${v1} is not in the repository (a shallow clone: its history stops before that commit); fetch the full history (\`git fetch --unshallow\`; in GitHub Actions, actions/checkout with \`fetch-depth: 0\`) or correct the Base line`,
      },
    ]);
    expect(report.files.map((f) => [f.path, f.diagnostics.map((d) => d.ruleId)])).toEqual([[join(dir, 'new.md'), ['citation-gone']]]);
  });
});
