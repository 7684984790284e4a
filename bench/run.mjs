#!/usr/bin/env node
/**
 * microplan benchmark (npm run bench [-- --runs N]).
 *
 * Over every .md file of ../shared/corpus/plans (relative to the repository):
 *   - microplan in-process, warm (like an editor or a language server): parse + lint, whole catalog;
 *   - a bare markdown-it parse of the same texts (the parser microplan uses, same options);
 *   - microplan as a CLI process, cold start: `node bin/microplan.js lint <files>`;
 *   - markdownlint-cli2 (default rules) as a CLI process over the same files;
 * then one ~2,000-line plan linted in-process (median of many runs), and the corpus summary the
 * README quotes: files classified full/compact/none, findings per rule, plans with zero errors.
 * Targets: microplan CLI ≥ 5x faster than markdownlint-cli2; in-process within 2x of the bare
 * parse; the 2,000-line plan in < 50 ms; a cold `lint` of one plan at most 2x the CPU time of
 * `node -e 0` (start-up, measured interleaved: bench/startup.mjs).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { benchEnv, startupNote } from './env.mjs';
import { startupCost } from './startup.mjs';

/* global Buffer, performance */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = resolve(ROOT, '../shared/corpus/plans');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 5) : 5;

if (!existsSync(CORPUS)) {
  console.log(`bench: skipped — no corpus at ${CORPUS} (expected ../shared/corpus/plans next to the repository).`);
  process.exit(0);
}
if (!existsSync(join(ROOT, 'dist', 'engine', 'run.js'))) {
  console.error('bench: dist/ is missing — run "npm run bench" (it builds first) or "npm run build".');
  process.exit(2);
}

const { lintText } = await import(join(ROOT, 'dist', 'engine', 'run.js'));
// The corpus plans were written for the spec's own project: lint them with its preset.
const { presetConfig } = await import(join(ROOT, 'dist', 'config', 'presets.js'));
const { RULES } = await import(join(ROOT, 'dist', 'rules', 'index.js'));
const { parsePlan } = await import(join(ROOT, 'dist', 'plan', 'parse.js'));

const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort().map((f) => join(CORPUS, f));
const texts = files.map((f) => readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const lines = texts.reduce((n, t) => n + t.split('\n').length, 0);
const config = presetConfig('inference-sim');

// Child processes get a cache directory of their own (lint's V8 code cache, bin/code-cache.cjs):
// a run of another build on the machine (another checkout) replaces the shared directory's cache,
// and would turn this bench's warm runs cold mid-measurement.
const CACHE_DIR = mkdtempSync(join(tmpdir(), 'microplan-bench-'));
process.on('exit', () => rmSync(CACHE_DIR, { recursive: true, force: true }));
// Each process in its own, cold: the served lint (below) is measured apart, with its server charged.
const childEnv = () => ({ ...benchEnv(), MICROPLAN_CACHE_DIR: CACHE_DIR, MICROPLAN_SERVER: 'off' });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1)).padStart(7) + ' ms';

/**
 * Medians of interleaved runs after warm-ups of each (the editor case: a long-lived process), so
 * load and GC hit all alike. Three warm-ups: the lint's many functions reach V8's optimizing tier
 * over its first few runs (about 380, 340, 320 ms, then ~300), markdown-it's few after one.
 */
const WARM_UPS = 3;
async function timeInterleaved(fns, runs) {
  for (let i = 0; i < WARM_UPS; i++) for (const fn of fns) await fn();
  const out = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < fns.length; j++) {
      const t = performance.now();
      await fns[j]();
      out[j].push(performance.now() - t);
    }
  }
  return out.map(median);
}

