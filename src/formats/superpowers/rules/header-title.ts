import type { Rule } from '../../../rules/types.js';
import { lineSpan } from '../../../plan/source.js';
import { clip } from './parts.js';

export const spHeaderTitle: Rule = {
  id: 'sp-header-title',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description:
    'The writing-plans header opens with "# [Feature Name] Implementation Plan": one `#` title on the first line, naming the feature and saying what the document is. A plan whose first line is not a `#` title, or whose title does not say "Implementation Plan" ("# Winpepper Plan 2 — Cleanup"), is reported. "… — Implementation Plan", "… Reimplementation Plan" and a trailing "(Plan 2)" are accepted.',
  instruction: 'Start the plan with one title line, `# <Feature Name> Implementation Plan`.',
  examples: {
    valid: [
      {
        plan: '# Curl Installer Implementation Plan\n\n**Goal:** Install the tool with one curl command.\n\n**Tech Stack:** POSIX sh, curl\n\n---\n\n### Task 1: Script skeleton\n\n- [ ] **Step 1: Write the failing test**\n',
      },
    ],
    invalid: [
      {
        plan: '# Winpepper Plan 2 — Cleanup, Window Context, Corrections\n\n**Goal:** Layer the cleanup pipeline on top of the walking skeleton.\n\n**Tech Stack:** C# / .NET 9\n\n---\n\n## Task 1: Project plumbing\n\n- [ ] **Step 1: Write the failing test**\n',
        message: 'does not say "Implementation Plan"',
      },
    ],
  },
  check(plan) {
    if (!plan.title) {
      return [{ message: 'The plan does not open with a `# [Feature Name] Implementation Plan` title: put one on its first line.', span: lineSpan(plan.lines, 1) }];
    }
    // "… Reimplementation Plan" says it too.
    if (/\b(?:re-?)?implementation plan\b/i.test(plan.title.text)) return [];
    // A title in another script ("侧边栏动画优化实现计划") says what it is in its own words.
    if (!/[A-Za-z]{3}/.test(plan.title.text.replace(/`[^`]*`/g, ''))) return [];
    // "Chain33 Claude 协作基础建设 — 实施计划", "Plan de implementación": named in the plan's own language.
    if (/(?:(?![A-Za-z])\p{L}){2}/u.test(plan.title.text) || /\bplan de implementaci[oó]n\b|\bplan d'impl[ée]mentation\b|implementierungsplan|piano di implementazione/i.test(plan.title.text)) return [];
    return [
      {
        message: `The title "${clip(plan.title.text.replace(/^#+\s*/, ''), 70)}" does not say "Implementation Plan": write it as \`# <Feature Name> Implementation Plan\`.`,
        span: plan.title.span,
      },
    ];
  },
};
