/**
 * Runs a CommonJS bundle of dist/bundle/ through node:vm with a V8 code cache: the second and
 * later runs skip compiling what the first one ran (Node 22 has module.enableCompileCache; Node 20,
 * which microplan supports, has nothing for ES modules). The cache lives in microplan's cache
 * directory (MICROPLAN_CACHE_DIR, else $XDG_CACHE_HOME/microplan, else ~/.cache/microplan, as in
 * src/repo/code/cache-dir.ts), one file per build, Node version and architecture: V8 checks only
 * the source's length, so a cache must never outlive the build it was made from. Any failure to
 * read or write it only costs speed.
 */
'use strict';
const { Buffer } = require('node:buffer');
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { homedir } = require('node:os');
const { basename, dirname, join, resolve } = require('node:path');
const vm = require('node:vm');

const BUNDLE_DIR = join(__dirname, '..', 'dist', 'bundle');

function cacheFile(name) {
  let build;
  try {
    build = JSON.parse(readFileSync(join(__dirname, '..', 'dist', 'build-id.json'), 'utf8')).id;
  } catch {
    return undefined;
  }
  if (typeof build !== 'string') return undefined;
  const env = process.env;
  const dir = env.MICROPLAN_CACHE_DIR
    ? resolve(env.MICROPLAN_CACHE_DIR)
    : join(env.XDG_CACHE_HOME ? resolve(env.XDG_CACHE_HOME) : join(homedir(), '.cache'), 'microplan');
  return join(dir, 'code', `${name}-${build}-${process.version}-${process.arch}.v8`);
}

/**
 * A cache file is a header of HEADER bytes (MAGIC, then the formats of the runs that made it,
 * comma-separated, padded with spaces) and V8's data. A cache holds the code of the functions
 * the runs that made it compiled: the formats say whose rules are in it. The header's size keeps
 * the data as aligned as the file's buffer, so V8 reads it in place.
 */
const MAGIC = 'microplan-v8-cache ';
const HEADER = 64;

/** The cache's V8 data and the formats it was made for, or undefined. */
function readCache(file) {
  let buf;
  try {
    if (!file) return undefined;
    buf = readFileSync(file);
  } catch {
    return undefined;
  }
  const head = buf.length > HEADER ? buf.toString('latin1', 0, HEADER) : '';
  // Any other file is given to V8 as it is: a damaged one is rejected and made again; one of an
  // earlier launcher (no header) counts as made for no format, and is made again after a lint.
  if (!head.startsWith(MAGIC)) return { data: buf, formats: [] };
  return { data: buf.subarray(HEADER), formats: head.slice(MAGIC.length).trim().split(',').filter(Boolean) };
}

function writeCache(file, data, formats) {
  const head = `${MAGIC}${formats.join(',')}`;
  if (head.length >= HEADER) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Through a temporary file and a rename: a concurrent run never reads half a cache.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([Buffer.from(head.padEnd(HEADER - 1) + '\n', 'latin1'), data]));
    renameSync(tmp, file);
    pruneOthers(file);
  } catch {
    // A read-only or full cache directory: run uncached next time too.
  }
}

/** How long a cache of another build (or Node version) is kept unused, and how many are kept at most. */
const UNUSED_MS = 30 * 24 * 3600 * 1000;
const OTHERS_KEPT = 3;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Removes the caches of other builds of this bundle that were not used for thirty days, and all but
 * the three most recently used. An upgraded microplan leaves its old cache behind; but two installed
 * versions used in turn (a global one and a project's own) would evict each other's cache on every
 * call if every other build's cache were removed at once.
 */
function pruneOthers(file) {
  const dir = dirname(file);
  const prefix = `${basename(file).split('-')[0]}-`;
  const others = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.v8') && f !== basename(file))
    .map((f) => ({ path: join(dir, f), used: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  others.forEach((o, i) => {
    if (i >= OTHERS_KEPT || Date.now() - o.used > UNUSED_MS) rmSync(o.path, { force: true });
  });
}

/** A cache read and kept is marked used (at most once a day), so pruning keeps the caches in use. */
function markUsed(file) {
  try {
    if (Date.now() - statSync(file).mtimeMs > DAY_MS) utimesSync(file, new Date(), new Date());
  } catch {
    // A read-only cache directory: it is not pruned either.
  }
}

/**
 * V8 flags for the run. A lint is a short job, and V8's defaults suit long ones: V8 compiles a
 * regular expression to bytecode on its first run and again, to machine code, on its second — a
 * lint runs ~280 patterns, most of them more than once, so compiling each once to machine code
 * saves ~20 ms of CPU; and TurboFan, which optimizes hot functions on another thread, costs more
 * CPU than it saves (~10 ms for one plan; ~750 ms of 2,650 on the 119 plans of the corpus).
 * Set once the bundle is compiled and evaluated, and set back before its code cache is made: V8
 * rejects a cache made under other flags (Node's caches of its built-in modules too, which is why
 * the flags are set as late as possible). Left alone when the user gives Node any of them.
 */
const RUN_FLAGS = ['--no-regexp-tier-up', '--no-turbofan'];
// Back to V8's defaults: the run's flags, and the one the bundle itself may set (the linear-time
// regular expression engine, for patterns from a config: src/config/bounded-regex.ts).
const DEFAULT_FLAGS = ['--regexp-tier-up', '--turbofan', '--no-enable-experimental-regexp-engine'];

function setFlags(flags) {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
  if (/regexp|turbofan|\bopt\b/.test(given)) return;
  require('node:v8').setFlagsFromString(flags.join(' '));
}

/**
 * Node's own modules are compiled through code caches of their own, made under V8's default
 * flags, which the run's flags make it reject: those the run would load after setting them are
 * loaded before. The streams of standard output and error are made on first use (a pipe's loads
 * node:net and more: ~4 ms of CPU per run when compiled without its cache); lint writes to both.
 */
function loadBeforeFlags() {
  void process.stdout;
  void process.stderr;
}

/** Loads dist/bundle/<name>.cjs and runs its `main(argv)`, returning the exit code. */
async function runCached(name, argv) {
  const file = join(BUNDLE_DIR, `${name}.cjs`);
  // --no-cache: the run reads and writes no cache at all, this one included.
  const cache = argv.includes('--no-cache') ? undefined : cacheFile(name);
  const cached = readCache(cache);
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: cached?.data });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(file), module, file, dirname(file));
  loadBeforeFlags();
  setFlags(RUN_FLAGS);
  let code;
  try {
    code = await module.exports.main(argv);
  } finally {
    setFlags(DEFAULT_FLAGS);
  }
  // Made after the run, so the cache holds the functions this run compiled, not only the top level;
  // made again when this run linted a format the cache was not made for (its rules compiled now,
  // and the functions read from the old cache are still compiled: the new one holds both).
  if (cache) {
    const formats = cached && !script.cachedDataRejected ? cached.formats : [];
    const added = (module.exports.linted?.() ?? []).filter((f) => !formats.includes(f));
    if (cached === undefined || script.cachedDataRejected || added.length > 0) writeCache(cache, script.createCachedData(), [...formats, ...added].sort());
    else markUsed(cache);
  }
  return code;
}

module.exports = { runCached };
