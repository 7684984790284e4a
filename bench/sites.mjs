#!/usr/bin/env node
/**
 * Benchmark: `microplan sites` against `git grep -n 'T{'` on the Go standard library, both held
 * to a go/ast ground truth (bench/groundtruth/main.go). Reports precision and recall on file:line
 * sets, what grep misses and wrongly matches, and wall times.
 *
 * Then the same precision and recall on a real project: the repository the corpus plans were
 * written against (../shared/repos/inference-sim.bundle), cloned once, at its HEAD and at the
 * revision a corpus plan was written against.
 *
 * Usage: node bench/sites.mjs [Type …]   (needs `npm run build`; bench/setup.sh installs the sources)
 *        node bench/sites.mjs --project [Type …]   (the project part alone)
 * Env:   MICROPLAN_GO_SRC (default /usr/share/go-1.19/src), MICROPLAN_BENCH_RUNS (default 5),
 *        MICROPLAN_BENCH_BUNDLE (default ../shared/repos/inference-sim.bundle beside the repository)
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchEnv, startupNote } from './env.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = process.env.MICROPLAN_GO_SRC ?? '/usr/share/go-1.19/src';
const RUNS = Number(process.env.MICROPLAN_BENCH_RUNS ?? 5);
const CACHE = path.join(ROOT, '.bench-cache');
const TREE = path.join(CACHE, 'go-src');
const BIN = path.join(ROOT, 'bin', 'microplan.js');
/** The cached runs' cache (MICROPLAN_CACHE_DIR), emptied at the start of every bench run. */
const SITE_CACHE = path.join(CACHE, 'site-cache');
/** Widely constructed types (counted with `groundtruth -top`), covering plain, &T{}, pkg.T{} and elided forms. */
const DEFAULT_TYPES = ['Position', 'Ident', 'Header', 'Request', 'RGBA', 'Range16'];
/** The kinds go/ast calls composite literals; factory calls are left out for a like-for-like comparison. */
const LITERAL_KINDS = new Set(['composite-literal', 'address-of', 'elided-literal']);

function skip(reason) {
  console.log(`bench sites: skipped — ${reason}`);
  process.exit(0);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28, env: benchEnv(), ...options });
  if (result.error) throw result.error;
  return result;
}

function must(command, args, options) {
  const result = run(command, args, options);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Median wall time (ms) of `fn` over RUNS runs, after one warm-up; returns [ms, last result]. */
function timed(fn) {
  let result = fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return [times[Math.floor(times.length / 2)], result];
}

async function timedAsync(fn) {
  let result = await fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return [times[Math.floor(times.length / 2)], result];
}

/** A git repository holding a copy of the sources (git grep and microplan both need one), made once. */
function prepareTree() {
  const marker = path.join(TREE, '.microplan-bench-source');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === SRC) return;
  console.log(`bench sites: copying ${SRC} into ${TREE} and committing it (once)…`);
  rmSync(TREE, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  cpSync(SRC, TREE, { recursive: true });
  const git = (...args) => must('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@microplan.local', ...args], { cwd: TREE });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'go sources');
  writeFileSync(marker, SRC); // untracked on purpose: it is not Go source
}

function groundTruth(types, root = TREE) {
  const binary = path.join(CACHE, 'groundtruth');
  if (!existsSync(binary)) {
    mkdirSync(CACHE, { recursive: true });
    must('go', ['build', '-o', binary, 'main.go'], { cwd: path.join(ROOT, 'bench', 'groundtruth'), env: { ...process.env, GO111MODULE: 'off' } });
  }
  return JSON.parse(must(binary, ['-root', root, '-types', types.join(',')]));
}

const lineKey = (file, line) => `${file}:${line}`;

