import { span } from '../../../plan/source.js';
import { taskCodePlaceholders } from '../../../rules/placeholders.js';
import type { Plan } from '../../../plan/types.js';
import type { Finding, Rule } from '../../../rules/types.js';
import { SHELL_LANGS } from '../../../rules/tasks/shared.js';
import { phraseIn, type PhraseHit } from './placeholder-phrases.js';
import { taskName } from './parts.js';
import { unitName, workUnits, type WorkUnit } from './units.js';

/**
 * A bare `...` or `…` line in a step's code is not reported here. On the blind batches reviewers
 * agreed with 2 of 11 such findings: it most often elides code already there (in a "Change to:"
 * snippet, a block to delete, a "Resulting block:"), stands for text the step spells out (a prompt
 * skeleton) or is content itself (a button's "…"). A `TODO(topic):` comment names what tracks it (a
 * later milestone, an owner): the plan records a deferral in the code it writes (0 of 2 right). So does a
 * TODO over complete code that says when to undo it: "# TODO: Remove guard once encryption keys become mandatory".
 */
const NOT_REPORTED =
  /^(?:\.\.\.|…)$|^\W*(?:TODO|FIXME)\s*\([^)\s][^)]*\)\s*:|^\W*(?:TODO|FIXME)\b\W*(?:remove|drop|delete|revisit|replace|revert)\b.*\b(?:once|when|after|until)\b/i;

/**
 * Placeholders in the code or text a step writes, beyond those both formats forbid: a comment that
 * leaves a value to fill in (`rate: BASE_RATE  # fill in from Iteration 0`), a bracketed line
 * that stands for content ("[verbatim Karpathy content from /tmp/karpathy-claude.md]"), and capitals in
 * angle brackets on a line of their own ("<LINUX BLOCK>").
 */
const WRITTEN_PLACEHOLDERS: readonly RegExp[] = [
  /(?:\/\/|#|\/\*|--|<!--)\s*(?:fill in|TBD|implement later|to be (?:determined|filled in))\b.*$/i,
  /^\s*\[[^\]\n]*\b(?:verbatim|insert|paste|placeholder|fill in|contents? (?:of|from)|your [\w ]+ here)\b[^\]\n]*\]\s*$/i,
  // "<LINUX BLOCK>" alone on its line: capitals in angle brackets that stand for a block to copy in.
  /^\s*<[A-Z][A-Z0-9]*(?: [A-Z0-9]+)+>\s*$/,
];

function phraseMessage(where: string, hit: PhraseHit): string {
  if (hit.kind === 'similar') return `${where} says "${hit.phrase}" instead of showing the code: repeat it here — the engineer may read the tasks out of order.`;
  if (hit.kind === 'open') return `${where} leaves the work open ("${hit.phrase}"): say exactly what to change, with the code.`;
  return `${where} has a placeholder ("${hit.phrase}"): write out what it stands for — the exact code, text or value.`;
}

/**
 * An optional extra check, written out: "Optionally confirm `large-v3` with the same safe path" over the command
 * and "Expected: …". Only whether to run it is left open, and it changes no code.
 */
