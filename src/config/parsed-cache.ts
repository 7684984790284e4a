/**
 * Parsed YAML configs, remembered in the cache directory: a lint in a project with a config read
 * it with the YAML parser on every run, and parsing even a short file costs ~5–13 ms of CPU in a
 * fresh process (the parser's code runs cold), a tenth of a lint. What is kept is the parser's
 * result, plain data, under the file's exact text and this build of microplan: an entry cannot
 * go stale, since changing the file changes its text and a new build starts new entries.
 * Validating and merging the data run as before, on every run.
 *
 * One JSON file per build and text, under `<cacheDir>/config/`. Only results that JSON gives
 * back exactly are kept (no shared or repeated objects from YAML aliases, no -0, no values JSON
 * lacks); a file that does not parse is never kept, so its error is reported as before. Writes
 * are atomic (temporary file, then rename); a cache that cannot be read or written only costs
 * the parse.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toolBuildId } from '../output/meta.js';

/** Entries not written for this long are removed when another is written. */
const UNUSED_MS = 30 * 24 * 3600 * 1000;

/**
 * `parse()`, or what it returned for the same text before. Without a cache directory, or when
 * running from the sources (no build id), it always parses.
 */
export function cachedParse(text: string, cacheDir: string | undefined, parse: () => unknown): unknown {
  const build = cacheDir === undefined ? undefined : toolBuildId();
  if (cacheDir === undefined || build === undefined) return parse();
  const dir = join(cacheDir, 'config');
  const file = join(dir, `${build}-${textHash(text)}.json`);
  const kept = read(file, text);
  if (kept !== undefined) return kept.value;
  const value = parse();
  if (isPlainData(value, new Set())) write(dir, file, JSON.stringify({ text, value }));
  return value;
}

function read(file: string, text: string): { value: unknown } | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { text?: unknown; value?: unknown };
    // The name is a short hash: the text itself says whose entry this is.
    return entry.text === text && 'value' in entry ? { value: entry.value } : undefined;
  } catch {
    return undefined;
  }
}

function write(dir: string, file: string, json: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, json);
    renameSync(tmp, file);
    prune(dir, file);
  } catch {
    // A read-only or full cache directory: parse again next time.
  }
}

/** Removes the entries (of any build) not written for thirty days, but `keep`. */
function prune(dir: string, keep: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === keep || !name.endsWith('.json')) continue;
    try {
      if (now - statSync(path).mtimeMs > UNUSED_MS) rmSync(path, { force: true });
    } catch {
      // Removed by a concurrent run.
    }
  }
}

/** FNV-1a, 32 bits, as hex: a file name, checked on reading against the text it holds. */
function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Whether JSON.stringify then JSON.parse gives back a value equal to this one in every way the
 * config's validation could see: null, booleans, strings, finite numbers other than -0, and
 * plain arrays and objects of them, each object reached once (YAML aliases share them).
 */
function isPlainData(value: unknown, seen: Set<object>): boolean {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype || Reflect.ownKeys(value).length !== value.length + 1) return false;
    for (let i = 0; i < value.length; i++) if (!(i in value) || !isPlainData(value[i], seen)) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const keys = Reflect.ownKeys(value);
  if (keys.length !== Object.keys(value).length) return false;
  for (const key of keys) {
    if (key === '__proto__' || !isPlainData((value as Record<string, unknown>)[key as string], seen)) return false;
  }
  return true;
}
