import type { Rule } from '../../../rules/types.js';
import type { HeaderField } from '../../../plan/types.js';
import { countSentences, plainInline } from '../../../plan/source.js';
import { ARCHITECTURE, headerField } from './fields.js';

/** The skill asks for 2-3 sentences; real plans run to 4 without harm. Well above that is reported. */
const MAX_SENTENCES = 5;

/**
 * Fewer words than this is no write-up however many sentences carry them: "… Cache color objects. Move polling off
 * main thread. Lazy-load layout hierarchies. …" (six such sentences in 29 words). Every Architecture reviewers held
 * too long had more.
 */
const MIN_WORDS = 50;

/** Words a sentence of the Architecture holds, to weigh list items written as fragments. */
const WORDS_PER_SENTENCE = 20;

/**
 * The Architecture's length in sentences. List items written as sentences count as sentences; items
 * that are fragments ("1 new store action (`deleteEcucModule`)") count by their words together: six
 * short bullets say about as much as two sentences.
 */
function architectureSentences(field: HeaderField): number {
  // A code span stays a word, so a sentence that opens with one ("`tracing-subscriber` with `LAB_LOG` env var.") counts.
  const prose = (text: string): string => plainInline(text.replace(/`[^`\n]*`/g, 'CODE'));
  let n = countSentences(prose(field.value.text));
  let fragmentWords = 0;
  for (const item of field.items) {
    // "**Preload.** Exposes a bridge …": the bold label names the part; it is no sentence of its own.
    const text = prose(item.text.replace(/^\s*\*\*[^*\n]{1,40}?[.:]\*\*\s*/, '')).trim();
    if (/[.!?。！？]$/.test(text)) n += countSentences(text);
    else fragmentWords += text.split(/\s+/).filter(Boolean).length;
  }
  return n + Math.ceil(fragmentWords / WORDS_PER_SENTENCE);
}

export const spHeaderArchitectureLength: Rule = {
  id: 'sp-header-architecture-length',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description: `The skill asks for the Architecture in 2-3 sentences: the approach, not the design document. Real plans often write 4, which is fine; an Architecture of more than ${MAX_SENTENCES} sentences (and ${MIN_WORDS} words or more: six terse fragments are no write-up) has turned into a design write-up the executing agent reads before every task, and is reported. Periods in code spans, numbers and abbreviations do not end a sentence (a sentence that opens with a code span, "\`tracing-subscriber\` with \`LAB_LOG\` env var.", is one), nor does a list item's bold label ("**Preload.** Exposes …"); list items written as fragments ("1 new store action") count by their words, about twenty to a sentence. A paragraph under a bold label of its own after the Architecture ("**Settings-driven values bubble up (REQUIREMENT).** …") is another part of the header, not counted.`,
  instruction: 'Keep the Architecture to 2-3 sentences about the approach; details belong in the tasks or the spec.',
  examples: {
    valid: [
      {
        plan: '# Curl Installer Implementation Plan\n\n**Goal:** Install the tool with one curl command.\n\n**Architecture:** A single bash script runs checks, asks for consent, installs and verifies. It downloads the release tarball. It registers a SessionStart hook.\n\n**Tech Stack:** Bash, curl\n\n---\n\n### Task 1: Script skeleton\n\n- [ ] **Step 1: Write the failing test**\n',
      },
    ],
    invalid: [
      {
        plan: '# Verification Implementation Plan\n\n**Goal:** Verify three assumptions.\n\n**Architecture:** Three experiments run as isolated scripts under `scripts/verify/`, one per assumption. A shared runner handles retries with exponential backoff and records each attempt. Each experiment produces a verdict of pass, fail or inconclusive. Verdicts pair with a decision class that says what the team does next. Tasks 1 and 3 emit JSON for the dashboard. Task 2 emits timing data for the latency budget. A final task updates the design doc with the results.\n\n**Tech Stack:** Bash\n\n---\n\n## Task 1: Frontmatter hooks\n\n- [ ] **Step 1: Write the failing test**\n',
        message: 'has 7 sentences',
      },
    ],
  },
  check(plan) {
    const f = headerField(plan, ARCHITECTURE);
    if (!f) return [];
    const n = architectureSentences(f);
    if (n <= MAX_SENTENCES) return [];
    const words = [f.value.text, ...f.items.map((i) => i.text)].join(' ').split(/\s+/).filter((w) => /\w/.test(w)).length;
    if (words < MIN_WORDS) return [];
    return [
      {
        message: `The Architecture has ${n} sentences; the skill asks for 2-3 about the approach: keep the approach here and move the details to the tasks or the spec.`,
        span: f.value.text.trim() !== '' ? f.value.span : f.span,
      },
    ];
  },
};
