/**
 * sp-interfaces: where a plan gives its tasks Interfaces blocks (later versions of the skill),
 * each code task has one.
 */
import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../../helpers.js';

const HEAD = ['# Recovery Implementation Plan', '', '**Goal:** Recover a stale task.', '', '**Tech Stack:** Python 3.12, pytest', '', '---', ''];
const plan = (...lines: string[]): string => md(...HEAD, ...lines);
const TEST_STEP = ['- [ ] **Step 1: Write the failing test**', '', '```python', 'def test_recover():', '    assert recover("T-1") == 0', '```', ''];

describe('sp-interfaces', () => {
  it('holds no plan without Interfaces blocks to them', async () => {
    expect(await lintRule('sp-interfaces', plan('### Task 1: Recover', '', ...TEST_STEP))).toEqual([]);
  });

  it('reports a code task without the block in a plan that uses them, but not a verification task', async () => {
    const text = plan(
      '### Task 1: Recover',
      '',
      '**Interfaces:**',
      '- Produces `recover(task_id: str) -> int`.',
      '',
      ...TEST_STEP,
      '### Task 2: Archive',
      '',
      ...TEST_STEP,
      '### Task 3: Full verification',
      '',
      '- [ ] **Step 1: Run the suite**',
      '',
      'Run: `python -m pytest -q`',
      'Expected: PASS',
    );
    const ds = await lintRule('sp-interfaces', text);
    expect(ds.map((d) => d.message)).toEqual([
      'Task 2 has no **Interfaces:** block, though other tasks of the plan carry one: list what it consumes from earlier tasks and produces for later ones (or "nothing").',
    ]);
  });

  it('does not hold a documentation task to the form of a block it did not need', async () => {
    const docs = ['### Task 2: Chinese README', '', '**Files:**', '- Create: `README.zh-CN.md`', '', '**Interfaces:**', '- Sections: positioning, scope, workflow.', '', '- [ ] **Step 1: Write the README sections**', ''];
    expect(await lintRule('sp-interfaces', plan(...docs))).toEqual([]);
  });

  it('reports a block that says neither what it consumes nor what it produces', async () => {
    const ds = await lintRule('sp-interfaces', plan('### Task 2: READMEs', '', '**Interfaces:**', '- Both README files expose positioning, scope and workflow.', '', ...TEST_STEP));
    expect(ds[0]?.message).toContain('says neither what it consumes nor what it produces');
  });
});
