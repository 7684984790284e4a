#!/usr/bin/env node
/**
 * The superpowers structure rules on real plans: lints the 30 labelled fixtures at their real paths
 * (test/fixtures/superpowers/SOURCES.md) and the 6 corpus superpowers plans, prints recall against
 * labels.json per rule, and writes every finding of these rules to a candidates file for judging.
 *
 *   npx tsc -p tsconfig.build.json && node bench/superpowers-findings.mjs [out.json]
 *
 * Fixtures are linted with the default config; corpus plans with the inference-sim preset, as the
 * bench snapshot lints them. Fixtures are trimmed excerpts: a finding in a task (or plan) that holds
 * a "[… trimmed …]" line is marked `trimmed`, since what it reports missing may be in the cut text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/superpowers');
const CORPUS = resolve(ROOT, '../shared/corpus/plans');
const out = process.argv[2] ?? join(ROOT, 'test/precision/superpowers-findings-candidates.json');

const { lintText } = await import(join(ROOT, 'dist/engine/run.js'));
const { parsePlan } = await import(join(ROOT, 'dist/plan/parse.js'));
const { defaultConfig } = await import(join(ROOT, 'dist/config/defaults.js'));
const { presetConfig } = await import(join(ROOT, 'dist/config/presets.js'));
const { RULES } = await import(join(ROOT, 'dist/rules/index.js'));

/** The rules measured here: the format's structure rules and the shared rules that hold for it. */
const SHARED = ['fence-balanced', 'task-numbering', 'task-exact-commands', 'test-name-pattern'];
const LEFT_TO_OTHERS = new Set(['sp-header-tech-stack']);
const MINE = RULES.filter((r) => (r.family === 'superpowers' && !LEFT_TO_OTHERS.has(r.id)) || SHARED.includes(r.id)).map((r) => r.id);
/** labels.json ids → rule ids, where a rule covers more than one labelled id. */
const LABEL_TO_RULE = { 'sp-task-heading-level': 'sp-task-heading', 'sp-task-heading': 'sp-task-heading' };
/** Rules that report once per plan: a label anywhere in the plan is found by a finding anywhere in it. */
const PLAN_LEVEL = new Set(['sp-header-title', 'sp-header-agentic-line', 'sp-header-goal', 'sp-header-goal-one-sentence', 'sp-header-architecture', 'sp-header-architecture-length', 'sp-header-position', 'sp-task-heading', 'sp-step-checkbox', 'sp-file-structure', 'sp-global-constraints']);

/** Rules whose finding rests on the reported line alone, so cut text elsewhere cannot make it wrong. */
const ON_THE_LINE = new Set(['sp-header-title', 'sp-header-agentic-line', 'sp-header-goal-one-sentence', 'sp-header-architecture-length', 'sp-task-heading', 'sp-files-exact-paths', 'sp-files-line-range', 'sp-step-checkbox', 'task-exact-commands', 'test-name-pattern', 'fence-balanced']);

const labels = JSON.parse(readFileSync(join(FIXTURES, 'labels.json'), 'utf8'));
const plans = [
  ...labels.fixtures.map((e) => ({ name: e.file, path: e.source.path, kind: 'fixture', text: readFileSync(join(FIXTURES, e.file), 'utf8'), labels: e.violations, config: defaultConfig() })),
  ...labels.corpus.map((e) => ({ name: e.file, path: e.file, kind: 'corpus', text: readFileSync(join(CORPUS, e.file), 'utf8'), labels: e.violations, config: presetConfig('inference-sim') })),
];

