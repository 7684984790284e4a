/**
 * Rules written once for every format that hold for superpowers plans too, with what superpowers
 * plans write differently: a "Task 0", tasks numbered within chunks, manual steps, and Expected
 * left to sp-run-expected.
 */
import { describe, expect, it } from 'vitest';
import { lintRule } from '../../helpers.js';
import { spPlan, TASK } from './sp-plan.js';

const lint = async (id: string, text: string): Promise<string[]> => (await lintRule(id, text, { format: 'superpowers' })).map((d) => d.message);
const renumber = (n: string): string[] => TASK.map((l) => l.replace('### Task 1:', `### Task ${n}:`));

describe('task-numbering on superpowers plans', () => {
  it('accepts a plan that opens with Task 0, and tasks numbered within chunks', async () => {
    expect(await lint('task-numbering', spPlan({ tasks: [...renumber('0'), '', ...renumber('1')] }))).toEqual([]);
    expect(await lint('task-numbering', spPlan({ tasks: ['## Chunk 1', '', ...renumber('1.1'), '', '## Chunk 2', '', ...renumber('2.1')] }))).toEqual([]);
  });

  it('reports a skipped number and a dotted number used twice', async () => {
    expect(await lint('task-numbering', spPlan({ tasks: [...renumber('1'), '', ...renumber('3')] }))).toEqual(['Task 3 skips Task 2 (expected Task 2 here): renumber the tasks 1..N in order.']);
    expect(await lint('task-numbering', spPlan({ tasks: [...renumber('1.1'), '', ...renumber('1.1')] }))).toEqual(['Task 1.1 appears more than once: renumber the tasks so each number is used once.']);
  });
});

describe('task-exact-commands on superpowers plans', () => {
  it('does not hold them: their Run/Expected pairs are sp-run-expected\'s', async () => {
    const text = spPlan({ tasks: ['### Task 3: Evaluate', '', '- [ ] **Step 4: Verify**', '', 'Run: `python3 run.py --beta <BEST_B4>`', 'Expected: loss below 32%'] });
    expect(await lintRule('task-exact-commands', text)).toEqual([]);
  });
});

describe('fence-balanced on superpowers plans', () => {
  it('reports an unclosed fence', async () => {
    expect(await lint('fence-balanced', spPlan({ tasks: [...TASK.slice(0, 9), '```bash', 'echo "never closed"'] }))).toHaveLength(1);
  });
});
