import type { Rule } from '../../../rules/types.js';
import { lineSpan } from '../../../plan/source.js';
import { isEmptyField } from '../../../rules/header/fields.js';
import { ARCHITECTURE, GOAL, headerField, headerRead, labelledBeforeTasks } from './fields.js';
import { linesBeforeTasks } from './parts.js';

/**
 * A bold label that names the approach in other words: "**Design — …:**", "**Approach:**", "**Decision:**", "**Conclusion:**
 * port the templates verbatim …", or in the plan's language: "**整体原则:**" (overall principle), "**实现思路:**", "**技术方案:**".
 */
const APPROACH_LABEL =
  /^\s*\*\*(?:(?:design|approach|decision|conclusion|strategy|solution)\b(?!\s*(?:doc|document|spec)s?\b)[^*\n]*\*\*\s*\S?|[\u4e00-\u9fff]{0,4}(?:原则|方案|设计|思路|策略)\s*(?:[:：]\*\*|\*\*[:：])\s*\S)/i;

/** A section before the tasks that gives the approach: "## Mechanism (what the code does)", "## Approach", "### Design". */
const APPROACH_HEADING = /^#{2,4}\s+(?:approach|design|mechanism|architecture|solution|how it works)\b(?!\s*(?:doc|document|spec)s?\b)/i;

export const spHeaderArchitecture: Rule = {
  id: 'sp-header-architecture',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description:
    'The header says how the plan builds its Goal on an "**Architecture:**" line ("[2-3 sentences about approach]"), so the engineer who executes the tasks knows the shape of the change before the first one. A header without the line, or with an empty one, is reported. Not reported: a header in which none of the Goal, Architecture and Tech Stack lines is found while the plan has no such section either ("## Goal"), which on real plans is most often a header written in a form that is not read (labels in another language, a line before the title), not one without all three, and a header that gives the approach under a label of its own before the tasks ("**Design — trailing per-area checksum:**", "**Approach:**", "**Decision:** Use three evidence tiers", "**Conclusion:** port the templates verbatim into Rust `const` strings …", "**整体原则:**" (overall principle) in a plan written in Chinese; not "**Design doc:**", a pointer), or in a section of its own ("## Mechanism (what the code does)", "## Approach").',
  instruction: 'After the Goal, write "**Architecture:**" and 2-3 sentences about the approach.',
  examples: {
    valid: [
      {
        plan: '# Curl Installer Implementation Plan\n\n**Goal:** Install the tool with one curl command.\n\n**Architecture:** A POSIX shell script downloads the release tarball and verifies its checksum.\n\n**Tech Stack:** POSIX sh, curl\n\n---\n\n### Task 1: Script skeleton\n\n- [ ] **Step 1: Write the failing test**\n',
      },
    ],
    invalid: [
      {
        plan: '# TODO Backup Ring Implementation Plan\n\n**Goal:** Fix 8 bugs and add a shadow ring buffer.\n\n**Repo:** `superpowers-plus` (GitHub-first)\n\n**Tech Stack:** Bash\n\n---\n\n## Task 1: Fix resolve-env-path.sh\n\n- [ ] **Step 1:** Add a `.todo-registry` check.\n',
        message: 'no "**Architecture:**" line',
      },
    ],
  },
  check(plan) {
    const f = headerField(plan, ARCHITECTURE);
    if (f && !isEmptyField(f)) return [];
    if (f) return [{ message: 'The "**Architecture:**" line is empty: describe the approach in 2-3 sentences.', span: f.span }];
    // A header none of whose lines was read is in a form the parser does not read: say nothing.
    if (!headerRead(plan)) return [];
    // "## Status" over a table, then the line above the first task: the plan has it, placed late.
    if (labelledBeforeTasks(plan, ARCHITECTURE)) return [];
    // "**Design — trailing per-area checksum long:**", "**Decision:** Use three evidence tiers": the approach under a label of
    // its own (not "**Design doc:**", which points elsewhere).
    if (linesBeforeTasks(plan).some((l) => APPROACH_LABEL.test(l) || APPROACH_HEADING.test(l))) return [];
    const goal = headerField(plan, GOAL);
    return [
      {
        message: 'The header has no "**Architecture:**" line: add one after the Goal, with 2-3 sentences about the approach.',
        span: goal?.span ?? plan.title?.span ?? lineSpan(plan.lines, 1),
      },
    ];
  },
};
