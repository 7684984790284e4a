import type { Rule } from '../../../rules/types.js';
import { fieldSentences } from '../../../rules/header/fields.js';
import { GOAL, headerField } from './fields.js';

/** A closing sentence that only names where more is written: "Spec: `docs/…/design.md`.", "See #412.", "Design: https://…". */
const POINTER = /[.!?]\s+(?:\(?\s*)?(?:spec(?:ification)?|design(?: doc)?|see|ref(?:erence)?|source|issue|ticket|prd|adr|tracking|tracked in)\b[^.!?]{0,12}?:?\s*(?:`[^`]+`|\[[^\]]*\]\([^)]*\)|#\d+|https?:\/\/\S+|[\w./-]+\.md)\s*\)?\.?\s*$/i;

export const spHeaderGoalOneSentence: Rule = {
  id: 'sp-header-goal-one-sentence',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description:
    'The skill asks for the Goal in one sentence ("[One sentence describing what this builds]"): what the plan builds, not how, which belongs in Architecture and the tasks. A Goal of two or more sentences is reported. Periods in code spans, numbers ("v2.6.0") and abbreviations ("e.g.") do not end a sentence, and a closing sentence that only points at a document ("Spec: `docs/superpowers/specs/x-design.md`.", "See #412.") is not counted.',
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
    // "… on each session card. Spec: `docs/…/design.md`.": a sentence that only points at a document says nothing more of what is built.
    const n = fieldSentences(f) - (POINTER.test(f.value.text.trim()) ? 1 : 0);
    if (n <= 1) return [];
    return [
      {
        message: `The Goal has ${n} sentences; the skill asks for one: say in one sentence what the plan builds, and move the rest to Architecture or the tasks.`,
        span: f.value.text.trim() !== '' ? f.value.span : f.span,
      },
    ];
  },
};
