#!/usr/bin/env node
/**
 * Every finding of the superpowers content and grounding rules on the 36 labelled superpowers plans,
 * for judging: the 30 fixtures linted at their real paths (SOURCES.md) without a repository, and
 * the 6 corpus plans with the inference-sim clone at their plans-index base (`--repo`, `--base`).
 *
 *   npx tsc -p tsconfig.build.json && node bench/superpowers-content-candidates.mjs [/work/isim] > test/precision/superpowers-content-candidates.json
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/superpowers');
const CORPUS = resolve(ROOT, '../shared/corpus');
const REPO = process.argv[2] ?? '/work/isim';
const RULES = new Set([
  'sp-no-placeholders',
  'sp-code-step-without-code',
  'sp-type-consistency',
  'sp-interfaces',
  'sp-interfaces-names',
  'citation-exists',
  'citation-moved',
  'citation-changed',
  'citation-gone',
  'task-files-exist',
]);

const { lintText } = await import(join(ROOT, 'dist/engine/run.js'));
const { defaultConfig } = await import(join(ROOT, 'dist/config/defaults.js'));
const { GroundingSession } = await import(join(ROOT, 'dist/ground/open.js'));

const labels = JSON.parse(readFileSync(join(FIXTURES, 'labels.json'), 'utf8'));
const bases = Object.fromEntries(
  readFileSync(join(CORPUS, 'plans-index.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .map((c) => [c[0], c[2]]),
);
const plans = [
  ...labels.fixtures.map((e) => ({ plan: e.file, file: `test/fixtures/superpowers/${e.file}`, path: e.source.path, base: undefined })),
  ...labels.corpus.map((e) => ({ plan: e.file, file: `../shared/corpus/plans/${e.file}`, path: `docs/plans/${e.file}`, base: existsSync(REPO) ? bases[e.file] : undefined })),
];

const findings = [];
for (const p of plans) {
  const text = readFileSync(resolve(ROOT, p.file), 'utf8');
  const session = p.base ? new GroundingSession({ dir: REPO, base: p.base }) : undefined;
  const r = await lintText(text, p.path, { config: defaultConfig(), grounding: session ? (plan) => session.forPlan(plan) : undefined });
  await session?.close();
  const lines = text.split('\n');
  for (const d of r.diagnostics) {
    if (!RULES.has(d.ruleId)) continue;
    findings.push({
      plan: p.plan,
      file: p.file,
      ...(p.base ? { base: p.base } : {}),
      line: d.span.start.line,
      column: d.span.start.column,
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      text: lines[d.span.start.line - 1],
    });
  }
}
process.stdout.write(
  JSON.stringify(
    {
      about:
        'Every finding of the superpowers content rules (sp-no-placeholders, sp-code-step-without-code, sp-type-consistency, sp-interfaces, sp-interfaces-names) and of the grounding rules on the 30 superpowers fixtures (linted at their real paths, no repository) and the 6 corpus superpowers plans (with the inference-sim repository at their plans-index base). To be judged: does a person who reads the finding and the plan agree? Regenerate with bench/superpowers-content-candidates.mjs.',
      findings,
    },
    null,
    1,
  ) + '\n',
);
