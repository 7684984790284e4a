import { findInLine } from '../../../plan/source.js';
import type { Plan, Task } from '../../../plan/types.js';
import { isDocsOnly, isVerificationOnly, taskHeadSpan } from '../../../rules/tasks/shared.js';
import type { Finding, Rule } from '../../../rules/types.js';
import { changesCode } from './code-step-without-code.js';
import { taskName, taskProse, touchesNoFile } from './parts.js';
import { workUnits } from './units.js';

const PLAN_HEAD = '# Recovery Implementation Plan\n\n**Goal:** Recover a stale task.\n\n**Tech Stack:** Python 3.12, pytest\n\n';

/** A task of strings by its title ("Task 6: Translations", "Add i18n keys"): data, with no signature to hand on. */
const STRINGS_TASK = /\b(?:translations?|i18n|l10n|locali[sz]ations?|locale (?:keys|strings|files))\b/i;

/** A task that writes code: its steps write tests or implementation. */
function writesCode(plan: Plan, task: Task): boolean {
  if (isDocsOnly(task) || (task.steps.length > 0 && isVerificationOnly(task)) || STRINGS_TASK.test(task.title.text)) return false;
  return task.steps.some((s) => s.kind === 'test' || s.kind === 'implement') || workUnits(plan).some((u) => u.task === task && changesCode(u));
}

/** The task's interface under a label of its own: "**Public class:**" over the class signature, "**Public API:**", "**Signatures:**". */
const INTERFACE_LABEL = /^\s*\*\*(?:public (?:class(?:es)?|api|interfaces?|functions?|methods?|types?)|signatures?|exported (?:api|functions?|types?))\s*:\*\*/i;

/** A type or signature written without backticks: a name, then its parameters, fields or members. */
const PLAIN_SIGNATURE = /^\s*[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\s*(?:\([^)]*\)|\{[^}]*\}|<[^>]*>)/;

export const spInterfaces: Rule = {
  id: 'sp-interfaces',
  family: 'superpowers',
  severity: 'warning',
  strict: true,
  formats: ['superpowers'],
  description:
    'writing-plans (later versions): every task carries an **Interfaces:** block with "- Consumes: [what this task uses from earlier tasks — exact signatures]" and "- Produces: [what later tasks rely on]". Plans written with earlier versions of the skill have no such blocks, so the rule holds only for a plan that uses them: there, a task that writes code without the block (when at least half the plan\'s code tasks carry one: a plan that gives blocks only to the tasks that hand a contract to another uses them where needed), and a block with neither a Consumes nor a Produces entry nor any exact name (entries in other words, "- Artifact name: `x`", and signatures written without backticks, "MemoryEngine.reconcile(): Promise<ReconciliationReport>", count), are reported. A task that gives its interface under a label of its own ("**Public class:**" over the class signature, "**Public API:**", "**Signatures:**") carries one. Verification-only and documentation-only tasks need none, nor do tasks of strings by their title ("Task 6: Translations", i18n keys), and a block they carry anyway (a list of README sections) is not held to the form. Off by default (strict): on real plans nobody tuned it on, reviewers agreed with few of its findings (docs/precision.md); a project that wants it turns it on under `rules:`.',
  instruction: 'Give every task that writes code an **Interfaces:** block: "- Consumes: …" (from earlier tasks, exact signatures) and "- Produces: …" (what later tasks rely on), or "nothing".',
  examples: {
    valid: [
      {
        plan: `${PLAN_HEAD}### Task 1: Validator\n\n**Interfaces:**\n- Consumes: nothing.\n- Produces \`validate_test_plan(requirements: dict) -> list[TestPlanIssue]\`.\n\n- [ ] **Step 1: Write the failing test**\n\n\`\`\`python\ndef test_rejects_missing_strategy():\n    assert validate_test_plan({}) == []\n\`\`\`\n`,
      },
    ],
    invalid: [
      {
        plan: `${PLAN_HEAD}### Task 1: Validator\n\n**Interfaces:**\n- Produces \`validate_test_plan(requirements: dict) -> list[TestPlanIssue]\`.\n\n- [ ] **Step 1: Write the failing test**\n\n\`\`\`python\ndef test_rejects_missing_strategy():\n    assert validate_test_plan({}) == []\n\`\`\`\n\n### Task 2: Plan gate\n\n- [ ] **Step 1: Write the failing test**\n\n\`\`\`python\ndef test_gate_blocks():\n    assert gate({}) == 1\n\`\`\`\n`,
        message: 'has no **Interfaces:** block',
      },
    ],
  },
  check(plan) {
    // Held to the plan's own habit: at least half its code tasks carry a block. A plan that gives one only to
    // the tasks that hand a contract to another (4 of 13) uses it where it is needed.
    const codeTasks = new Set(plan.tasks.filter((t) => writesCode(plan, t)));
    const labelled = (t: Task): boolean => taskProse(plan, t).some((l) => INTERFACE_LABEL.test(l.text));
    const withBlock = [...codeTasks].filter((t) => t.interfaces !== undefined || labelled(t)).length;
    if (withBlock === 0) return [];
    const habit = withBlock * 2 >= codeTasks.size;
    const out: Finding[] = [];
    for (const task of plan.tasks) {
      const block = task.interfaces;
      if (!block) {
        if (habit && codeTasks.has(task) && !touchesNoFile(task) && !labelled(task)) {
          out.push({
            message: `${taskName(task)} has no **Interfaces:** block, though other tasks of the plan carry one: list what it consumes from earlier tasks and produces for later ones (or "nothing").`,
            span: taskHeadSpan(plan, task),
          });
        }
        continue;
      }
      // A documentation-only task needs no block, so what it writes in one is not held to the form.
      if (!codeTasks.has(task)) continue;
      // Entries that give exact names without the labels ("Installed console script provides `harness
      // task recover`", "- Artifact name: `x`") say it in other words.
      // So do signatures written plain: "MemoryEngine.reconcile(): Promise<ReconciliationReport>", "MemoryDocumentSource { type?: string }".
      if (block.entries.some((e) => e.kind !== 'other' || e.names.length > 0 || PLAIN_SIGNATURE.test(e.text.text))) continue;
      out.push({
        message: `${taskName(task)}'s **Interfaces:** block says neither what it consumes nor what it produces: write "- Consumes: …" and "- Produces: …" entries with exact names.`,
        span: findInLine(plan.lines, block.span.start.line, (plan.lines[block.span.start.line - 1] ?? '').trim()),
      });
    }
    return out;
  },
};
