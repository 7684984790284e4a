/**
 * Finding and loading `microplan.config.{yaml,yml,json}`: walk up from a plan's directory to the
 * filesystem root (or take `--config <file>`), parse, validate strictly against the schema and
 * merge over the defaults. Every problem is an InputError naming the file, the key and the fix.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { InputError } from '../errors.js';
import { RULES } from '../rules/index.js';
import { defaultConfig } from './defaults.js';
import { mergeValues } from './merge.js';
import { cachedParse } from './parsed-cache.js';
import { isPresetName, presetConfig } from './presets.js';
import { validateConfig } from './schema.js';
import type { Config } from './types.js';

/** Looked for in this order in each directory. */
export const CONFIG_FILE_NAMES = ['microplan.config.yaml', 'microplan.config.yml', 'microplan.config.json'] as const;

const MAX_CONFIG_BYTES = 1024 * 1024;

export { NO_CONFIG_NOTICE } from './notice.js';

/**
 * Parses, validates and merges one config file's text. `path` is used in messages only; with a
 * `cacheDir`, the YAML parser's result is remembered there (parsed-cache.ts).
 */
export function parseConfig(text: string, path: string, knownRuleIds: readonly string[] = RULES.map((r) => r.id), cacheDir?: string): Config {
  const doc = path.endsWith('.json') ? parseJson(text, path) : cachedParse(text, cacheDir, () => parseYaml(text, path));
  // An empty file is a config with nothing overridden.
  const { value, problems } = validateConfig(doc ?? {}, knownRuleIds);
  if (problems.length > 0) {
    const lines = problems.map((p) => `${path}: ${p.key ? `${p.key}: ` : ''}${p.message}`);
    throw new InputError(
      problems.length === 1 ? lines[0]! : `${problems.length} problems in the config:\n  ${lines.join('\n  ')}`,
    );
  }
  // `extends` was validated: a known preset name or absent.
  const { extends: preset, ...own } = value;
  const base = typeof preset === 'string' && isPresetName(preset) ? presetConfig(preset) : defaultConfig();
  return mergeConfig(base, own, path);
}

function parseYaml(text: string, path: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const err = doc.errors[0];
  if (err) {
    const at = lineCounter.linePos(err.pos[0]);
    const where = `:${at.line}:${at.col}`;
    throw new InputError(`${path}${where}: invalid YAML (${err.message.split('\n')[0]}): fix the syntax`);
  }
  return doc.toJS();
}

function parseJson(text: string, path: string): unknown {
  try {
    return text.trim() === '' ? undefined : JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const m = /position (\d+)/.exec(msg);
    let where = '';
    if (m) {
      const before = text.slice(0, Number(m[1]));
      const line = before.split('\n').length;
      where = `:${line}:${before.length - before.lastIndexOf('\n')}`;
    }
    throw new InputError(`${path}${where}: invalid JSON (${msg}): fix the syntax`);
  }
}

/** Validated values over a base config (the defaults or a preset). */
export function mergeConfig(base: Config, overrides: Record<string, unknown>, path: string | undefined): Config {
  const merged = mergeValues(base, overrides);
  merged.path = path;
  return merged;
}

/** Reads and parses one config file, with a clear message when it cannot (`cacheDir`: see parseConfig). */
export function loadConfigFile(file: string, knownRuleIds: readonly string[] = RULES.map((r) => r.id), cacheDir?: string): Config {
  const path = resolve(file);
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${file}: is a directory, not a config file: give the path of microplan.config.yaml`);
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${file}: config file not found: check the --config path`);
  }
  if (size > MAX_CONFIG_BYTES) throw new InputError(`${file}: config file is ${size} bytes, over the 1 MB limit: is this the right file?`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'EACCES' || code === 'EPERM'
        ? `${file}: cannot read the config file (permission denied): make it readable`
        : `${file}: the config file is not valid UTF-8: save it as UTF-8`,
    );
  }
  return parseConfig(text, file, knownRuleIds, cacheDir);
}

/**
 * Resolves the config for plans: one explicit file, or the nearest config above each plan's
 * directory. Caches per directory and per file, so linting a tree reads each config once.
 */
export class ConfigResolver {
  private readonly dirCache = new Map<string, string | null>();
  private readonly fileCache = new Map<string, Config | InputError>();
  private readonly explicit: Config | undefined;
  private readonly explicitPath: string | undefined;
  private readonly knownRuleIds: readonly string[];
  private readonly cacheDir: string | undefined;

  /** `cacheDir`: where parsed config files are remembered (parsed-cache.ts); none without it. */
  constructor(options: { configPath?: string | undefined; knownRuleIds?: readonly string[]; cacheDir?: string | undefined } = {}) {
    this.knownRuleIds = options.knownRuleIds ?? RULES.map((r) => r.id);
    this.cacheDir = options.cacheDir;
    this.explicit = options.configPath ? loadConfigFile(options.configPath, this.knownRuleIds, this.cacheDir) : undefined;
    this.explicitPath = options.configPath ? resolve(options.configPath) : undefined;
  }

  /** The config that applies to a file in `dir` (absolute or relative to the cwd). */
  forDirectory(dir: string): Config {
    if (this.explicit) return this.explicit;
    const file = this.find(resolve(dir));
    if (!file) return defaultConfig();
    let config = this.fileCache.get(file);
    if (!config) {
      try {
        // Messages name the config relative to the cwd, as the user would type it.
        config = loadConfigFile(relative(process.cwd(), file) || file, this.knownRuleIds, this.cacheDir);
      } catch (err) {
        // A broken config is read once, not once per plan under it.
        if (!(err instanceof InputError)) throw err;
        config = err;
      }
      this.fileCache.set(file, config);
    }
    if (config instanceof InputError) throw config;
    return config;
  }

  /**
   * Whether a file lies under the config's plans directory, which is relative to the directory of
   * the config file that applies to it. Without a config file there is no plans directory to hold
   * files to.
   */
  inPlansDir(file: string, config: Config): boolean {
    const configFile = this.explicitPath ?? this.find(resolve(dirname(file)));
    if (!configFile || config.plansDir.trim() === '') return false;
    const rel = relative(resolve(dirname(configFile), config.plansDir), resolve(file));
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  }

  /** Nearest config file at or above `dir`, or null; remembered for every directory walked. */
  private find(dir: string): string | null {
    const walked: string[] = [];
    let current = dir;
    let found: string | null;
    for (;;) {
      const cached = this.dirCache.get(current);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      walked.push(current);
      found = CONFIG_FILE_NAMES.map((n) => join(current, n)).find(isFile) ?? null;
      if (found) break;
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (const d of walked) this.dirCache.set(d, found);
    return found;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
