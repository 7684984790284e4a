import { specCoverage } from '../../spec/coverage.js';
import type { SpecName } from '../../spec/names.js';
import { span } from '../../plan/source.js';
import type { Finding, Rule } from '../types.js';

const EXCERPT = 70;

function excerpt(text: string): string {
  const flat = text
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1).trimEnd()}…` : flat;
}

function listed(names: readonly SpecName[]): string {
  const shown = names.slice(0, 4).map((n) => `\`${n.text}\``);
  return names.length > 4 ? `${shown.join(', ')} (+${names.length - 4} more)` : shown.join(', ');
}

export const specCoverageRule: Rule = {
  id: 'spec-coverage',
  family: 'traceability',
  severity: 'warning',
  formats: ['full', 'compact', 'superpowers'],
  description:
    'writing-plans, Self-Review: "Skim each section/requirement in the spec. Can you point to a task that implements it? List any gaps." The design spec is the file given with `--spec`, or the one the plan names before its first task (`**Spec:** docs/superpowers/specs/…-design.md`, a design-doc link, a Markdown path under `specs/`), found beside the plan, in `--repo` or in a folder above it; a named spec missing from the repository is reported. The spec is read with the CommonMark parser: each paragraph, list item and table row is a requirement, except under headings or bold labels that ask for nothing (Non-goals, Out of scope, Deferred, Alternatives, Open questions, Background, Risks, Files not changed, …), in Rationale/Why/Notes columns, and statements that something stays as it is. A requirement is checkable when it names something exact (a path, a call, an identifier, a `--flag`, a command, an endpoint; names the spec calls existing, and standard-library calls, do not count), and covered when a task (its Files, steps, code, Interfaces) mentions one of its names (`pkg.Func` as `Func`, a path by a suffix). Reported: a checkable requirement no part of the plan mentions, with a file, call, flag, command or camelCase name among its names (keys, log strings and constants alone are often paraphrased), unless the plan says it leaves it out ("out of scope", "later", "not in this plan"). Nothing is reported against a spec that splits delivery into phases (a Phasing, Rollout or Milestones section) or from a plan that says part of the spec is already done. The JSON report gives each spec\'s counts: requirements, checkable, covered, not checkable.',
  instruction:
    'When the plan is written from a design spec, name it in the header (`**Spec:** path`) and give every requirement of the spec a task that implements it, naming what the spec names (its files, functions, flags, commands); say in the plan what is left out and why.',
  examples: {
    valid: [
      {
        plan: '# Task Recovery Implementation Plan\n\n**Goal:** Recover a stale task.\n\n**Tech Stack:** Python 3.11\n\n**Spec:** `docs/superpowers/specs/2026-08-25-task-recovery-design.md`\n\n### Task 1: Recovery CLI\n\n**Files:**\n- Modify: `src/harness/cli.py`\n\n- [ ] **Step 1: Add the parser**\n\n```python\np_recover.add_argument("--reason", required=True)\n```\n\n### Task 2: Archive\n\n**Files:**\n- Modify: `src/harness/controlplane.py`\n\n- [ ] **Step 1: Write `recovery.yaml` into the archive**\n',
        spec: '# Task Recovery Design\n\n## Command\n\n`--reason` is required and non-empty.\n\n## Recovery flow\n\n1. Write archive `recovery.yaml`.\n\n## Non-goals\n\n- A `--force` flag.\n',
      },
    ],
    invalid: [
      {
        plan: '# Task Recovery Implementation Plan\n\n**Goal:** Recover a stale task.\n\n**Tech Stack:** Python 3.11\n\n**Spec:** `docs/superpowers/specs/2026-08-25-task-recovery-design.md`\n\n### Task 1: Recovery CLI\n\n**Files:**\n- Modify: `src/harness/cli.py`\n\n- [ ] **Step 1: Add the parser**\n\n```python\np_recover.add_argument("--reason", required=True)\n```\n',
        spec: '# Task Recovery Design\n\n## Command\n\n`--reason` is required and non-empty.\n\n## Recovery flow\n\n1. Write archive `recovery.yaml`.\n',
        message: 'names `recovery.yaml`, which no task mentions',
      },
    ],
  },
  check(plan, { specs }) {
    if (!specs) return [];
    const out: Finding[] = [];
    const top = span(1, 1, 1, 1);
    for (const m of specs.missing) {
      out.push({
        message: `The plan names its spec ${m.path}, which is not there (looked in ${m.lookedIn.join(', ')}): fix the path, or lint with --spec <file> (or --repo <dir>) so the plan can be checked against it.`,
        span: m.named.span,
      });
    }
    // Without tasks there is nothing to point at: the structure rules say what is missing.
    if (plan.tasks.length === 0) return out;
    specs.docs.forEach((doc, i) => {
      const at = specs.named?.[i]?.span ?? plan.title?.span ?? top;
      const coverage = specCoverage(plan, doc);
      // A spec delivered in phases, or a plan that says part of it is done: names do not say which requirement is whose.
      if (coverage.summary.phased || coverage.summary.partial) return;
      for (const r of coverage.requirements) {
        if (r.status !== 'uncovered') continue;
        const { requirement } = r;
        out.push({
          message: `${doc.path}:${requirement.line} ("${excerpt(requirement.text)}") names ${listed(requirement.names)}, which no task mentions: add a task or step that implements it, or say in the plan why it is left out.`,
          span: at,
        });
      }
    });
    return out;
  },
};
