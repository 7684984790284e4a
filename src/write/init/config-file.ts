/**
 * The `microplan.config.yaml` that `init` writes: what it detected, and for what it could not
 * detect a commented line saying so, never an empty value (the config must always validate).
 */
import { GENERIC_PLAN_SPECIFIC_CHECKS } from '../../config/defaults.js';
import { formatById, type FormatId } from '../../formats/index.js';
import { commandTool } from '../../rules/tasks/commands.js';
import type { Stack } from './detect.js';

const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** What init could not detect, as the user would fill it in. */
export interface Missing {
  key: 'language' | 'commands.test' | 'commands.lint';
  what: string;
}

export function missingSettings(stack: Stack): Missing[] {
  const out: Missing[] = [];
  if (!stack.language) out.push({ key: 'language', what: 'the language' });
  if (!stack.test) out.push({ key: 'commands.test', what: 'the test command' });
  if (!stack.lint) out.push({ key: 'commands.lint', what: 'the lint command' });
  return out;
}

/**
 * The config for a detected stack. A micro-plan config ends its plans with the sanity checklist
 * and leaves `format` at its default (auto) unless the format was asked for by name (then a
 * later run finding superpowers plans keeps it); a superpowers config names its format and plans
 * directory, and has no checklist (the format has none).
 */
export function renderConfig(stack: Stack, format: FormatId = 'micro-plan', named = false): string {
  const linter = stack.lint ? commandTool(stack.lint).label : undefined;
  const commands: string[] = [];
  if (stack.test) commands.push(`  test: ${q(stack.test)}`);
  if (stack.lint) commands.push(`  lint: ${q(stack.lint)}`);
  const lines = [
    '# microplan configuration — see docs/config.md of microplan for every key.',
    `# Written by \`microplan init\`${stack.marker ? ` from ${stack.marker}` : ''}; edit freely: init never overwrites your edits.`,
    ...(stack.language
      ? [`language: ${stack.language}`]
      : ["# language: not detected — set it (e.g. go, typescript, python) for examples in the project's language."]),
    ...(commands.length > 0
      ? ['commands:', ...commands]
      : [
          'commands: {}',
          "# commands.test, commands.lint: not detected — replace the line above with the project's own, e.g.",
          "#   commands:",
          "#     test: 'make test'",
          "#     lint: 'make lint'",
          "# Until then plans name the project's test and lint commands themselves.",
        ]),
    ...(commands.length > 0 && !stack.test ? ["# commands.test: not detected — add it under commands (e.g. test: 'make test'); until then plans name the project's test command themselves."] : []),
    ...(commands.length > 0 && !stack.lint ? ["# commands.lint: not detected — add it under commands (e.g. lint: 'make lint'); until then plans name the project's linter themselves."] : []),
    ...(stack.testNamePattern
      ? ['# Test names in plans must match this pattern (a regular expression).', `testNamePattern: ${q(stack.testNamePattern)}`]
      : []),
    ...(stack.testNameExample ? [`testNameExample: ${q(stack.testNameExample)}`] : []),
    ...(format === 'micro-plan'
      ? [
          ...(named ? ['# Plans are written and linted in the micro-plan format.', 'format: micro-plan'] : []),
          'plansDir: docs/plans',
          '# The checklist every plan ends with (section J).',
          'planSpecificChecks:',
          ...GENERIC_PLAN_SPECIFIC_CHECKS.map((c) => (linter && /project's linter/.test(c) ? `All new code will pass ${linter}.` : c)).map((c) => `  - ${q(c)}`),
        ]
      : [`# Plans are written and linted in the ${formatById(format).title} format.`, `format: ${format}`, `plansDir: ${formatById(format).plansDir}`]),
    format === 'micro-plan' ? "# Your project's antipattern rules, checked off in every plan, e.g." : "# Your project's antipattern rules, given to every plan's writer as Global Constraints, e.g.",
    "#   - 'R1: No silent continue/return dropping data'",
    'antipatterns: []',
    '# Laws of your system that invariant tests check (golden tests must be paired with one), e.g.',
    "#   - 'Request conservation: completed + queued + dropped = injected'",
    'invariants: []',
    '# Per-rule severity: error | warn | off (ids: `microplan rules`).',
    'rules: {}',
  ];
  return lines.join('\n') + '\n';
}
