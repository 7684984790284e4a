import { headsTaskRange, taskNumberText } from '../../plan/tasks.js';
import type { CodeBlock, Plan } from '../../plan/types.js';
import type { Finding, Rule } from '../types.js';
import { taskHeadSpan } from './shared.js';

export const taskNumbering: Rule = {
  id: 'task-numbering',
  family: 'tasks',
  severity: 'error',
  formats: ['full', 'compact', 'superpowers'],
  description:
    'Tasks are numbered Task 1, Task 2, … Task N: each number once, in order, with no gaps. The executing agent, the test strategy table and the commit history all refer to tasks by number, so a duplicated or skipped number makes those references ambiguous. Superpowers plans may open with a "Task 0" (a setup task before the first change) or go on with an earlier plan\'s numbers (a phase 2 plan that opens at Task 16), may head a range of tasks ("## Task 3-8: Six Hooks" over "### Task 3" … "### Task 8", which uses no number of its own), and may number tasks within their chunks ("Task 1.1", "Task 2.1") or lettered parts ("Task A1", "Task B2-1", "Task A.1"), where only a number used twice is reported. When the numbers of a superpowers plan start over (a "## Revised Plan" over "### Task 1" after a first draft\'s tasks), the message names where the number was first used and asks to remove the tasks the new ones replace, or to renumber. When the heading of a skipped task stands inside a code block (a stray fence opened the block over it), the message names that heading and the fence instead of asking to renumber.',
  instruction: 'Number tasks "Task 1" to "Task N" in order, each number exactly once, with no gaps.',
  check(plan) {
    const out: Finding[] = [];
    if (plan.format === 'superpowers' && plan.tasks.some((t) => t.subnumber !== undefined || t.id !== undefined)) return duplicatedDotted(plan);
    // Each number's first heading line; its keys are the numbers seen so far.
    const firstAt = new Map<number, number>();
    let previous: number | undefined;
    let restartLine: number | undefined;
    // A superpowers plan may start with "Task 0: Provision the SDK", or go on with an earlier plan's numbers
    // ("Workspaces Phase 2" opens at Task 16 after phase 1's Task 15, and refers back to it).
    let expected = plan.format === 'superpowers' ? (plan.tasks[0]?.number ?? 1) : 1;
    for (const task of plan.tasks) {
      // "## Task 3-8: Six Hooks" over "### Task 3" … "### Task 8" heads the range; it does not use the number 3.
      if (headsTaskRange(plan.lines, task)) continue;
      const at = taskHeadSpan(plan, task);
      if (firstAt.has(task.number)) {
        // "## Revised Plan" over "### Task 1" after a first draft's Task 1-2: the numbers start over, and renumbering
        // would keep the draft as tasks to execute.
        if (restartLine === undefined && plan.format === 'superpowers' && previous !== undefined && task.number < previous) restartLine = at.start.line;
        out.push({
          message: restartLine !== undefined
            ? `Task ${task.number} appears more than once (first at line ${firstAt.get(task.number)}; the numbering starts over at line ${restartLine}): remove the tasks the new ones replace, or renumber the tasks 1..N so each number is used once.`
            : `Task ${task.number} appears more than once: renumber the tasks 1..N so each number is used once.`,
          span: at,
        });
      } else if (task.number !== expected) {
        const what = task.number > expected ? `skips Task ${expected}${task.number - 1 > expected ? `–${task.number - 1}` : ''}` : 'is out of order';
        const swallowed = task.number > expected ? headingInCode(plan, expected) : undefined;
        out.push({
          message: swallowed
            ? `Task ${task.number} ${what}: the heading of Task ${expected} (line ${swallowed.heading}) is inside a code block opened at line ${swallowed.block.span.start.line}: remove that fence, or close the block before the heading.`
            : `Task ${task.number} ${what} (expected Task ${expected} here): renumber the tasks 1..N in order.`,
          span: at,
        });
      }
      if (!firstAt.has(task.number)) firstAt.set(task.number, at.start.line);
      previous = task.number;
      expected = Math.max(...firstAt.keys()) + 1;
    }
    return out;
  },
};

/**
 * The missing task's heading, written but read as code: a stray fence ("```" right after a block closes) opens a
 * block that runs over "### Task 2: …", so the numbers are right and the fence is what to fix.
 */
function headingInCode(plan: Plan, number: number): { heading: number; block: CodeBlock } | undefined {
  const heading = new RegExp(`^\\s{0,3}#{1,6}\\s+Task\\s+${number}\\b`);
  for (const block of plan.codeBlocks) {
    const at = block.content.split('\n').findIndex((l) => heading.test(l));
    if (at >= 0) return { heading: block.contentLine + at, block };
  }
  return undefined;
}

/** "Task 1.1 … Task 2.1": chunks may be trimmed or hold one task; a number used twice is still ambiguous. */
function duplicatedDotted(plan: Plan): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const task of plan.tasks) {
    const name = taskNumberText(task);
    if (seen.has(name)) out.push({ message: `Task ${name} appears more than once: renumber the tasks so each number is used once.`, span: taskHeadSpan(plan, task) });
    seen.add(name);
  }
  return out;
}
