import type { Finding, Rule } from '../../../rules/types.js';
import { lineSpan } from '../../../plan/source.js';
import { agenticLine, clip, isCode, lineText } from './parts.js';
import { GOAL, headerField } from './fields.js';

export const spHeaderPosition: Rule = {
  id: 'sp-header-position',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description:
    'Every plan "MUST start with this header": the title, then the agentic-workers line, then Goal, Architecture and Tech Stack. An executing agent reads the plan from the top; notes, addenda or status lines placed between the title and the header push it down and are read before the plan\'s own statement of what it builds. Reported: anything but blank lines (and HTML comments) between the title and the first header line, and an agentic-workers line placed after the Goal. Front matter above the title is fine, and so is a note in a quote block ("> **Reconciliation note (merge, 2026-08-19):** …", an addendum, a status): it is put there on purpose for the reader to see first, and reviewers called most such findings ambiguous.',
  instruction: 'Put nothing between the title and the header: the agentic-workers line comes right under the title, then Goal, Architecture and Tech Stack; addenda and notes go after the header.',
  examples: {
    valid: [
      {
        plan: '# Pending Paste Implementation Plan\n\n> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:subagent-driven-development (recommended) or superpowers:executing-plans to implement this plan task-by-task. Steps use checkbox (`- [ ]`) syntax for tracking.\n\n**Goal:** Never inject dictated text into the wrong field.\n\n**Tech Stack:** C# / .NET 9\n\n---\n\n> **Addendum:** the owner decided to always archive.\n\n### Task 1: Injection target\n\n- [ ] **Step 1: Write the failing test**\n',
      },
    ],
    invalid: [
      {
        plan: '# Pending Paste Implementation Plan\n\nI\'m using the writing-plans skill to create the implementation plan.\n\n> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:subagent-driven-development (recommended) or superpowers:executing-plans to implement this plan task-by-task. Steps use checkbox (`- [ ]`) syntax for tracking.\n\n**Goal:** Never inject dictated text into the wrong field.\n\n**Tech Stack:** C# / .NET 9\n\n---\n\n### Task 1: Injection target\n\n- [ ] **Step 1: Write the failing test**\n',
        message: 'does not start with its header',
      },
    ],
  },
  check(plan) {
    if (!plan.title) return [];
    const agentic = agenticLine(plan);
    const goal = headerField(plan, GOAL);
    const starts = [agentic?.span.start.line, plan.header[0]?.span.start.line].filter((l): l is number => l !== undefined);
    if (starts.length === 0) return [];
    const first = Math.min(...starts);
    const out: Finding[] = [];
    for (let l = plan.title.span.start.line + 1; l < first; l++) {
      const t = lineText(plan, l).trim();
      if (t === '' || (t.startsWith('<!--') && !isCode(plan, l))) continue;
      // A note quoted above the header (an addendum, a status, a reconciliation note: "> **Reconciliation
      // note (merge, 2026-08-19):** …") is put there on purpose, for the reader to see first: reviewers
      // called 3 of 5 such findings ambiguous, so only unquoted text is reported.
      if (t.startsWith('>') && !isCode(plan, l)) continue;
      const what = agentic?.span.start.line === first ? 'the agentic-workers line' : `"**${plan.header[0]!.label}:**"`;
      out.push({
        message: `The plan does not start with its header: "${clip(t, 60)}" stands between the title and ${what}. Move it below the header (after the \`---\`), so the plan opens with the agentic-workers line, Goal, Architecture and Tech Stack.`,
        span: lineSpan(plan.lines, l),
      });
      break;
    }
    if (agentic && goal && agentic.span.start.line > goal.span.start.line) {
      out.push({ message: 'The agentic-workers line comes after "**Goal:**": put it right under the title, before Goal.', span: agentic.span });
    }
    return out;
  },
};