function score(found, truth) {
  const hits = [...found].filter((k) => truth.has(k)).length;
  return {
    precision: found.size === 0 ? 1 : hits / found.size,
    recall: truth.size === 0 ? 1 : hits / truth.size,
    missed: truth.size - hits,
    wrong: found.size - hits,
  };
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const ms = (x) => `${x.toFixed(0)} ms`;

async function main() {
  if (process.argv[2] === '--project') {
    if (run('go', ['version']).status !== 0) skip('the go command is missing (it computes the ground truth); run bench/setup.sh');
    if (!existsSync(path.join(ROOT, 'dist', 'bundle', 'main.js'))) skip('dist/ is missing; run `npm run build` first');
    benchProject(process.argv.length > 3 ? process.argv.slice(3) : PROJECT_TYPES);
    return;
  }
  if (!existsSync(SRC)) skip(`Go sources not found at ${SRC}; run bench/setup.sh (apt-get install golang-go golang-1.19-src) or set MICROPLAN_GO_SRC`);
  if (run('go', ['version']).status !== 0) skip('the go command is missing (it computes the ground truth); run bench/setup.sh');
  if (!existsSync(path.join(ROOT, 'dist', 'bundle', 'main.js'))) skip('dist/ is missing; run `npm run build` first');
  const types = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_TYPES;

  prepareTree();
  rmSync(SITE_CACHE, { recursive: true, force: true });
  const files = must('git', ['ls-files', '--', '*.go'], { cwd: TREE }).split('\n').filter(Boolean).length;
  const truth = groundTruth(types);
  const unparsable = new Set(truth.failed);
  const keep = (key) => !unparsable.has(key.slice(0, key.lastIndexOf(':')));

  const { openRepository } = await import(pathToFileURL(path.join(ROOT, 'dist', 'repo', 'open.js')).href);
  const { RepositoryCodeIndex } = await import(pathToFileURL(path.join(ROOT, 'dist', 'repo', 'code', 'code-index.js')).href);

  console.log(`\nmicroplan sites vs git grep on ${SRC} (${files} .go files; ${unparsable.size} that go/parser rejects are left out of every count)`);
  const [load1] = os.loadavg();
  console.log(`machine: ${os.cpus().length} cores, load average ${load1.toFixed(1)} at start (wall times scale with load; compare ratios)`);
  console.log(startupNote());
  console.log(`times: median of ${RUNS} runs; "CLI" spawns bin/microplan.js (node start-up included), "library" is constructionSites() in-process with a fresh index\n`);
  const rows = [];
  const totals = { cli: 0, cached: 0, full: 0, fullCached: 0, lib: 0, grep: 0, truth: 0, mp: { hits: 0, found: 0 }, gg: { hits: 0, found: 0 } };
  for (const type of types) {
    const truthSet = new Set((truth.sites[type] ?? []).filter(keep));

    const sitesArgs = [BIN, 'sites', type, '--repo', TREE, '--lang', 'go', '--format', 'json', '--no-factories'];
    const [cliMs, cli] = timed(() => run(process.execPath, [...sitesArgs, '--no-cache']));
    if (cli.status !== 0) throw new Error(`microplan sites ${type} failed: ${cli.stderr}`);
    // The same command again with its cache: timed()'s warm-up run fills it, as a user's first
    // audit of the type would; then each file is read and hashed but not parsed.
    const cachedEnv = { env: { ...benchEnv(), MICROPLAN_CACHE_DIR: SITE_CACHE } };
    const [cachedMs, cached] = timed(() => run(process.execPath, sitesArgs, cachedEnv));
    if (cached.stdout !== cli.stdout) throw new Error(`microplan sites ${type} answered differently from its cache`);
    // The command as a user types it: every language, factory calls included.
    const [fullMs, full] = timed(() => run(process.execPath, [BIN, 'sites', type, '--repo', TREE, '--format', 'json', '--no-cache']));
    const [fullCachedMs, fullCached] = timed(() => run(process.execPath, [BIN, 'sites', type, '--repo', TREE, '--format', 'json'], cachedEnv));
    if (fullCached.stdout !== full.stdout) throw new Error(`microplan sites ${type} (default) answered differently from its cache`);
    const allSites = JSON.parse(full.stdout).sites;
    const sites = JSON.parse(cli.stdout).sites.filter((s) => LITERAL_KINDS.has(s.kind));
    const mpSet = new Set(sites.map((s) => lineKey(s.file, s.line)).filter(keep));

    const [libMs] = await timedAsync(async () => {
      const repo = await openRepository({ dir: TREE });
      const found = await new RepositoryCodeIndex(repo).constructionSites(type, { language: 'go', factories: false });
      await repo.close();
      return found;
    });

    const [grepMs, grep] = timed(() => run('git', ['grep', '-n', '-F', '-e', `${type}{`, '--', '*.go'], { cwd: TREE }));
    const grepSet = new Set(
      grep.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [file, lineNo] = line.split(':', 2);
          return lineKey(file, Number(lineNo));
        })
        .filter(keep),
    );

    const mp = score(mpSet, truthSet);
    const gg = score(grepSet, truthSet);
    rows.push({
      type,
      truth: truthSet.size,
      mpP: pct(mp.precision),
      mpR: pct(mp.recall),
      mpMiss: mp.missed,
      mpWrong: mp.wrong,
      grepP: pct(gg.precision),
      grepR: pct(gg.recall),
      grepMiss: gg.missed,
      grepWrong: gg.wrong,
      factoryCalls: allSites.filter((s) => s.kind === 'factory-call').length,
      cli: ms(cliMs),
      cached: ms(cachedMs),
      full: ms(fullMs),
      fullCached: ms(fullCachedMs),
      lib: ms(libMs),
      grep: ms(grepMs),
      ratio: `${(cliMs / grepMs).toFixed(1)}x`,
      cachedRatio: `${(cachedMs / grepMs).toFixed(1)}x`,
    });
    totals.cli += cliMs;
    totals.cached += cachedMs;
    totals.full += fullMs;
    totals.fullCached += fullCachedMs;
    totals.lib += libMs;
    totals.grep += grepMs;
    totals.truth += truthSet.size;
    totals.mp.hits += mpSet.size - mp.wrong;
    totals.mp.found += mpSet.size;
    totals.gg.hits += grepSet.size - gg.wrong;
    totals.gg.found += grepSet.size;
  }

  // The command's floor: a name found nowhere, so no file is read or parsed; what remains is
  // Node's start-up, the CLI's modules, git rev-parse and the search itself.
  const [floorMs, floor] = timed(() =>
    run(process.execPath, [BIN, 'sites', 'ZzNoSuchType0', '--repo', TREE, '--lang', 'go', '--format', 'json', '--no-factories', '--no-cache']),
  );
  if (floor.status !== 0 || JSON.parse(floor.stdout).sites.length !== 0) throw new Error(`the floor run found something or failed: ${floor.stderr}`);
  // Below that, any command written in Node: a script of no modules that starts the same git
  // commands the same way (the repository root, the tracked search, the untracked list) and waits.
  const [bareMs, bare] = timed(() => run(process.execPath, ['--input-type=module', '-e', BARE_NODE_SEARCH, TREE]));
  if (bare.status !== 0) throw new Error(`the bare Node search failed: ${bare.stderr}`);

  printTable(rows, [
    ['type', 'type'],
    ['truth', 'go/ast lines'],
    ['mpP', 'microplan P'],
    ['mpR', 'microplan R'],
    ['mpMiss', 'mp missed'],
    ['mpWrong', 'mp wrong'],
    ['grepP', 'grep P'],
    ['grepR', 'grep R'],
    ['grepMiss', 'grep missed'],
    ['grepWrong', 'grep wrong'],
    ['cli', 'CLI'],
    ['cached', 'CLI cached'],
    ['lib', 'library'],
    ['grep', 'git grep'],
    ['ratio', 'CLI/grep'],
    ['cachedRatio', 'cached/grep'],
    ['full', 'default command'],
    ['fullCached', 'default cached'],
    ['factoryCalls', 'factory calls'],
  ]);
  console.log(
    `\nall types: microplan precision ${pct(totals.mp.hits / Math.max(1, totals.mp.found))}, recall ${pct(totals.mp.hits / Math.max(1, totals.truth))}; ` +
      `git grep precision ${pct(totals.gg.hits / Math.max(1, totals.gg.found))}, recall ${pct(totals.gg.hits / Math.max(1, totals.truth))}`,
  );
  console.log(
    `time for all types: microplan CLI ${ms(totals.cli)} (${(totals.cli / totals.grep).toFixed(1)}x git grep), ` +
      `cached ${ms(totals.cached)} (${(totals.cached / totals.grep).toFixed(2)}x), library ${ms(totals.lib)} (${(totals.lib / totals.grep).toFixed(1)}x), ` +
      `git grep ${ms(totals.grep)}; the default command (every language, factory calls) ${ms(totals.full)}, cached ${ms(totals.fullCached)}`,
  );
  const meanGrep = totals.grep / types.length;
  console.log(
    `CLI floor (a name found nowhere: start-up, the untracked-file listing and grep, nothing read or parsed): ${ms(floorMs)}, ` +
      `${(floorMs / meanGrep).toFixed(1)}x the mean git grep (${ms(meanGrep)}); the CLI's work past its floor: ` +
      `${ms(totals.cli - floorMs * types.length)} for all types (${((totals.cli - floorMs * types.length) / totals.grep).toFixed(1)}x git grep)`,
  );
  console.log(
    `a bare Node program running only those git commands (no modules, nothing parsed): ${ms(bareMs)}, ${(bareMs / meanGrep).toFixed(1)}x the mean git grep`,
  );

  // Grounding a plan: its citations and its three (package-qualified) construction-site audits,
  // beside the git greps a reviewer checking the audits by hand would start with.
  const rules = ['citation-exists', 'citation-moved', 'citation-changed', 'citation-gone', 'task-files-exist', 'construction-sites-complete'];
  const lintArgs = (plan) => [BIN, 'lint', plan, '--repo', TREE, '--format', 'json', ...rules.flatMap((r) => ['--rule', r])];
  const [groundMs, grounded] = timed(() => run(process.execPath, [...lintArgs(PLAN), '--no-cache']));
  if (grounded.status === 2) throw new Error(`lint --repo failed: ${grounded.stderr}`);
  const findings = JSON.parse(grounded.stdout).files[0].diagnostics;
  // Linting the plan again, as an author does while fixing it: the audits' results come from the cache.
  const [groundCachedMs, groundCached] = timed(() =>
    run(process.execPath, lintArgs(PLAN), { env: { ...benchEnv(), MICROPLAN_CACHE_DIR: SITE_CACHE } }),
  );
  if (groundCached.stdout !== grounded.stdout) throw new Error('lint --repo found other things with its cache');
  const [auditGrepMs] = timed(() => {
    for (const type of ['Header', 'Request', 'Position']) run('git', ['grep', '-n', '-F', '-e', `${type}{`, '--', '*.go'], { cwd: TREE });
  });
  // The same plan recording the commit it was written against (as microplan asks plans to):
  // grounding then reads that commit, through git, not the working tree.
  const based = path.join(os.tmpdir(), `microplan-bench-based-plan-${process.pid}.md`);
  const head = must('git', ['rev-parse', 'HEAD'], { cwd: TREE }).trim();
  writeFileSync(based, readFileSync(PLAN, 'utf8').replace(/^(\*\*Closes:\*\*.*)$/m, `$1\n**Base:** ${head}`));
  const [basedMs, basedRun] = timed(() => run(process.execPath, [...lintArgs(based), '--no-cache']));
  rmSync(based, { force: true });
  if (basedRun.status === 2 || JSON.parse(basedRun.stdout).files[0].diagnostics.length !== findings.length) {
    throw new Error(`lint --repo at the plan's Base found other things: ${basedRun.stderr}`);
  }
  console.log(
    `lint --repo of ${path.relative(ROOT, PLAN)} (10 citations, 3 package-qualified audits; grounding rules only): ${ms(groundMs)}, ` +
      `${findings.length} findings; linted again (cached): ${ms(groundCachedMs)}; with the plan recording **Base:** HEAD (read through git): ${ms(basedMs)}; ` +
      `git grep of the three types: ${ms(auditGrepMs)}`,
  );
  console.log('');
  benchProject(PROJECT_TYPES);
}

