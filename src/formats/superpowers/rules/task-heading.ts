import type { Rule } from '../../../rules/types.js';
import { clip, taskHeadSpan, taskName, taskSection } from './parts.js';

/** Words plans use for a unit of work instead of "Task". */
const OTHER_UNIT = /^(slice|chunk|phase|stage|milestone|increment|unit|part|step)\s+\d+(?:\.\d+)?\b/i;

export const spTaskHeading: Rule = {
  id: 'sp-task-heading',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description:
    'Tasks are headed "### Task N: [Component Name]". executing-plans and subagent-driven-development work task by task and find the tasks by these headings. Reported, once per plan: task headings at another level (`## Task N:` is common; a style finding), a task written as a bold line instead of a heading, and a plan whose units of work are headed otherwise ("## Slice 1:"). Tasks numbered within a chunk or phase ("### Task 1.2:") are accepted, as are `## Chunk` / `## Phase` headings grouping the tasks, and `## Task N:` headings under `# Part` / `# PR` headings that group them one level up.',
  instruction: 'Head each task "### Task N: <Component Name>" (h3), numbered from 1.',
  examples: {
    valid: [
      {
        plan: '# Learning Loop Implementation Plan\n\n**Goal:** Track skill outcomes.\n\n**Tech Stack:** Node.js\n\n---\n\n## Chunk 1: Core Data Model\n\n### Task 1.1: Create Learning State Manager\n\n- [ ] **Step 1: Write the failing test**\n',
      },
    ],
    invalid: [
      {
        plan: '# Curl Installer Implementation Plan\n\n**Goal:** Install the tool with one curl command.\n\n**Tech Stack:** Bash, curl\n\n---\n\n## Task 1: Write install.sh\n\n- [ ] **Step 1: Write the failing test**\n\n## Task 2: Static analysis\n\n- [ ] **Step 1: Run shellcheck**\n',
        message: 'are `## Task N:` headings (h2)',
      },
    ],
  },
  check(plan) {
    if (plan.tasks.length === 0) {
      const units = plan.sections.filter((s) => s.depth >= 2 && OTHER_UNIT.test(s.heading.text.trim()));
      const word = units[0] ? OTHER_UNIT.exec(units[0].heading.text.trim())![1]! : undefined;
      // "## Phase 1" over "### Task" would have tasks; units are the plan's tasks only when no task heading exists.
      if (units.length >= 2 && word && units.every((u) => new RegExp(`^${word}\\b`, 'i').test(u.heading.text.trim()))) {
        return [
          {
            message: `The plan has no "### Task N:" headings: its units of work are headed "${clip(units[0]!.heading.text, 50)}". executing-plans and subagent-driven-development work task by task: head each unit "### Task N: <Component Name>".`,
            span: units[0]!.heading.span,
          },
        ];
      }
      return [];
    }
    const bold = plan.tasks.find((t) => (taskSection(plan, t)?.depth ?? 7) > 6);
    if (bold) {
      return [{ message: `${taskName(bold)} is a bold line, not a heading: head each task "### Task N: <Component Name>".`, span: taskHeadSpan(plan, bold) }];
    }
    // "# PR 1 — …" over "## Task 1:": tasks one level below the groups that hold them, as under "## Chunk".
    const groups = plan.sections.filter((s) => s.depth === 1 && s.heading.span.start.line > (plan.title?.span.start.line ?? 0));
    const grouped = (line: number): boolean => groups.some((g) => g.heading.span.start.line < line);
    // "### Task 3.1" under "## Task 3": subtasks one level below their task's heading follow it.
    const top = Math.min(...plan.tasks.map((t) => taskSection(plan, t)?.depth ?? 7));
    const tasks = plan.tasks.filter((t) => t.subnumber === undefined || (taskSection(plan, t)?.depth ?? 7) <= top);
    const other = tasks.filter((t) => {
      const depth = taskSection(plan, t)?.depth;
      return depth !== 3 && !(depth === 2 && grouped(t.span.start.line));
    });
    if (other.length === 0) return [];
    const depths = [...new Set(other.map((t) => taskSection(plan, t)!.depth))];
    const first = other[0]!;
    const how = depths.map((d) => `\`${'#'.repeat(d)} Task N:\` headings (h${d})`).join(' and ');
    return [
      {
        message: `${other.length === tasks.length ? 'The task headings' : `${other.length} of ${tasks.length} task headings`} are ${how}; the writing-plans template heads tasks \`### Task N: <Component Name>\` (h3).`,
        span: taskHeadSpan(plan, first),
      },
    ];
  },
};