/** Medians of cold processes, the commands' runs interleaved (A B A B …) so load drifts hit each alike. */
function timeProcesses(argLists, runs) {
  const out = argLists.map(() => []);
  const last = argLists.map(() => undefined);
  for (let i = 0; i < runs; i++) {
    argLists.forEach((args, j) => {
      const t = performance.now();
      last[j] = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: childEnv() });
      out[j].push(performance.now() - t);
    });
  }
  return out.map((xs, j) => ({ ms: median(xs), status: last[j].status, stderr: last[j].stderr }));
}
const timeProcess = (args, runs) => timeProcesses([args], runs)[0];

console.log(`microplan bench — ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB, ${lines} lines from ${CORPUS}`);
console.log(`node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; medians: in-process of ${Math.max(RUNS, 11)} interleaved runs after ${WARM_UPS} warm-ups, processes of ${Math.min(RUNS, 3)} interleaved runs (microplan, markdownlint-cli2, …)`);
console.log(`${startupNote()}\n`);

// In-process, warm.
const md = new MarkdownIt('commonmark').enable(['table', 'strikethrough']);
const [bare, inProcess] = await timeInterleaved(
  [
    () => {
      for (const t of texts) md.parse(t, {});
    },
    async () => {
      for (let i = 0; i < texts.length; i++) await lintText(texts[i], files[i], { config });
    },
  ],
  Math.max(RUNS, 11),
);

// Processes, cold start (fewer runs: markdownlint-cli2 takes tens of seconds on a loaded machine).
const PROCESS_RUNS = Math.min(RUNS, 3);
const nodeStart = timeProcess(['-e', '0'], PROCESS_RUNS);
const mdlBin = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const hasMdl = existsSync(mdlBin);
const cliArgs = [join(ROOT, 'bin', 'microplan.js'), 'lint', '--format', 'json', ...files];
// ":" marks a literal path (no glob expansion); default rules, no config file in the repository.
const [cli, mdl] = timeProcesses(hasMdl ? [cliArgs, [mdlBin, ...files.map((f) => `:${f}`)]] : [cliArgs], PROCESS_RUNS);
if (cli.status !== 0 && cli.status !== 1) console.error(`microplan CLI exited ${cli.status}: ${cli.stderr.split('\n')[0]}`);

// The agent's case: one plan, one process.
const one = files[texts.findIndex((t) => t.length === Math.max(...texts.map((x) => x.length)))];
const cliOneArgs = [join(ROOT, 'bin', 'microplan.js'), 'lint', '--format', 'json', one];
const [cliOne, mdlOne] = timeProcesses(hasMdl ? [cliOneArgs, [mdlBin, `:${one}`]] : [cliOneArgs], PROCESS_RUNS);

const rows = [
  ['node startup alone (node -e 0)', 'process, cold', nodeStart.ms],
  ['markdown-it parse only', 'in-process, warm', bare],
  ['microplan lint (parse + catalog)', 'in-process, warm', inProcess],
  ['microplan lint', 'CLI process, cold', cli.ms],
  ...(mdl ? [['markdownlint-cli2 (default rules)', 'CLI process, cold', mdl.ms]] : []),
  ['microplan lint, largest file only', 'CLI process, cold', cliOne.ms],
  ...(mdlOne ? [['markdownlint-cli2, largest file only', 'CLI process, cold', mdlOne.ms]] : []),
];
console.log('what'.padEnd(40) + 'how'.padEnd(20) + 'time'.padStart(10));
for (const [what, how, t] of rows) console.log(what.padEnd(40) + how.padEnd(20) + ms(t));

const verdict = (ok) => (ok ? 'PASS' : 'MISS');
console.log('');
if (mdl) {
  const ratio = mdl.ms / cli.ms;
  console.log(`${verdict(ratio >= 5)}  CLI vs markdownlint-cli2: microplan is ${ratio.toFixed(1)}x faster (target ≥ 5x; both cold processes over the same ${files.length} files)`);
} else {
  console.log('SKIP  markdownlint-cli2 is not installed (devDependency): no comparison');
}
const overBare = inProcess / bare;
console.log(`${verdict(overBare <= 2)}  in-process vs bare markdown-it parse: ${overBare.toFixed(2)}x the parse time (target ≤ 2x; both warm)`);