function optionalCheck(plan: Plan, unit: WorkUnit, phrase: string): boolean {
  if (!/optionally/i.test(phrase) || unit.codeBlocks.some((b) => !SHELL_LANGS.has(b.lang))) return false;
  const runs = unit.codeBlocks.length > 0 || unit.prose.some((t) => /^\W*run\b[^`]*`[^`]+`/i.test(t.text));
  // "Expected:" after the block is read as the command's, not as the unit's prose.
  const expected = plan.lines.slice(unit.span.start.line - 1, unit.span.end.line).some((l) => /^\W*expected\b/i.test(l));
  return runs && expected;
}

export const spNoPlaceholders: Rule = {
  id: 'sp-no-placeholders',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description:
    'writing-plans, "No Placeholders": "TBD", "TODO", "implement later", "fill in details", "Add appropriate error handling" / "add validation" / "handle edge cases", "Write tests for the above" without test code, and "Similar to Task N" ("Same four checks as Task 3") are plan failures — the engineer who executes the plan has only the plan. They are reported in the text of a task\'s steps (phrases that stand in for code only where the step shows no code block of its own; "same pattern as Task 3" beside the commands a step runs refers to how it runs them). Steps that leave the work open ("Fix any real issues found", "identify and fix", "where practical", "if applicable" — not on a field of a record the step writes, "Record preview URL, commit SHA if applicable, routes" —, an "optionally" step) are reported too: such a step may be a contingency the plan cannot spell out; an optional extra check that shows its command and "Expected: …" is not ("Optionally confirm `large-v3` with the same safe path"). In the code a test or implementation step writes, the placeholders both formats forbid are reported (`// TODO`, `{ ... }`, "// rest unchanged"; with task-no-placeholders\' exceptions for recorded deferrals, stubs and elisions in an edit), as are a comment that leaves a value to fill in, a bracketed line standing for content ("[verbatim … content from …]") and capitals in angle brackets on a line of their own ("<LINUX BLOCK>"); a phrase that continues the comment above it ("# … reference" then "# implementation: services/pooler/nix/default.nix") is that comment\'s wording. A phrase in backticks or quotes, after "no"/"never"/"without", or in a self-review line ("Placeholder scan: no TBD/TODO") is a mention, not a placeholder; so is a file named `Placeholder.cs`. Not reported in code: a bare `...` or `…` line (on real plans nobody tuned it on, reviewers agreed with 2 of 11: it most often elides code already there, in a "Change to:" snippet, a block to delete or a "Resulting block:", or is content, a button\'s "…"), and a `// TODO(topic):` comment, which names what tracks the deferral, or a TODO over complete code that says when to undo it (`# TODO: Remove guard once encryption keys become mandatory`). A warning: on real plans nobody tuned it on, most of its findings were elisions of existing code, which reviewers did not call placeholders.',
  instruction:
    'Write no placeholders: no "TBD", "TODO", "implement later", "fill in details", "add appropriate error handling", "handle edge cases", "similar to Task N" or "fix any issues found" — write the exact code, text and values instead.',
  examples: {
    valid: [
      {
        plan: '# Readme Implementation Plan\n\n**Goal:** Document the CLI.\n\n**Tech Stack:** Python 3.12\n\n### Task 1: Guard test\n\n- [ ] **Step 1: Write the failing test**\n\n```python\ndef test_readme_names_init():\n    assert "harness init" in README.read_text()\n```\n\n## Self-Review\n\n- Placeholder scan: no TBD/TODO.\n',
      },
    ],
    invalid: [
      {
        plan: '# Installer Implementation Plan\n\n**Goal:** Install with one command.\n\n**Tech Stack:** POSIX sh, shellcheck\n\n### Task 2: Static analysis\n\n- [ ] **Step 1: Run shellcheck**\n\nRun: `shellcheck install.sh`\nExpected: no warnings.\n\nFix any real issues found.\n',
        message: 'leaves the work open ("Fix any real issues found")',
      },
      {
        plan: '# Workload Implementation Plan\n\n**Goal:** A mixed workload.\n\n**Tech Stack:** Go, YAML\n\n### Task 11: Workload spec\n\n- [ ] **Step 2: Write the workload spec**\n\n```yaml\nclients:\n  - rate: BASE_RATE    # fill in from Iteration 0 measurement\n```\n',
        message: 'has a placeholder ("# fill in from Iteration 0 measurement")',
      },
    ],
  },
  check(plan) {
    const out: Finding[] = [];
    for (const unit of workUnits(plan)) {
      const hit = phraseIn(unit);
      // An open step ("Fix any real issues found" after a check) may be a contingency the plan cannot
      // spell out: a heuristic, so at most a warning.
      if (hit && !optionalCheck(plan, unit, hit.phrase)) out.push({ message: phraseMessage(unitName(unit), hit), span: hit.span, ...(hit.kind === 'open' ? { atMostWarning: true as const } : {}) });
    }
    for (const task of plan.tasks) {
      for (const hit of taskCodePlaceholders(plan, task, WRITTEN_PLACEHOLDERS)) {
        // "[verbatim … from /tmp/x.md]" names the file the text is copied from.
        if (/\bfrom\s+`?[\w~.-]*[/.][\w./-]+/.test(hit.text) || NOT_REPORTED.test(hit.text.trim())) continue;
        out.push({
          message: `Code in ${taskName(task)} has a placeholder ("${hit.text}"): write the complete code or text it stands for.`,
          span: span(hit.line, hit.column, hit.line, hit.column + hit.text.length),
        });
      }
    }
    return out;
  },
};