const findings = [];
const recall = new Map();
const count = (rule, key) => {
  const r = recall.get(rule) ?? { labelled: 0, found: 0, sameLine: 0, findings: 0 };
  r[key]++;
  recall.set(rule, r);
};
for (const p of plans) {
  const { diagnostics } = await lintText(p.text, p.path, { config: p.config });
  const plan = parsePlan(p.text, p.path, { format: p.config.format });
  const lines = p.text.split('\n');
  const trimLines = lines.flatMap((t, i) => (/^\s*\[…[^\]]*trimmed[^\]]*\]\s*$/.test(t) ? [i + 1] : []));
  const taskAt = (line) => plan.tasks.find((t) => t.span.start.line <= line && line <= t.span.end.line);
  const mine = diagnostics.filter((d) => MINE.includes(d.ruleId));
  for (const d of mine) {
    const line = d.span.start.line;
    const task = taskAt(line);
    // Where cut text could hold what the finding reports missing: the finding's task (from the task
    // before it, for numbering), the header for header findings, the whole plan for plan-wide ones.
    const firstTask = plan.tasks[0]?.span.start.line ?? lines.length + 1;
    const previous = task ? plan.tasks[plan.tasks.indexOf(task) - 1] : undefined;
    const planWide = /^No task has\b|^The plan has no\b/.test(d.message) || ['sp-file-structure', 'sp-global-constraints', 'sp-step-checkbox'].includes(d.ruleId);
    const region = planWide
      ? [1, lines.length]
      : task
        ? [(d.ruleId === 'task-numbering' && previous ? previous : task).span.start.line, task.span.end.line]
        : [1, firstTask - 1];
    // Findings whose evidence is the reported line itself (a title, a heading, a Files entry) are not marked.
    const absence = !ON_THE_LINE.has(d.ruleId);
    const trimmed = absence && p.kind === 'fixture' && trimLines.some((l) => l >= region[0] && l <= region[1]);
    findings.push({
      id: `sp-${String(findings.length + 1).padStart(3, '0')}`,
      plan: p.name,
      path: p.kind === 'fixture' ? `test/fixtures/superpowers/${p.name}` : `../shared/corpus/plans/${p.name}`,
      ruleId: d.ruleId,
      severity: d.severity,
      line,
      message: d.message,
      lineText: lines[line - 1] ?? '',
      ...(trimmed ? { trimmed: `the fixture is a trimmed excerpt; "[… trimmed …]" at line ${trimLines.filter((l) => l >= region[0] && l <= region[1]).join(', ')} of this ${planWide ? 'plan' : task ? 'task' : 'header'}` } : {}),
    });
    count(d.ruleId, 'findings');
  }
  for (const v of p.labels) {
    const rule = LABEL_TO_RULE[v.rule] ?? v.rule;
    if (!MINE.includes(rule)) continue;
    count(rule, 'labelled');
    const ofRule = mine.filter((d) => d.ruleId === rule);
    if (ofRule.some((d) => d.span.start.line === v.line)) count(rule, 'sameLine');
    const task = taskAt(v.line);
    // A finding about several tasks ("Task 1, Task 2 … have no commit step", "No task has …") names them.
    const names = (d) => {
      if (/^No task has\b/.test(d.message)) return true;
      if (!task) return false;
      if (new RegExp(`\\bTask ${task.number}${task.subnumber !== undefined ? `\\.${task.subnumber}` : ''}(?![\\d.])`).test(d.message)) return true;
      // "Tasks 1–8 have no commit step"
      return [...d.message.matchAll(/\b(\d+)–(\d+)\b/g)].some((m) => Number(m[1]) <= task.number && task.number <= Number(m[2]));
    };
    const found = ofRule.some(
      (d) => d.span.start.line === v.line || PLAN_LEVEL.has(rule) || (task ? task === taskAt(d.span.start.line) : !taskAt(d.span.start.line)) || names(d),
    );
    if (found) count(rule, 'found');
  }
}

console.log('rule'.padEnd(32), 'found/labelled', ' same line', ' findings');
for (const id of MINE) {
  const r = recall.get(id) ?? { labelled: 0, found: 0, sameLine: 0, findings: 0 };
  console.log(id.padEnd(32), `${r.found}/${r.labelled}`.padStart(14), `${r.sameLine}`.padStart(10), `${r.findings}`.padStart(9));
}
const about =
  'Every finding of the superpowers structure rules (and of the shared rules that hold for superpowers plans: fence-balanced, task-numbering, task-exact-commands, test-name-pattern) on the 30 labelled fixtures, linted at their real paths with the default config, and on the 6 corpus superpowers plans, linted with the inference-sim preset as the bench snapshot lints them. Unjudged: candidates for a hand-judged sample. `trimmed` marks findings of absence (no commit step, no Expected, no failing run, a task number skipped…) in a task, header or plan of a fixture that holds a "[… trimmed …]" line, where what the finding reports missing may be in the cut text. Written by bench/superpowers-findings.mjs.';
writeFileSync(out, JSON.stringify({ about, findings }, null, 1) + '\n');
console.log(`${findings.length} findings → ${out}`);