// One ~2,000-line plan.
const classified = texts.map((t, i) => ({ file: files[i], text: t, plan: parsePlan(t, files[i]) }));
const plans = classified.filter((c) => c.plan.format !== 'none');
const biggest = [...plans].sort((a, b) => b.plan.lines.length - a.plan.lines.length)[0];
let big = biggest.text;
let origin = `${biggest.file.slice(CORPUS.length + 1)} (${biggest.plan.lines.length} lines)`;
if (biggest.plan.lines.length < 2000 && biggest.plan.tasks.length > 0) {
  // Pad with copies of its own tasks, renumbered, to reach a realistic 2,000-line plan.
  const taskTexts = biggest.plan.tasks.map((t) => biggest.plan.lines.slice(t.span.start.line - 1, t.span.end.line).join('\n'));
  let n = biggest.plan.tasks.length;
  for (let i = 0; big.split('\n').length < 2000; i++) big += '\n' + taskTexts[i % taskTexts.length].replace(/Task \d+/, `Task ${++n}`) + '\n';
  origin += `, padded with copies of its tasks to ${big.split('\n').length} lines`;
}
const singleRuns = Math.max(20, RUNS * 4);
const [single] = await timeInterleaved([() => lintText(big, 'big.md', { config })], singleRuns);
console.log(`${verdict(single < 50)}  one ${big.split('\n').length}-line plan, in-process: median ${single.toFixed(1)} ms over ${singleRuns} runs (target < 50 ms) — ${origin}`);

// Start-up: one plan of median size, against Node's own start, as an agent or a hook runs it:
// served by the lint server (what every lint after the first gets, outside CI), charged the
// server's CPU too; and cold, in a process of its own (the first call, CI, --no-server). Each
// also in a project with a config file (what `init` leaves: the config's parser runs too), and
// cold on a file that is not a plan (start-up and classification only).
{
  const bySize = [...plans].sort((a, b) => a.plan.lines.length - b.plan.lines.length);
  const typical = bySize[Math.floor(bySize.length / 2)];
  const notPlan = classified.find((c) => c.plan.format === 'none');
  const bin = join(ROOT, 'bin', 'microplan.js');
  const STARTUP_RUNS = Math.max(15, RUNS * 3);
  const project = mkdtempSync(join(tmpdir(), 'microplan-bench-project-'));
  const configured = join(project, 'plan.md');
  copyFileSync(typical.file, configured);
  writeFileSync(join(project, 'microplan.config.yaml'), 'extends: inference-sim\n');
  const cold = { ...childEnv(), MICROPLAN_SERVER: 'off' };
  const servedEnv = { ...childEnv(), MICROPLAN_SERVER: '', CI: '', MICROPLAN_SERVER_DIR: join(project, 'server') };
  const started = spawnSync(process.execPath, [bin, 'server', 'start'], { env: servedEnv, encoding: 'utf8' });
  const server = Number(/pid (\d+)/.exec(started.stdout)?.[1]);
  if (!(server > 0)) throw new Error(`the lint server did not start: ${started.stderr}`);
  let result;
  try {
    result = startupCost(
      [
        ['-e', '0'],
        { args: [bin, 'lint', typical.file], env: servedEnv, server },
        { args: [bin, 'lint', configured], env: servedEnv, server },
        { args: [bin, 'lint', typical.file], env: cold },
        { args: [bin, 'lint', configured], env: cold },
        ...(notPlan ? [{ args: [bin, 'lint', notPlan.file], env: cold }] : []),
      ],
      { runs: STARTUP_RUNS, cwd: ROOT, env: childEnv() },
    );
  } finally {
    spawnSync(process.execPath, [bin, 'server', 'stop'], { env: servedEnv });
    rmSync(project, { recursive: true, force: true });
  }
  const { measure, perRun, serverPerRun } = result;
  const [node, servedOne, servedConfigured, coldOne, coldConfigured, coldNone] = perRun;
  const x = (ms) => `${(ms / node).toFixed(2)}x`;
  console.log(
    `${verdict(servedOne <= 2 * node)}  start-up: a lint of one plan, served by the lint server, costs ${x(servedOne)} the ${measure} of node -e 0 ` +
      `(${servedOne.toFixed(1)} ms: the client ${(servedOne - serverPerRun[1]).toFixed(1)}, the server ${serverPerRun[1].toFixed(1)}; node -e 0 ${node.toFixed(1)} ms; ` +
      `${STARTUP_RUNS} interleaved runs; target ≤ 2x) — ${typical.file.slice(CORPUS.length + 1)} (${typical.plan.lines.length} lines, the median plan)`,
  );
  console.log(`      the same plan in a project with a microplan.config.yaml, served: ${x(servedConfigured)} (${servedConfigured.toFixed(1)} ms)`);
  console.log(
    `${verdict(coldOne <= 2 * node)}  start-up: the same lint cold, in a process of its own (a first call, CI, --no-server): ${x(coldOne)} (${coldOne.toFixed(1)} ms)`,
  );
  console.log(`      in the project with a config, cold: ${x(coldConfigured)} (${coldConfigured.toFixed(1)} ms)`);
  if (coldNone !== undefined) {
    console.log(`      a file that is not a plan, cold: ${x(coldNone)} (${coldNone.toFixed(1)} ms) — start-up and classification alone`);
  }
}

