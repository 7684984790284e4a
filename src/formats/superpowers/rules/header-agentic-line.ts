import type { Rule } from '../../../rules/types.js';
import { lineSpan } from '../../../plan/source.js';
import { agenticLine, clip, headerQuotes, linesBeforeTasks, REQUIRED_SKILL, SKILL_ADDRESSEE } from './parts.js';

/** "REQUIRED SUB-SKILL: Use subagent-driven-development": one of the two skills, with no namespace. */
const BARE_SKILL = /\bREQUIRED(?: SUB-SKILL)?:\s*Use\s+`?(subagent-driven-development|executing-plans)\b/i;

/**
 * A project's own execution route in the line's place: "Use agent-team-driven-development to execute
 * this plan", "This plan is executed task-by-task by the workflow's execute stage", "then use
 * `superpowers:subagent-driven-development` for parallel execution". The project chose it; the line
 * still tells the executing agent what to do.
 */
const OWN_ROUTE = /\b(?:use|run)\s+`?[\w:-]+`?\s+to\s+(?:execute|implement)\b|\b(?:is|are|gets?)\s+(?:executed|implemented)\b[^.]*\bby\b|`?[\w-]+:(?:subagent-driven-development|executing-plans)\b/i;

/** One of the two skills that execute a plan, in any namespace or none. */
const EXECUTION_SKILL = /\b(?:subagent-driven-development|executing-plans)\b/i;

const TEMPLATE =
  '`> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:subagent-driven-development (recommended) or superpowers:executing-plans to implement this plan task-by-task. Steps use checkbox (`- [ ]`) syntax for tracking.`';

/**
 * A quote under the title that says where and how the plan is executed ("Execute this plan in the canonical checkout.",
 * "Implement inline task-by-task.", "implement task-by-task with TDD …, a review subagent between tasks", "**For Codex:** Execute
 * this plan in order, …"; not "Execute this plan test-first", nor "implement task-by-task, test-first").
 */
const EXECUTE_HERE =
  /\bimplement(?:ed)?\s+(?:this plan\s+|the plan\s+|it\s+)?(?:directly|inline)\b|\b(?:a|one|fresh|review)\s+(?:review\s+)?subagents?\s+(?:between|per|after each)\s+tasks?\b|\bexecut(?:e|ed)\s+(?:this plan\s+|the plan\s+|it\s+)?(?:directly|inline|task-by-task|step-by-step|sequentially|in order\b|in (?:the current|this session)|in (?:the |this )?(?:canonical |current |main |primary )?(?:checkout|worktree|repo(?:sitory)?)\b)/i;

/** An instruction to execute the plan in this session: "Execute inline without subagents.", "Execute this plan directly". */
const EXECUTE_INLINE = /\bexecute\s+(?:this plan\s+|the plan\s+|it\s+)?(?:inline|directly|in (?:the current|this) session)\b/i;

/** Executing the plan through agents: "Execute the independent … tasks with the parallel agent workflow" (not "Execute this plan test-first"). */
const AGENT_ROUTE = /\bexecut(?:e|ed|ing)\b[^.]*\b(?:with|by|using|through)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}(?:agents?|subagents?|agent workflow)\b/i;

