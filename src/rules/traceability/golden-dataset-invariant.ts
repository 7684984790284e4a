import type { Rule } from '../types.js';
import type { Plan, Span } from '../../plan/types.js';

const SHELL = new Set(['', 'bash', 'sh', 'shell', 'console', 'zsh']);

/** Where the plan changes the golden dataset: a task file, or a command/code line that regenerates it. */
function goldenUpdate(plan: Plan): Span | undefined {
  for (const task of plan.tasks) {
    const file = task.files.find((f) => /golden/i.test(f.path) && f.action !== 'test');
    if (file) return file.span;
  }
  // Shell blocks only: regeneration is a command (`go test ./sim/... -update`), not code.
  for (const block of plan.codeBlocks.filter((b) => SHELL.has(b.lang))) {
    const lines = block.content.split('\n');
    const i = lines.findIndex((l) => /goldendataset\.json|golden[-_ ]?dataset/i.test(l) && /-update\b|--update|regenerat|UPDATE_GOLDEN|> *\S*golden|\bgit add\b/i.test(l));
    if (i >= 0) return { start: { line: block.contentLine + i, column: 1 }, end: { line: block.contentLine + i, column: lines[i]!.length + 1 } };
  }
  return undefined;
}

/**
 * Evidence of an invariant test, read from the plan's own words rather than its code: an
 * Invariant row or an invariant-named test in the test strategy, or a task/step title or commit
 * subject that says it adds one.
 */
function hasInvariantTest(plan: Plan): boolean {
  const re = /\binvariants?\b|\bINV-?\d|Invariant/;
  if (plan.testStrategy.rows.some((r) => re.test(r.type.text) || re.test(r.name.text))) return true;
  return plan.tasks.some(
    (t) => re.test(t.title.text) || t.steps.some((s) => re.test(s.title.text)) || (t.commit !== undefined && re.test(t.commit.subject.text)),
  );
}

export const goldenDatasetInvariant: Rule = {
  id: 'golden-dataset-invariant',
  family: 'traceability',
  severity: 'warning',
  formats: ['full', 'compact'],
  description:
    'A plan that regenerates the golden dataset (a task file like testdata/goldendataset.json, or a regeneration command) also adds or extends an invariant test. Regenerated golden values are whatever the code produced; without an invariant test a bug is recorded as the expected output (issue #183: 499 completions instead of 500).',
  instruction: (config) =>
    `When a task regenerates the golden dataset, add or extend an invariant test in the same PR${
      config.invariants.length > 0 ? ` (${config.invariants.map((i) => i.split(':')[0]).join(', ')})` : ''
    } and list it as an Invariant row in the test strategy.`,
  check(plan) {
    const at = goldenUpdate(plan);
    if (!at || hasInvariantTest(plan)) return [];
    return [
      {
        message: 'The plan regenerates the golden dataset but adds no invariant test: add a test that checks a system law (e.g. request conservation) so a wrong golden value cannot pass.',
        span: at,
      },
    ];
  },
};
