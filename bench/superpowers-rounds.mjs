#!/usr/bin/env node
/**
 * The blind rounds of docs/precision.md, as commands: lint the judged sets, measure the guarded sample as
 * test/precision/superpowers-findings.test.ts does, tally the blind verdicts, and hand a new batch's findings
 * to reviewers and take their verdicts back. docs/judging.md says how a round runs.
 *
 *   npx tsc -p tsconfig.build.json
 *   node bench/superpowers-rounds.mjs findings <out.json>                 every finding, strict rules on
 *   node bench/superpowers-rounds.mjs guarded <findings.json> [--round N]  right / still reported; lost, stale, unjudged
 *   node bench/superpowers-rounds.mjs blind <from> <to> [--by-rule]       verdicts given before any fix, rounds from..to
 *   node bench/superpowers-rounds.mjs items <findings.json> <plans.txt> <dir> <parts>
 *   node bench/superpowers-rounds.mjs merge <dir> <id-prefix> <round>     verdicts-N.json beside items-N.json
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures');
const CORPUS = resolve(ROOT, '../shared/corpus/plans');
const JUDGED = join(ROOT, 'test/precision/superpowers-findings.json');
/** The rules the sample judges: the format's own and the shared ones that hold for it. */
const SHARED = new Set(['fence-balanced', 'task-numbering', 'task-exact-commands', 'test-name-pattern']);
const VERDICTS = ['correct', 'wrong-message', 'false', 'ambiguous', 'excerpt'];

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const writeJson = (path, value) => writeFileSync(path, `${JSON.stringify(value, null, 1)}\n`);
const ratio = (right, all) => `${right} / ${all} (${all === 0 ? '–' : ((100 * right) / all).toFixed(1)}%)`;

function usage() {
  console.error(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(6, 12).join('\n').replace(/^ \* ?/gm, ''));
  process.exit(2);
}

/** Each set's SOURCES.md, read once: file -> the plan's path in its repository. */
const SOURCE_PATHS = new Map();

