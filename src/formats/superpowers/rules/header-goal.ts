import type { Rule } from '../../../rules/types.js';
import { lineSpan } from '../../../plan/source.js';
import { isEmptyField } from '../../../rules/header/fields.js';
import { GOAL, headerField, headerRead, labelledBeforeTasks } from './fields.js';

export const spHeaderGoal: Rule = {
  id: 'sp-header-goal',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description:
    'The header states what the plan builds on a "**Goal:**" line ("**Goal:** [One sentence describing what this builds]"), so the executing agent and the reviewer know what done means before reading the tasks. A header without the line (a "## Goal" section does not take its place in the header), or with an empty one, is reported. Not reported: a header in which none of the Goal, Architecture and Tech Stack lines is found while the plan has no such section either ("## Goal"), which on real plans is most often a header written in a form that is not read (labels in another language, a line before the title), not one without all three.',
  instruction: 'Under the agentic-workers line, write "**Goal:**" and one sentence saying what the plan builds.',
  examples: {
    valid: [
      {
        plan: '# Curl Installer Implementation Plan\n\n**Goal:** Install the tool with one curl command.\n\n**Tech Stack:** POSIX sh, curl\n\n---\n\n### Task 1: Script skeleton\n\n- [ ] **Step 1: Write the failing test**\n',
      },
    ],
    invalid: [
      {
        plan: '# Session Start Escaping Implementation Plan\n\n**Tech Stack:** Bash\n\n## Goal\n\nFix the control-character escaping bug.\n\n### Task 1: Add RED regression test\n\n- [ ] **Step 1: Write the failing test**\n',
        message: 'no "**Goal:**" line',
      },
    ],
  },
  check(plan) {
    const f = headerField(plan, GOAL);
    if (f && !isEmptyField(f)) return [];
    if (f) return [{ message: 'The "**Goal:**" line is empty: say in one sentence what the plan builds.', span: f.span }];
    // A header none of whose lines was read is in a form the parser does not read: say nothing.
    if (!headerRead(plan)) return [];
    // "## Status" over a table, then the line above the first task: the plan has it, placed late.
    if (labelledBeforeTasks(plan, GOAL)) return [];
    const section = plan.sections.find((s) => /^goal\b/i.test(s.heading.text.trim()));
    return [
      {
        message: `The header has no "**Goal:**" line${section ? ' (the plan has a "## Goal" section instead)' : ''}: add "**Goal:** <one sentence saying what this builds>" under the agentic-workers line.`,
        span: plan.title?.span ?? lineSpan(plan.lines, 1),
      },
    ];
  },
};
