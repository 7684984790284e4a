import type { Step, Task } from '../../../plan/types.js';
import type { Rule } from '../../../rules/types.js';
import { clip, linesBeforeTasks, olderSkill, stepForm, taskName } from './parts.js';

/** How each form reads in a message, for many steps and for one. */
const FORM_WORDS: Record<string, [string, string]> = {
  bold: ['bold `**Step N:**` paragraphs', 'a bold `**Step N:**` paragraph'],
  heading: ['`Step N` headings', 'a `Step N` heading'],
  numbered: ['a numbered list', 'a numbered list item'],
  plain: ['plain "Step N:" lines', 'a plain "Step N:" line'],
};

/**
 * A numbered item after a checkbox step of the same task is part of that step ("- [ ] Modify
 * `DictationEngine.cs`:" then "  1. Add the property …", code, "  2. In `BeginAsync()` …"): a code
 * block between the items ends the list item in Markdown, but the items still stand under the checkbox.
 */
function underCheckbox(all: ReadonlyArray<{ task: Task; form: string }>, i: number): boolean {
  if (all[i]!.form !== 'numbered') return false;
  return all.slice(0, i).some((s) => s.task === all[i]!.task && s.form === 'checkbox');
}

/** A note before the tasks on the form of the steps: "numbered steps avoid a duplicate task tracker", "no checkboxes: …". */
const WHY_NOT_CHECKBOXES = /\bnumbered steps\b|\b(?:no|without) (?:markdown )?check ?boxes\b|\bcheck ?boxes are (?:not used|omitted|left out)\b/i;

export const spStepCheckbox: Rule = {
  id: 'sp-step-checkbox',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description:
    'Steps are checkboxes: "- [ ] **Step 1: Write the failing test**". executing-plans and subagent-driven-development tick each step off as it is done, so a checkbox is how the plan tracks progress, and the agentic-workers line says so ("Steps use checkbox (`- [ ]`) syntax for tracking"). Reported once per plan, at the first step that is not a checkbox: steps written as a numbered list, as headings or as plain "Step N:" lines. Bold `**Step N:**` paragraphs are the older skill\'s form, which has no checkboxes: a plan written to that version (its header line addressed "> **For Claude:** …", or a fork\'s template of it — a line that names the execution route and no checkboxes, "> **For Hermes:** Use subagent-driven-development skill …", "> **Execution:** Use the subagent-driven-development workflow …", over steps that are all bold paragraphs) follows its version and is not reported. Checkbox items without "Step N" ("- [ ] Run focused tests GREEN.") are checkboxes, and numbered items after a checkbox step of the same task are that step\'s parts, not steps. A plan that says before its tasks why its steps are not checkboxes ("numbered steps avoid a duplicate Markdown task tracker prohibited by this repository") made that choice knowingly and is not reported.',
  instruction: 'Write every step as a checkbox: "- [ ] **Step N: <one action>**", followed by its code and its Run/Expected.',
  examples: {
    valid: [
      {
        plan: '# OpenCode Support Implementation Plan\n\n> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task.\n\n**Goal:** Add superpowers support for OpenCode.ai.\n\n**Tech Stack:** Node.js\n\n---\n\n### Task 1: Extract frontmatter parsing\n\n**Step 1: Create lib/skills-core.js**\n\n**Step 2: Verify file was created**\n',
      },
      {
        plan: '# Curl Installer Implementation Plan\n\n**Goal:** Install the tool with one curl command.\n\n**Tech Stack:** Bash, curl\n\n---\n\n### Task 1: Write install.sh\n\n- [ ] **Step 1: Write the failing test**\n\n- [ ] **Step 2: Run test to verify it fails**\n',
      },
    ],
    invalid: [
      {
        plan: '# Hotkey Input Reliability Implementation Plan\n\n**Goal:** Reliably capture modifier keys.\n\n**Tech Stack:** C# / .NET 9\n\n---\n\n### Task 1: Key vocabulary\n\n**Files:** `src/Hotkeys/HotkeyChord.cs`\n\n1. Add failing parser tests for F13-F24.\n2. Introduce a shared virtual-key catalog.\n',
        message: 'are a numbered list, not checkboxes',
      },
    ],
  },
  check(plan) {
    // A plan written to the older skill ("For Claude:" line) follows its version, which has no
    // checkboxes: reviewers judged such findings noise (5 of 7 false or ambiguous for bold steps,
    // and a numbered list there is as often a list of fixes as of steps).
    if (olderSkill(plan)) return [];
    // The plan says why its steps are not checkboxes ("numbered steps avoid a duplicate Markdown task
    // tracker prohibited by this repository"): a choice it explains before its tasks.
    if (linesBeforeTasks(plan).some((line) => WHY_NOT_CHECKBOXES.test(line))) return [];
    const all: Array<{ task: Task; step: Step; form: ReturnType<typeof stepForm> }> = [];
    for (const task of plan.tasks) for (const step of task.steps) all.push({ task, step, form: stepForm(plan, step) });
    for (let i = all.length - 1; i >= 0; i--) if (all[i]!.form === 'prose' || underCheckbox(all, i)) all.splice(i, 1);
    const not = all.filter((s) => s.form !== 'checkbox');
    if (not.length === 0) return [];
    const first = not[0]!;
    const forms = [...new Set(not.map((s) => s.form))];
    const count = not.length === all.length ? (all.length === 1 ? "The plan's one step" : `The plan's ${all.length} steps`) : `${not.length} of the plan's ${all.length} steps`;
    const are = not.length === 1 ? 'is' : 'are';
    const at = `(first: ${taskName(first.task)}, "${clip(first.step.title.text, 40)}")`;
    return [
      {
        message: `${count} ${are} ${forms.map((f) => FORM_WORDS[f]![not.length === 1 ? 1 : 0]).join(' or ')}, not ${not.length === 1 ? 'a checkbox' : 'checkboxes'} ${at}: write each step as \`- [ ] **Step N: …**\`, so the executing agent can tick it off.`,
        span: first.step.title.span,
      },
    ];
  },
};