const PLAN = path.join(ROOT, 'bench', 'fixtures', 'go-stdlib-plan.md');

const BUNDLE = process.env.MICROPLAN_BENCH_BUNDLE ?? path.resolve(ROOT, '..', 'shared', 'repos', 'inference-sim.bundle');
const PROJECT = path.join(CACHE, 'inference-sim');
/**
 * Struct types of the project, the most constructed (`groundtruth -top 40` at HEAD) and the ones
 * corpus plans audit (RawMetrics, ProgressSnapshot, ClusterSimulator): plain, `&T{}`, `pkg.T{}`
 * and elided literals, in production and test code.
 */
const PROJECT_TYPES = [
  'Request',
  'DistSpec',
  'RoutingSnapshot',
  'ClientSpec',
  'TraceRecord',
  'SimConfig',
  'RequestMetrics',
  'DeploymentConfig',
  'TraceHeader',
  'PendingRequest',
  'RawMetrics',
  'ProgressSnapshot',
  'ClusterSimulator',
];
/** A revision a corpus plan was written against (hardening-validation-cleanup-plan.md in plans-index.tsv), beside HEAD. */
const OLD_REVISION = '91589fcc4e433e19d623f41a3ef222df31615b56';

/**
 * `microplan sites` against go/ast on the project the corpus was written against: literal sites
 * only (factory calls are not composite literals), one revision checked out at a time so that the
 * ground truth and microplan read the same files.
 */