export const spHeaderAgenticLine: Rule = {
  id: 'sp-header-agentic-line',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description:
    'Under the title stands the line that tells the agent picking up the plan which skill executes it: "> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:subagent-driven-development (recommended) or superpowers:executing-plans to implement this plan task-by-task. Steps use checkbox (`- [ ]`) syntax for tracking." Each version of the skill has its own wording, and all are accepted: "REQUIRED:" for "REQUIRED SUB-SKILL:" (as the skill wrote it for a while, "(if subagents available)"), and the older "> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans …", whose plans had no checkbox steps. A fork\'s namespace for the same two skills (`superpowers-bd:executing-plans`) is accepted too. Reported: no such line; a line in its place that names no required execution skill ("> **For the implementer:** Follow test-driven development.", "use plan2beads to convert this plan"); and a line that names the skill without its namespace ("Use subagent-driven-development"), which is not the skill\'s full name. A line addressed to agentic workers (or Claude) that names the project\'s own execution route instead ("Use agent-team-driven-development to execute this plan", "This plan is executed task-by-task by the workflow\'s execute stage"), or a quote in its place that says how the plan is executed ("> **After approval:** execute directly in the current checkout because …", "Execute inline in this session.", "Implement inline task-by-task.", "**For agentic workers:** implement task-by-task with TDD (RED test first, then GREEN), a review subagent between tasks, and a commit per slice.", "Execute this plan in the canonical checkout.", "> **For Codex:** Execute this plan in order, …", "> Execute the independent tasks with the parallel agent workflow; …"; not "Execute this plan test-first", nor "implement task-by-task, test-first"), is accepted, and so is such a route stated once before the tasks ("## Constraints" … "Execute inline without subagents."): the project chose it, and the line still tells the agent how the plan is executed. The line is also read where a note comes first in the same quote ("> Historical implementation recipe. …" then "> **For agentic workers:** …"), and in a translation ("Per worker agentici:"). A line in the place of the agentic-workers line that names one of the two execution skills is accepted however it is addressed or the skill written ("> **For Hermes:** Load `subagent-driven-development` …", also after a "> **Status:**" note, "> **REQUIRED SUB-SKILL:** Use the executing-plans skill …" and "> **For Claude:** REQUIRED SUB-SKILL: Use the `executing-plans` rule (or equivalent) …" in ports of the skills to another agent): it tells the agent how to execute the plan, and reviewers judged none of 6 findings on such lines right. The checkbox sentence is not required: the skill\'s versions differ on it.',
  instruction: `Put the agentic-workers line right under the title: ${TEMPLATE}`,
  examples: {
    valid: [
      {
        plan: '# Zero-Dependency Brainstorm Server Implementation Plan\n\n> **For agentic workers:** REQUIRED: Use superpowers:subagent-driven-development (if subagents available) or superpowers:executing-plans to implement this plan. Steps use checkbox (`- [ ]`) syntax for tracking.\n\n**Goal:** Replace the vendored node_modules with one zero-dependency `server.cjs`.\n\n**Tech Stack:** Node.js built-ins only\n\n---\n\n### Task 1: WebSocket protocol\n\n- [ ] **Step 1: Write the failing test**\n',
      },
      {
        plan: '# OpenCode Support Implementation Plan\n\n> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task.\n\n**Goal:** Add superpowers support for OpenCode.ai.\n\n**Tech Stack:** Node.js\n\n---\n\n### Task 1: Extract frontmatter parsing\n\n**Step 1: Create lib/skills-core.js**\n',
      },
      {
        plan: '# Pending Paste Implementation Plan\n\n> **For agentic workers:** This plan is executed task-by-task by the workflow\'s execute stage: a fresh implementer per task, with a review after each. Steps use checkbox (`- [ ]`) syntax for tracking.\n\n**Goal:** Hold a paste until the target window is ready.\n\n**Tech Stack:** C# / .NET 9\n\n---\n\n### Task 1: Pending paste state\n\n- [ ] **Step 1: Write the failing test**\n',
      },
    ],
    invalid: [
      {
        plan: '# Hotkey Input Reliability Implementation Plan\n\n> **For the implementer:** Follow test-driven development. Work only in the assigned worktree.\n\n**Goal:** Reliably capture modifier keys.\n\n**Tech Stack:** C# / .NET 9\n\n---\n\n### Task 1: Key vocabulary\n\n- [ ] **Step 1: Write the failing test**\n',
        message: 'names no REQUIRED SUB-SKILL',
      },
      {
        plan: '# Curl Installer Implementation Plan\n\n**Goal:** Install the tool with one curl command.\n\n**Tech Stack:** POSIX sh, curl\n\n---\n\n### Task 1: Script skeleton\n\n- [ ] **Step 1: Write the failing test**\n',
        message: 'no agentic-workers line',
      },
      {
        plan: '# Automatic Installer Implementation Plan\n\n> **For agentic workers:** REQUIRED SUB-SKILL: Use subagent-driven-development to implement this plan task-by-task.\n\n**Goal:** Install the plugin with one script.\n\n**Tech Stack:** PowerShell\n\n---\n\n### Task 1: Installer script\n\n- [ ] **Step 1: Write the failing test**\n',
        message: 'without the `superpowers:` namespace',
      },
    ],
  },
  check(plan) {
    const line = agenticLine(plan);
    if (!line) {
      // A quote without a label that says how the plan is executed: "> Execute the independent tasks with the parallel agent workflow; …".
      if (headerQuotes(plan).some((q) => EXECUTE_HERE.test(q.text) || AGENT_ROUTE.test(q.text) || EXECUTION_SKILL.test(q.text))) return [];
      // The route stated once before the tasks, out of the line's place: "## Constraints" … "Execute inline without
      // subagents." (an instruction, not a status: "phases below executed in order").
      if (linesBeforeTasks(plan).some((l) => EXECUTE_INLINE.test(l))) return [];
      return [{ message: `The header has no agentic-workers line: put ${TEMPLATE} under the title.`, span: plan.title?.span ?? lineSpan(plan.lines, 1) }];
    }
    const said = clip(line.text, 70);
    if (!SKILL_ADDRESSEE.test(line.addressee ?? '')) {
      // "> **After approval:** execute directly in the current checkout because …": an execution route, explained.
      if (EXECUTE_HERE.test(line.text)) return [];
      // A line that names one of the two execution skills tells the agent how to execute the plan, however it is
      // addressed or the skill written: "> **For Hermes:** Load `subagent-driven-development` …", "> **REQUIRED
      // SUB-SKILL:** Use the executing-plans skill …" (a port of the skills to another agent), "Per worker agentici:".
      // Reviewers judged none of 6 such findings right (docs/precision.md).
      if (EXECUTION_SKILL.test(line.text)) return [];
      // Only an execution skill counts: "REQUIRED SUB-SKILLS: Use superpowers:test-driven-development" names none.
      return [
        {
          message: `The line under the title ("${said}") is not the agentic-workers line and names no REQUIRED SUB-SKILL to execute the plan with: write ${TEMPLATE}`,
          span: line.span,
        },
      ];
    }
    if (!REQUIRED_SKILL.test(line.text)) {
      // "REQUIRED SUB-SKILL: Use subagent-driven-development": the skill named without its namespace.
      const bare = BARE_SKILL.exec(line.text);
      if (bare) {
        return [
          {
            message: `The "${line.addressee}:" line names the sub-skill \`${bare[1]}\` without the \`superpowers:\` namespace: write \`superpowers:${bare[1]}\`, the skill's full name.`,
            span: line.span,
          },
        ];
      }
      // "Use the `executing-plans` rule (or equivalent)": a port's own word for one of the two skills.
      if (OWN_ROUTE.test(line.text) || EXECUTE_HERE.test(line.text) || EXECUTION_SKILL.test(line.text)) return [];
      return [
        {
          message: `The "${line.addressee}:" line names no REQUIRED SUB-SKILL to execute the plan with ("${said}"): write "REQUIRED SUB-SKILL: Use superpowers:subagent-driven-development (recommended) or superpowers:executing-plans to implement this plan task-by-task."`,
          span: line.span,
        },
      ];
    }
    return [];
  },
};
