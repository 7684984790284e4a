import type { Rule } from '../../../rules/types.js';
import { lineSpan } from '../../../plan/source.js';
import { agenticLine, clip, REQUIRED_SKILL, SKILL_ADDRESSEE } from './parts.js';

const TEMPLATE =
  '`> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:subagent-driven-development (recommended) or superpowers:executing-plans to implement this plan task-by-task. Steps use checkbox (`- [ ]`) syntax for tracking.`';

export const spHeaderAgenticLine: Rule = {
  id: 'sp-header-agentic-line',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description:
    'Under the title stands the line that tells the agent picking up the plan which skill executes it: "> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:subagent-driven-development (recommended) or superpowers:executing-plans to implement this plan task-by-task. Steps use checkbox (`- [ ]`) syntax for tracking." Each version of the skill has its own wording, and all are accepted: "REQUIRED:" for "REQUIRED SUB-SKILL:" (as the skill wrote it for a while, "(if subagents available)"), and the older "> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans …", whose plans had no checkbox steps. A fork\'s namespace for the same two skills (`superpowers-bd:executing-plans`) is accepted too. Reported: no such line; a line in its place that names no required execution skill ("> **For the implementer:** Follow test-driven development.", "use plan2beads to convert this plan"); and an agentic-workers line without the checkbox sentence, which tells the executor to tick steps off.',
  instruction: `Put the agentic-workers line right under the title: ${TEMPLATE}`,
  examples: {
    valid: [
      {
        plan: '# Zero-Dependency Brainstorm Server Implementation Plan\n\n> **For agentic workers:** REQUIRED: Use superpowers:subagent-driven-development (if subagents available) or superpowers:executing-plans to implement this plan. Steps use checkbox (`- [ ]`) syntax for tracking.\n\n**Goal:** Replace the vendored node_modules with one zero-dependency `server.cjs`.\n\n**Tech Stack:** Node.js built-ins only\n\n---\n\n### Task 1: WebSocket protocol\n\n- [ ] **Step 1: Write the failing test**\n',
      },
      {
        plan: '# OpenCode Support Implementation Plan\n\n> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task.\n\n**Goal:** Add superpowers support for OpenCode.ai.\n\n**Tech Stack:** Node.js\n\n---\n\n### Task 1: Extract frontmatter parsing\n\n**Step 1: Create lib/skills-core.js**\n',
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
    ],
  },
  check(plan) {
    const line = agenticLine(plan);
    if (!line) {
      return [{ message: `The header has no agentic-workers line: put ${TEMPLATE} under the title.`, span: plan.title?.span ?? lineSpan(plan.lines, 1) }];
    }
    const said = clip(line.text, 70);
    if (!SKILL_ADDRESSEE.test(line.addressee ?? '')) {
      return [
        {
          message: `The line under the title ("${said}") is not the agentic-workers line and names no REQUIRED SUB-SKILL to execute the plan with: write ${TEMPLATE}`,
          span: line.span,
        },
      ];
    }
    if (!REQUIRED_SKILL.test(line.text)) {
      return [
        {
          message: `The "${line.addressee}:" line names no REQUIRED SUB-SKILL to execute the plan with ("${said}"): write "REQUIRED SUB-SKILL: Use superpowers:subagent-driven-development (recommended) or superpowers:executing-plans to implement this plan task-by-task."`,
          span: line.span,
        },
      ];
    }
    // The older "For Claude:" line predates checkbox steps; every "For agentic workers:" version says it.
    if (/^for agentic workers$/i.test(line.addressee ?? '') && !/checkbox/i.test(line.text)) {
      return [{ message: 'The agentic-workers line does not say "Steps use checkbox (`- [ ]`) syntax for tracking.": add it, so the executing agent ticks each step off.', span: line.span }];
    }
    return [];
  },
};
