import type { Plan } from '../../../plan/types.js';
import type { Rule } from '../../../rules/types.js';
import { firstTaskLine, hasInterfaces, linesBeforeTasks, sectionText, taskHeadSpan, taskName } from './parts.js';

/**
 * A plan of a series that keeps the constraints in one place and points there before its tasks: "**Read
 * first:** the overview's Global Constraints". The plan has them; it does not repeat them.
 */
function constraintsElsewhere(plan: Plan): boolean {
  return linesBeforeTasks(plan).some((line) => /\bglobal constraints\b/i.test(line) && !/^\s*#/.test(line));
}

/** "## Global Constraints", or the same heading in the plan's language ("## 全局约束", "## Restricciones globales"). */
const GLOBAL_CONSTRAINTS = /^(?:global constraints\b|全局约束|全局限制|グローバル制約|restricciones globales|restrições globais|contraintes globales|globale einschränkungen)/i;

export const spGlobalConstraints: Rule = {
  id: 'sp-global-constraints',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description:
    'Later versions of the writing-plans skill add a "## Global Constraints" section above the tasks — what every task must respect (toolchain, what not to touch, policies) — together with per-task Interfaces (Consumes / Produces). Earlier versions ask for neither, and most plans in use predate them, so a plan is held to the section only when it follows those versions: when its tasks declare Interfaces and it has no Global Constraints, it is reported, unless it points before its tasks to where they are kept ("**Read first:** the overview\'s Global Constraints", in a plan of a series). The heading may be in the plan\'s language ("## 全局约束", "## Restricciones globales"). Wherever the section is written, it stands above the first task (constraints read after the tasks they govern come too late) and is not empty.',
  instruction: 'When tasks declare Interfaces, add a "## Global Constraints" section above the first task: the rules every task must respect.',
  examples: {
    valid: [
      {
        plan: '# Task Recovery Implementation Plan\n\n**Goal:** Recover a stale task.\n\n**Tech Stack:** Python 3.11, pytest\n\n---\n\n## Global Constraints\n\n- Python 3.11; no new dependencies.\n\n### Task 1: Recovery CLI contract\n\n**Interfaces:**\n- Produces: `cmd_task_recover(args) -> int`\n\n- [ ] **Step 1: Write the failing test**\n',
      },
    ],
    invalid: [
      {
        plan: '# Task Recovery Implementation Plan\n\n**Goal:** Recover a stale task.\n\n**Tech Stack:** Python 3.11, pytest\n\n---\n\n### Task 1: Recovery CLI contract\n\n**Interfaces:**\n- Produces: `cmd_task_recover(args) -> int`\n\n- [ ] **Step 1: Write the failing test**\n',
        message: 'no "## Global Constraints" section',
      },
    ],
  },
  check(plan) {
    if (plan.tasks.length === 0) return [];
    const section = plan.sections.find((s) => GLOBAL_CONSTRAINTS.test(s.heading.text.replace(/[*_`]/g, '').trim()));
    if (!section) {
      const withInterfaces = plan.tasks.find((t) => hasInterfaces(plan, t));
      if (!withInterfaces || constraintsElsewhere(plan)) return [];
      return [
        {
          message: `${taskName(withInterfaces)} declares Interfaces, as later writing-plans versions do, but the plan has no "## Global Constraints" section: add one above the first task with the rules every task must respect.`,
          span: taskHeadSpan(plan, plan.tasks[0]!),
        },
      ];
    }
    if (section.heading.span.start.line > firstTaskLine(plan)) {
      return [{ message: 'The Global Constraints section comes after the first task: move it above the tasks, which must respect it.', span: section.heading.span }];
    }
    if (sectionText(plan, section).trim() === '') return [{ message: 'The Global Constraints section is empty: list the rules every task must respect, or remove it.', span: section.heading.span }];
    return [];
  },
};
