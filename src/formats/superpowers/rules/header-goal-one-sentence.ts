import type { Rule } from '../../../rules/types.js';
import { fieldSentences } from '../../../rules/header/fields.js';
import { GOAL, headerField } from './fields.js';

/**
 * A closing sentence that only names where more is written or what it closes: "Spec: `docs/…/design.md`.", "See #412.",
 * "Design: https://…", "Closes `IBM/mcp-context-forge#5554`.", "Companion plugin-side plan: `IBM/cpex-plugins` `docs/…/x.md` (other repo).",
 * "Companion gateway-side issue: `IBM/mcp-context-forge#5554` (separate plan, other repo).", "Stacks on PR #1459.", and one
 * that names where the work is done: "Branch `nw_cv_checksum` (worktree `~/wt/cv-checksum`, stacked on the hardening branch)."
 */
const POINTER =
  /([.!?])\s+(?:\(?\s*)?(?:spec(?:ification)?|design(?: doc)?|see|ref(?:erence)?s?|source|issue|ticket|prd|adr|tracking|tracked in|closes|fixes|resolves|(?:stacks|builds|depends|based) on|follows up|follow-up to|part of|blocked by|companion(?:[\w -]{0,30})? (?:plan|issue|pr)|related (?:plan|issue|pr)|(?:base |target |feature )?branch|worktree)\b[^.!?`]{0,12}?:?\s*(?:(?:`[^`]+`|\[[^\]]*\]\([^)]*\)|#\d+|https?:\/\/\S+|[\w./-]+\.md)\s*)+(?:\([^)]*\))?\s*\)?\.?\s*$/i;

/** How many sentences at the end only point elsewhere. */
function pointers(text: string): number {
  let n = 0;
  for (let rest = text.trim(), m = POINTER.exec(rest); m !== null; m = POINTER.exec(rest)) {
    n++;
    rest = rest.slice(0, m.index + 1);
  }
  return n;
}

export const spHeaderGoalOneSentence: Rule = {
  id: 'sp-header-goal-one-sentence',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description:
    'The skill asks for the Goal in one sentence ("[One sentence describing what this builds]"): what the plan builds, not how, which belongs in Architecture and the tasks. A Goal of two or more sentences is reported. Periods in code spans, numbers ("v2.6.0") and abbreviations ("e.g.") do not end a sentence, and closing sentences that only point at a document or an issue ("Spec: `docs/superpowers/specs/x-design.md`.", "See #412.", "Closes `org/repo#5554`.", "Stacks on PR #1459.", "Companion plugin-side plan: `org/other` `docs/…/x.md` (other repo)."), or where the work is done ("Branch `nw_cv_checksum` (worktree `~/wt/cv-checksum`).") are not counted.',
  instruction: 'Write the Goal as one sentence: what the plan builds. Put the how in Architecture.',
  examples: {
    valid: [
      {
        plan: '# Task Recovery Implementation Plan\n\n**Goal:** Add audited recovery from an active stale Harness task into a fresh `CREATED` task.\n\n**Tech Stack:** Python 3.11, pytest\n\n---\n\n### Task 1: Recovery CLI contract\n\n- [ ] **Step 1: Write the failing test**\n',
      },
    ],
    invalid: [
      {
        plan: '# Winpepper Cleanup Implementation Plan\n\n**Goal:** Layer the cleanup pipeline on top of the walking skeleton. Add a correction store with atomic JSON persistence. Run cleanup with a timeout fallback.\n\n**Tech Stack:** C# / .NET 9\n\n---\n\n## Task 1: Project plumbing\n\n- [ ] **Step 1: Write the failing test**\n',
        message: 'has 3 sentences',
      },
    ],
  },
  check(plan) {
    const f = headerField(plan, GOAL);
    if (!f) return [];
    // "… on each session card. Spec: `docs/…/design.md`.": sentences that only point elsewhere say nothing more of what is built.
    const n = fieldSentences(f) - pointers(f.value.text);
    if (n <= 1) return [];
    return [
      {
        message: `The Goal has ${n} sentences; the skill asks for one: say in one sentence what the plan builds, and move the rest to Architecture or the tasks.`,
        span: f.value.text.trim() !== '' ? f.value.span : f.span,
      },
    ];
  },
};
