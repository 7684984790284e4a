/** The `microplan.config.yaml` that `init` writes: detected values, and comments where nothing is known. */
import type { Stack } from './detect.js';

const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export function renderConfig(stack: Stack): string {
  const lintTool = stack.lint?.split(/\s+/).find((w) => !['npx', 'npm', 'run'].includes(w)) ?? 'the linter';
  const lines = [
    '# microplan configuration — see docs/config.md of microplan for every key.',
    `# Written by \`microplan init\`${stack.marker ? ` from ${stack.marker}` : ''}; edit freely: init never overwrites your edits.`,
    `language: ${stack.language}`,
    'commands:',
    stack.test ? `  test: ${q(stack.test)}` : "  test: ''   # how the project's tests run, e.g. 'make test' — the plan's Run steps use it",
    stack.lint ? `  lint: ${q(stack.lint)}` : "  lint: ''   # how the project is linted — every task's lint step runs it",
    '# Test names in plans must match this pattern (a regular expression).',
    `testNamePattern: ${q(stack.testNamePattern)}`,
    `testNameExample: ${q(stack.testNameExample)}`,
    'plansDir: docs/plans',
    '# The checklist every plan ends with (section J).',
    'planSpecificChecks:',
    ...[
      'No unnecessary abstractions.',
      'No feature creep beyond PR scope.',
      'No unexercised flags or interfaces.',
      'No partial implementations.',
      'No breaking changes without explicit contract updates.',
      'No hidden global state impact.',
      `All new code will pass ${lintTool}.`,
      'Shared test helpers used from the existing shared test package (not duplicated locally).',
      'Deviation log reviewed — no unresolved deviations.',
      'Each task produces working, testable code (no scaffolding).',
      'Task dependencies are correctly ordered.',
      'All contracts are mapped to specific tasks.',
      'Construction site audit completed — all construction sites listed and covered by tasks.',
    ].map((c) => `  - ${q(c)}`),
    "# Your project's antipattern rules, checked off in every plan, e.g.",
    "#   - 'R1: No silent continue/return dropping data'",
    'antipatterns: []',
    "# Laws of your system that invariant tests check (golden tests must be paired with one), e.g.",
    "#   - 'Request conservation: completed + queued + dropped = injected'",
    'invariants: []',
    '# Per-rule severity: error | warning | off (ids: `microplan rules`).',
    'rules: {}',
  ];
  return lines.join('\n') + '\n';
}
