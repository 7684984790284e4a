import type { Rule } from '../../../rules/types.js';
import { lineSpan } from '../../../plan/source.js';
import { isEmptyField } from '../../../rules/header/fields.js';
import { TECH_STACK, headerField, headerRead, labelledBeforeTasks } from './fields.js';

export const spHeaderTechStack: Rule = {
  id: 'sp-header-tech-stack',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description:
    'The writing-plans header ends with "**Tech Stack:** [Key technologies/libraries]", so the engineer who executes the plan knows the tools before the first task. A header without the line, or with an empty one (no value and no list under the label), is reported. Not reported: a header in which none of the Goal, Architecture and Tech Stack lines is found while the plan has no such section either ("## Goal"), which on real plans is most often a header written in a form that is not read (labels in another language, a line before the title), not one without all three.',
  instruction: 'End the header with "**Tech Stack:**" and the key technologies and libraries the work uses.',
  examples: {
    valid: [
      {
        plan: '# Curl Installer Implementation Plan\n\n**Goal:** Install the tool with one curl command.\n\n**Architecture:** A POSIX shell script downloads the release and verifies its checksum.\n\n**Tech Stack:** POSIX sh, curl, GitHub Releases\n\n---\n\n### Task 1: Script skeleton\n\n- [ ] **Step 1: Write the failing test**\n',
      },
    ],
    invalid: [
      {
        plan: '# Curl Installer Implementation Plan\n\n**Goal:** Install the tool with one curl command.\n\n**Architecture:** A POSIX shell script downloads the release and verifies its checksum.\n\n---\n\n### Task 1: Script skeleton\n\n- [ ] **Step 1: Write the failing test**\n',
        message: 'no "**Tech Stack:**" line',
      },
    ],
  },
  check(plan) {
    const f = headerField(plan, TECH_STACK);
    // "**Tech Stack:**" over a bullet list of the technologies is not empty.
    if (f && !isEmptyField(f)) return [];
    if (f) return [{ message: 'The "**Tech Stack:**" line is empty: name the key technologies and libraries the work uses.', span: f.span }];
    // A header none of whose lines was read is in a form the parser does not read: say nothing.
    if (!headerRead(plan)) return [];
    // "## Status" over a table, then the line above the first task: the plan has it, placed late.
    if (labelledBeforeTasks(plan, TECH_STACK)) return [];
    const at = plan.title?.span ?? lineSpan(plan.lines, 1);
    return [{ message: 'The header has no "**Tech Stack:**" line: add one after Architecture naming the key technologies and libraries.', span: at }];
  },
};