function benchProject(types) {
  if (!existsSync(BUNDLE)) {
    console.log(`bench sites (project): skipped — no bundle at ${BUNDLE}; set MICROPLAN_BENCH_BUNDLE`);
    return;
  }
  if (!existsSync(path.join(PROJECT, '.git'))) {
    console.log(`bench sites (project): cloning ${BUNDLE} into ${PROJECT} (once)…`);
    mkdirSync(CACHE, { recursive: true });
    must('git', ['clone', '-q', BUNDLE, PROJECT]);
  }
  // The bundle's HEAD, whatever the clone has checked out since.
  const head = must('git', ['ls-remote', BUNDLE, 'HEAD']).split(/\s/)[0];
  const rows = [];
  for (const revision of [head.trim(), OLD_REVISION]) {
    must('git', ['checkout', '-q', '--detach', revision], { cwd: PROJECT });
    const truth = groundTruth(types, PROJECT);
    const unparsable = new Set(truth.failed);
    const keep = (key) => !unparsable.has(key.slice(0, key.lastIndexOf(':')));
    const total = { truth: 0, hits: 0, found: 0 };
    for (const type of types) {
      const truthSet = new Set((truth.sites[type] ?? []).filter(keep));
      const out = run(process.execPath, [BIN, 'sites', type, '--repo', PROJECT, '--lang', 'go', '--format', 'json', '--no-factories', '--no-cache']);
      if (out.status !== 0) throw new Error(`microplan sites ${type} failed: ${out.stderr}`);
      const found = new Set(
        JSON.parse(out.stdout)
          .sites.filter((s) => LITERAL_KINDS.has(s.kind))
          .map((s) => lineKey(s.file, s.line))
          .filter(keep),
      );
      const sc = score(found, truthSet);
      const missed = [...truthSet].filter((k) => !found.has(k)).slice(0, 3);
      const wrong = [...found].filter((k) => !truthSet.has(k)).slice(0, 3);
      rows.push({
        revision: revision.slice(0, 12),
        type,
        truth: truthSet.size,
        found: found.size,
        p: pct(sc.precision),
        r: pct(sc.recall),
        missed: sc.missed,
        wrong: sc.wrong,
        examples: [...missed.map((k) => `-${k}`), ...wrong.map((k) => `+${k}`)].join(' ') || '—',
      });
      total.truth += truthSet.size;
      total.found += found.size;
      total.hits += found.size - sc.wrong;
    }
    console.log(
      `project at ${revision.slice(0, 12)}: ${types.length} types, ${total.truth} go/ast sites, microplan ${total.found}; ` +
        `precision ${pct(total.hits / Math.max(1, total.found))} (${total.hits}/${total.found}), recall ${pct(total.hits / Math.max(1, total.truth))} (${total.hits}/${total.truth})` +
        (unparsable.size > 0 ? `; ${unparsable.size} files go/parser rejects left out` : ''),
    );
  }
  printTable(rows, [
    ['revision', 'revision'],
    ['type', 'type'],
    ['truth', 'go/ast lines'],
    ['found', 'microplan lines'],
    ['p', 'precision'],
    ['r', 'recall'],
    ['missed', 'missed'],
    ['wrong', 'wrong'],
    ['examples', 'missed (-) / wrong (+)'],
  ]);
}

/**
 * The search a `sites` command starts, by itself: node start-up, then the untracked-file listing
 * beside grep (the CLI finds the root on disk, without git, in a plain checkout like this one).
 */
const BARE_NODE_SEARCH = `
import { execFile } from 'node:child_process';
const git = (args, cwd) => new Promise((resolve, reject) => execFile('git', args, { cwd, maxBuffer: 1 << 26 }, (error, out) => (error && error.code !== 1 ? reject(error) : resolve(out))));
const root = process.argv[1];
await Promise.all([git(['ls-files', '-z', '--others', '--exclude-standard', '--full-name', '--', ':/'], root), git(['grep', '-I', '-l', '-z', '-F', '-e', 'ZzNoSuchType0', '--', '*.go'], root)]);
`;

function printTable(rows, columns) {
  const widths = columns.map(([key, title]) => Math.max(title.length, ...rows.map((r) => String(r[key]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(line(columns.map(([, title]) => title)));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(columns.map(([key]) => row[key])));
}

main().catch((error) => {
  console.error(`bench sites: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
