/**
 * sp-type-consistency: names a task uses are the names the plan (or, with --repo, the repository)
 * defines. Without the repository only what the plan alone decides is reported.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lintRule, md } from '../../helpers.js';
import { nearNames, signatureName, spTypeConsistency } from '../../../src/formats/superpowers/rules/type-consistency.js';
import { tempRepo, type TempRepo } from '../../ground/git-fixture.js';
import { grounder } from '../../ground/ground-plan.js';

const HEAD = ['# Layers Implementation Plan', '', '**Goal:** Reset the map.', '', '**Tech Stack:** TypeScript, Python 3.12', '', '---', ''];
const plan = (...lines: string[]): string => md(...HEAD, ...lines);
const lint = (text: string) => lintRule('sp-type-consistency', text);
const impl = (lang: string, ...code: string[]): string[] => ['- [ ] **Step 1: Write minimal implementation**', '', '```' + lang, ...code, '```', ''];

describe('sp-type-consistency', () => {
  it('reports a call one slip away from a function another task defines, naming both', async () => {
    const ds = await lint(
      plan(
        '### Task 3: Clear layers',
        '',
        ...impl('ts', 'export function clearLayers(map: LayerMap): void {', '  map.layers.length = 0;', '}'),
        '### Task 7: Reset view',
        '',
        ...impl('ts', 'export function resetView(map: LayerMap): void {', '  clearFullLayers(map);', '}'),
      ),
    );
    expect(ds.map((d) => d.message)).toEqual(['Task 7 calls `clearFullLayers()`, which no task defines; Task 3 defines `clearLayers`: use one name for both.']);
    expect(ds[0]!.span.start).toEqual({ line: 25, column: 3 });
  });

  it('stays quiet about names the plan does not define at all, and about a wrapper calling what it wraps', async () => {
    const text = plan(
      '### Task 10: Engine config',
      '',
      ...impl('ts', 'export function newEnginePolicyConfig(p: string): PolicyConfig {', '  const cfg = newPolicyConfig(p);', '  return loadDefaults(cfg);', '}'),
    );
    expect(await lint(text)).toEqual([]);
  });

  it('reports a name a task consumes that only a later task produces', async () => {
    const text = plan(
      '### Task 1: CLI contract',
      '',
      '**Interfaces:**',
      '- Consumes `controlplane.cmd_task_recover(task_id: str) -> int`.',
      '',
      '### Task 2: Archive',
      '',
      '**Interfaces:**',
      '- Produces `cmd_task_recover(task_id: str) -> int`.',
    );
    const ds = await lint(text);
    expect(ds.map((d) => d.message)).toEqual(['Task 1 consumes `cmd_task_recover`, which only Task 2 produces — a later task: produce it earlier, or consume it where it exists.']);
  });

  it('orders tasks numbered within a phase by their place, and names them in full ("Task 1.1")', async () => {
    const text = plan(
      '### Task 1.1: CLI contract',
      '',
      '**Interfaces:**',
      '- Consumes `controlplane.cmd_task_recover(task_id: str) -> int`.',
      '',
      '### Task 1.2: Archive',
      '',
      '**Interfaces:**',
      '- Produces `cmd_task_recover(task_id: str) -> int`.',
    );
    const ds = await lint(text);
    expect(ds.map((d) => d.message)).toEqual(['Task 1.1 consumes `cmd_task_recover`, which only Task 1.2 produces — a later task: produce it earlier, or consume it where it exists.']);
  });

  it('accepts a consumed name the entry says a later task makes ("Consumes future …")', async () => {
    const text = plan(
      '### Task 1: CLI contract',
      '',
      '**Interfaces:**',
      '- Consumes future `controlplane.cmd_task_recover(task_id: str) -> int`.',
      '',
      '### Task 2: Archive',
      '',
      '**Interfaces:**',
      '- Produces `cmd_task_recover(task_id: str) -> int`.',
    );
    expect(await lint(text)).toEqual([]);
  });

  it('reports a name that code for a new Python file reads but nothing defines or imports', async () => {
    const text = plan(
      '### Task 1: README contract test',
      '',
      '**Files:**',
      '- Create: `tests/test_readme_docs.py`',
      '',
      '- [ ] **Step 1: Write failing documentation behavior test**',
      '',
      '```python',
      'def test_readmes_link_to_each_other():',
      '    english = (REPO / "README.md").read_text()',
      '    assert "README.zh-CN.md" in english',
      '```',
    );
    const ds = await lint(text);
    expect(ds.map((d) => d.message)).toEqual([
      "Task 1's code for tests/test_readme_docs.py, a file the task creates, uses `REPO`, which no code in the plan defines or imports: define or import it in the code shown.",
    ]);
  });

  it('accepts a new Python file whose names are imported or bound', async () => {
    const text = plan(
      '### Task 1: README contract test',
      '',
      '**Files:**',
      '- Create: `tests/test_readme_docs.py`',
      '',
      '- [ ] **Step 1: Write failing documentation behavior test**',
      '',
      '```python',
      'from pathlib import Path',
      'REPO = Path(__file__).resolve().parents[1]',
      'def test_readmes(tmp_path):',
      '    english = (REPO / "README.md").read_text()',
      '    for line in english.splitlines():',
      '        assert line is not None, tmp_path',
      '```',
    );
    expect(await lint(text)).toEqual([]);
  });
});

describe('names one slip apart', () => {
  it.each([
    ['clearLayers', 'clearFullLayers', true],
    ['loadProfile', 'loadProfiles', true],
    ['newFoo', 'NewFoo', true],
    ['query_gemm', 'query_context_gemm', true],
    ['newFooReader', 'newFooWriter', false],
    ['run', 'runAll', false],
    ['NewPolicyConfig', 'NewEnginePolicyConfig', true],
    // A type and a function by their case conventions (the tempfile crate's type, std's function).
    ['TempDir', 'temp_dir', false],
  ])('%s / %s → %s', (a, b, near) => {
    expect(nearNames(a, b)).toBe(near);
  });

  it('reads the name a signature declares', () => {
    expect(signatureName('controlplane.cmd_task_recover(task_id: str) -> int')).toBe('cmd_task_recover');
    expect(signatureName('Winpepper.Corrections.CorrectionStore')).toBe('CorrectionStore');
    expect(signatureName('harness task recover TASK-005')).toBeUndefined();
  });
});

describe('sp-type-consistency with --repo', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = tempRepo();
    repo.write({
      'go.mod': 'module example.com/m\n',
      'sim/queue.go': 'package sim\n\ntype WaitQueue struct{ items []int }\n\nfunc (q *WaitQueue) Enqueue(i int) { q.items = append(q.items, i) }\n\nfunc newRequest() int { return 1 }\n',
      'cmd/root.go': 'package cmd\n\nfunc Execute() {}\n',
    });
    repo.commit('base');
  });
  const ground = grounder(() => repo.dir, [spTypeConsistency]);

  it('reports a Go call that no task defines and the repository does not declare', async () => {
    const text = plan(
      '### Task 3: Preemption tests',
      '',
      '**Files:**',
      '- Test: `sim/batch_test.go`',
      '',
      '- [ ] **Step 1: Write the failing test**',
      '',
      '```go',
      'func TestPreempt(t *testing.T) {',
      '\twq := sim.NewWaitQueue()',
      '\twq.Enqueue(newRequest())',
      '\tpath := kernelLookupTestProfilePath(t)',
      '\t_ = path',
      '}',
      '```',
    );
    const ds = await ground(text);
    expect(ds.map((d) => d.message)).toEqual([
      'Task 3 calls `sim.NewWaitQueue()`, which no task defines and the repository does not declare it: define it in a task or fix the name.',
      'Task 3 calls `kernelLookupTestProfilePath()`, which no task defines and the repository does not declare it: define it in a task or fix the name.',
    ]);
  });

  it('reads `cmd.Flags()` in a file of package cmd as a method of a variable, not a call into package cmd', async () => {
    const text = plan('### Task 4: Flags', '', '**Files:**', '- Modify: `cmd/root.go`', '', '- [ ] **Step 1: Add the flag**', '', '```go', 'cmd.Flags().StringVar(&path, "kernel-profile", "", "profile")', '```');
    expect(await ground(text)).toEqual([]);
  });
});