/** A fixture's path in its own repository, from its set's SOURCES.md. */
function sourcePath(set, file) {
  let paths = SOURCE_PATHS.get(set);
  if (!paths) {
    // One read per set: SOURCES.md is megabytes, and reading it per plan ran the heap out at 1,133 plans.
    paths = new Map();
    for (const line of readFileSync(join(FIXTURES, set, 'SOURCES.md'), 'utf8').split('\n')) {
      const cells = line.split(' | ');
      if (cells.length > 2 && cells[0].startsWith('| `')) paths.set(cells[0].slice(3, -1), cells[2].replace(/`/g, ''));
    }
    SOURCE_PATHS.set(set, paths);
  }
  return paths.get(file) ?? file;
}

async function findings(out) {
  const { lintText } = await import(join(ROOT, 'dist/engine/run.js'));
  const { withStrictRulesOn } = await import(join(ROOT, 'dist/engine/lint.js'));
  const { defaultConfig } = await import(join(ROOT, 'dist/config/defaults.js'));
  const { presetConfig } = await import(join(ROOT, 'dist/config/presets.js'));
  const { RULES } = await import(join(ROOT, 'dist/rules/index.js'));
  const strict = RULES.filter((r) => r.strict);
  const plans = [];
  for (const set of ['superpowers', 'superpowers-heldout']) {
    for (const plan of readdirSync(join(FIXTURES, set)).filter((f) => f.endsWith('.md') && f.includes('__')).sort()) {
      plans.push({ set, plan, file: join(FIXTURES, set, plan), path: sourcePath(set, plan), config: defaultConfig() });
    }
  }
  // The corpus's superpowers plans are linted with the inference-sim preset, as the bench snapshot lints them.
  for (const { file } of readJson(join(FIXTURES, 'superpowers/labels.json')).corpus) {
    plans.push({ set: 'corpus', plan: file, file: join(CORPUS, file), path: file, config: presetConfig('inference-sim') });
  }
  const all = [];
  for (const p of plans) {
    let text;
    try {
      text = readFileSync(p.file, 'utf8');
    } catch {
      continue; // the corpus is not beside this checkout
    }
    const { diagnostics } = await lintText(text, p.path, { config: withStrictRulesOn(p.config, strict) });
    for (const d of diagnostics) {
      all.push({ set: p.set, plan: p.plan, ruleId: d.ruleId, severity: d.severity, line: d.span.start.line, message: d.message, strict: strict.some((r) => r.id === d.ruleId) });
    }
  }
  writeJson(out, all);
  console.log(`${plans.length} plans, ${all.length} findings -> ${out}`);
}

/** The judged finding's current form, matched as the guarding test matches it. */
function matcher(all, judged) {
  const byPlan = new Map();
  for (const d of all) byPlan.set(`${d.set}/${d.plan}`, [...(byPlan.get(`${d.set}/${d.plan}`) ?? []), d]);
  const opening = (m) => m.split(' ').slice(0, 5).join(' ');
  const keys = new Set(judged.map((f) => `${f.set}/${f.plan}|${f.ruleId}|${f.line}|${f.message}`));
  return (f) => {
    const here = (byPlan.get(`${f.set}/${f.plan}`) ?? []).filter((d) => d.ruleId === f.ruleId && d.line === f.line);
    return here.find((d) => d.message === f.message) ?? here.find((d) => opening(d.message) === opening(f.message) && !keys.has(`${f.set}/${f.plan}|${d.ruleId}|${d.line}|${d.message}`));
  };
}

function guarded(path, round) {
  const all = readJson(path);
  const { findings: judged } = readJson(JUDGED);
  const current = matcher(all, judged);
  const strict = new Set(all.filter((d) => d.strict).map((d) => d.ruleId));
  // With a round, its findings only: what that round's table row gives "after its fixes".
  const counted = judged.filter((f) => f.verdict !== 'excerpt' && (round === undefined || f.round === round));
  const still = counted.filter((f) => current(f));
  const right = (fs) => fs.filter((f) => f.verdict === 'correct').length;
  const defaults = still.filter((f) => !strict.has(f.ruleId));
  console.log(`every rule ${ratio(right(still), still.length)}; defaults ${ratio(right(defaults), defaults.length)}`);
  for (const f of counted.filter((x) => x.verdict === 'correct' && !x.retired && !current(x))) console.log(`lost   ${f.id} ${f.ruleId} ${f.plan}:${f.line}`);
  for (const f of counted.filter((x) => !x.retired && current(x) && current(x).message !== x.message)) console.log(`stale  ${f.id} ${f.ruleId} ${f.plan}:${f.line}\n  now: ${current(f).message}`);
  const matched = new Set(judged.map(current).filter(Boolean));
  const plans = new Set((round === undefined ? judged : counted).map((f) => `${f.set}/${f.plan}`));
  for (const d of all.filter((x) => (x.ruleId.startsWith('sp-') || SHARED.has(x.ruleId)) && plans.has(`${x.set}/${x.plan}`) && !matched.has(x))) {
    console.log(`unjudged ${d.ruleId} ${d.plan}:${d.line} ${d.message}`);
  }
}

/**
 * The verdict a finding had before any fix touched its plan: a rejudged finding keeps it in "Judged before: …"
 * or in `earlier`. Findings the lead added after a fix ("Lead, …" with neither) were never blind.
 */
function blindVerdict(f) {
  return /Judged before: (correct|wrong-message|false|ambiguous)/.exec(f.reason)?.[1] ?? f.earlier?.verdict ?? f.verdict;
}

async function blind(from, to, byRule) {
  const { RULES } = await import(join(ROOT, 'dist/rules/index.js'));
  const strict = new Set(RULES.filter((r) => r.strict).map((r) => r.id));
  const { findings: judged } = readJson(JUDGED);
  const leadAdded = (f) => /^Lead\b/.test(f.reason) && !/Judged before/.test(f.reason) && !f.earlier;
  const rows = judged.filter((f) => f.round >= from && f.round <= to && f.round !== 19 && f.verdict !== 'excerpt' && !leadAdded(f));
  const right = (fs) => fs.filter((f) => blindVerdict(f) === 'correct').length;
  const defaults = rows.filter((f) => !strict.has(f.ruleId));
  console.log(`rounds ${from} to ${to} (not 19): every rule ${ratio(right(rows), rows.length)}; defaults ${ratio(right(defaults), defaults.length)}`);
  if (!byRule) return;
  for (const id of [...new Set(rows.map((f) => f.ruleId))].sort()) {
    const fs = rows.filter((f) => f.ruleId === id);
    console.log(`${strict.has(id) ? 'strict ' : '       '}${id.padEnd(32)} ${ratio(right(fs), fs.length)}`);
  }
}

/** A new batch's findings of the judged rules, dealt to reviewers by plan, the largest plans first. */
function items(path, list, dir, parts) {
  const all = readJson(path);
  const plans = readFileSync(list, 'utf8').split('\n').filter(Boolean);
  const mine = all.filter((d) => d.set === 'superpowers-heldout' && plans.includes(d.plan) && (d.ruleId.startsWith('sp-') || SHARED.has(d.ruleId)));
  const byPlan = plans.map((p) => mine.filter((d) => d.plan === p)).filter((fs) => fs.length > 0).sort((a, b) => b.length - a.length);
  const bins = Array.from({ length: parts }, () => []);
  for (const fs of byPlan) bins.sort((a, b) => a.length - b.length)[0].push(...fs);
  mkdirSync(dir, { recursive: true });
  let key = 0;
  bins.forEach((bin, i) => {
    // Reviewers see the finding, not whether its rule is on by default.
    const out = bin.map((d) => ({ key: `k${++key}`, plan: `test/fixtures/superpowers-heldout/${d.plan}`, ruleId: d.ruleId, severity: d.severity, line: d.line, message: d.message }));
    writeJson(join(dir, `items-${i + 1}.json`), out);
    console.log(`items-${i + 1}.json: ${out.length} findings on ${new Set(out.map((x) => x.plan)).size} plans`);
  });
}

function merge(dir, prefix, round) {
  const judged = readJson(JUDGED);
  const taken = [];
  for (const file of readdirSync(dir).filter((f) => /^items-\d+\.json$/.test(f))) {
    const verdicts = new Map(readJson(join(dir, file.replace('items', 'verdicts'))).map((v) => [v.key, v]));
    for (const item of readJson(join(dir, file))) {
      const v = verdicts.get(item.key);
      if (!v || !VERDICTS.includes(v.verdict) || !v.reason || !v.evidence) throw new Error(`${file}: no usable verdict for ${item.key}`);
      taken.push({ item, v });
    }
  }
  taken.sort((a, b) => a.item.plan.localeCompare(b.item.plan) || a.item.line - b.item.line || a.item.ruleId.localeCompare(b.item.ruleId));
  taken.forEach(({ item, v }, i) => {
    judged.findings.push({ id: `${prefix}-${String(i + 1).padStart(3, '0')}`, set: 'superpowers-heldout', plan: item.plan.split('/').pop(), ruleId: item.ruleId, severity: item.severity, line: item.line, message: item.message, verdict: v.verdict, reason: v.reason, evidence: v.evidence, round: round });
  });
  writeJson(JUDGED, judged);
  const count = {};
  for (const { v } of taken) count[v.verdict] = (count[v.verdict] ?? 0) + 1;
  console.log(`merged ${taken.length} findings as round ${round}:`, count);
}

const [command, ...args] = process.argv.slice(2);
if (command === 'findings' && args[0]) await findings(args[0]);
else if (command === 'guarded' && args[0]) guarded(args[0], args.includes('--round') ? Number(args[args.indexOf('--round') + 1]) : undefined);
else if (command === 'blind' && args[1]) await blind(Number(args[0]), Number(args[1]), args.includes('--by-rule'));
else if (command === 'items' && args[3]) items(args[0], args[1], args[2], Number(args[3]));
else if (command === 'merge' && args[2]) merge(args[0], args[1], Number(args[2]));
else usage();