// Corpus summary.
const byFormat = { full: 0, compact: 0, none: 0 };
const perRule = new Map();
let zeroErrors = 0;
for (const c of classified) byFormat[c.plan.format]++;
for (const c of plans) {
  const r = await lintText(c.text, c.file, { config });
  if (r.errorCount === 0) zeroErrors++;
  const seen = new Set();
  for (const d of r.diagnostics) {
    const e = perRule.get(d.ruleId) ?? { findings: 0, plans: 0 };
    e.findings++;
    if (!seen.has(d.ruleId)) e.plans++;
    seen.add(d.ruleId);
    perRule.set(d.ruleId, e);
  }
}
console.log(`\ncorpus: ${files.length} files — ${byFormat.full} full plans, ${byFormat.compact} compact plans, ${byFormat.none} not plans (design docs, macro plans, notes)`);
console.log(`rules in the catalog: ${RULES.length}; plans with zero errors: ${zeroErrors} of ${plans.length}`);
// Findings before the precision work (bench/findings-before.json) beside today's, per rule and per plan.
const before = JSON.parse(readFileSync(join(ROOT, 'bench', 'findings-before.json'), 'utf8'));
const beforeTotal = Object.values(before.rules).reduce((a, b) => a + b, 0);
const nowTotal = [...perRule.values()].reduce((a, e) => a + e.findings, 0);
const beforePlans = Object.values(before.plans).filter((p) => p.format !== 'none').length;
console.log(`findings per plan: ${(nowTotal / plans.length).toFixed(1)} now (${nowTotal} on ${plans.length} plans), ${(beforeTotal / beforePlans).toFixed(1)} before the precision work (${beforeTotal} on ${beforePlans}, commit ${before.commit})`);
const ids = [...new Set([...perRule.keys(), ...Object.keys(before.rules)])];
const top = ids
  .map((id) => [id, perRule.get(id)?.findings ?? 0, before.rules[id] ?? 0, perRule.get(id)?.plans ?? 0])
  .sort((a, b) => b[1] - a[1] || b[2] - a[2] || a[0].localeCompare(b[0]))
  .slice(0, 20);
if (top.length > 0) {
  console.log('\nfindings per rule (top 20)');
  console.log('rule'.padEnd(40) + 'plans'.padStart(7) + 'now'.padStart(8) + 'before'.padStart(8));
  for (const [id, now, was, nPlans] of top) console.log(id.padEnd(40) + String(nPlans).padStart(7) + String(now).padStart(8) + String(was).padStart(8));
}
