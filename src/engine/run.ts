/**
 * Linting files, as a library: `lintFiles(paths, options)` reads the inputs (see ./input.ts),
 * finds each plan's config, runs the catalog and, with `fix`, writes fixes back. It never
 * throws for a user's files: unreadable inputs and broken configs come back as `problems`.
 */
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { expandInputs, isProblem, readInput, type InputProblem, type PlanInput, type StdinLike } from './input.js';
import { ConfigResolver } from '../config/load.js';
import { didYouMean } from '../config/suggest.js';
import type { Config } from '../config/types.js';
import type { GroundingSession } from '../ground/open.js';
import { PlanBaseError } from '../ground/plan-base.js';
import type { Grounding } from '../ground/types.js';
import { parsePlan } from '../plan/parse.js';
import type { Plan, PlanFormat } from '../plan/types.js';
import { RULES, ruleById } from '../rules/index.js';
import type { Diagnostic, Rule } from '../rules/types.js';
import { applyFixes, FileChangedError, ReadOnlyError, recordBase, restoreEncoding, writeIfUnchanged } from './fix.js';
import { lintPlan, withStrictRulesOn } from './lint.js';
import { formatOfChoice } from '../formats/index.js';
import { notAPlanDiagnostic } from './not-a-plan.js';
import { specCoverage, type SpecCoverageSummary } from '../spec/coverage.js';
import { readSpecFile, specsForPlan, type PlanSpecs, type SpecDoc } from '../spec/locate.js';

/** A fixed grounding, or one chosen per plan (a plan may record the commit it was written against). */
export type GroundingFor = Grounding | ((plan: Plan) => Promise<Grounding>);

export interface LintFilesOptions {
  /** Directory relative paths and globs are resolved against (default: process.cwd()). */
  cwd?: string;
  /** One config file for every plan, instead of looking up from each plan's directory. */
  configPath?: string | undefined;
  /** A config object for every plan (library use); wins over `configPath` and lookup. */
  config?: Config | undefined;
  /** The rule set (default: the catalog); library users may add their own rules. */
  rules?: readonly Rule[] | undefined;
  /** Run only these rule ids (default: every rule of the set). */
  ruleIds?: readonly string[] | undefined;
  /** Report errors only. */
  quiet?: boolean;
  /** Apply fixes and write the files back. */
  fix?: boolean;
  /** Grounding against a repository (`--repo`), read at `--base` (else each plan's recorded Base, else the working tree). */
  repo?: string | undefined;
  base?: string | undefined;
  /** Report citation drift between the plan's base and this revision (`--against HEAD`). */
  against?: string | undefined;
  /**
   * Remember parsed config files in this directory (config/parsed-cache.ts), and with `repo`,
   * construction-site results (see site-cache.ts).
   */
  cacheDir?: string | undefined;
  /**
   * The design spec every plan was written from (`--spec`). Without it, each plan is checked
   * against the spec it names, when that file is found.
   */
  spec?: string | undefined;
  /** Standard input, for `-` (default: process.stdin). */
  stdin?: StdinLike;
  /**
   * Every input must be a plan: a document the classifier calls "not a micro-plan" is an error
   * (`--require-plan`). Files under the config's plansDir are held to this anyway.
   */
  requirePlan?: boolean;
}

export interface FileReport {
  path: string;
  format: PlanFormat;
  /** Why the classifier decided the format (shown for files that are not plans). */
  formatReason: string;
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** Fixes applied and written (with `fix`). */
  fixesApplied: number;
  /** How much of each design spec the plan covers, as far as exact names can tell (see src/spec/coverage.ts). */
  specCoverage?: SpecCoverageSummary[];
}

export interface LintReport {
  files: FileReport[];
  /** Inputs that could not be linted, one message each (exit code 2 in the CLI). */
  problems: InputProblem[];
  /** One-line notes for the user (e.g. fixes written, grounding unavailable). */
  notices: string[];
  /** Some plan had no config file above it and was linted with the built-in defaults. */
  unconfigured?: boolean;
  errorCount: number;
  warningCount: number;
}

/** `--rule` ids → rules; unknown ids are a usage error naming the close ones. */
export function selectRules(ids: readonly string[] | undefined, from: readonly Rule[] = RULES): readonly Rule[] {
  if (!ids || ids.length === 0) return from;
  const known = from.map((r) => r.id);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    const id = unknown[0]!;
    throw new InputError(`--rule ${id}: unknown rule id${didYouMean(id, known) || '; run "microplan rules" to list the rule ids'}`);
  }
  return from.filter((r) => ids.includes(r.id));
}

/** Lints one plan text with one config: the in-process path an editor or a test would use. */
export async function lintText(
  text: string,
  path: string,
  options: { config: Config; rules?: readonly Rule[]; grounding?: GroundingFor | undefined; quiet?: boolean; requirePlan?: boolean; specs?: SpecsFor | undefined },
): Promise<FileReport & { text: string }> {
  const plan = parsePlan(text, path, { format: options.config.format });
  const grounding = typeof options.grounding === 'function' ? (plan.format === 'none' ? undefined : await options.grounding(plan)) : options.grounding;
  const specs = plan.format === 'none' || !options.specs ? undefined : await options.specs(plan);
  let diagnostics =
    plan.format === 'none' && options.requirePlan
      ? [notAPlanDiagnostic(plan, formatOfChoice(options.config.format), 'lint')]
      : await lintPlan(plan, { config: options.config, grounding, rules: options.rules ?? RULES, specs });
  if (options.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
  return {
    path,
    format: plan.format,
    formatReason: plan.formatReason,
    diagnostics,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
    fixesApplied: 0,
    ...(specs && specs.docs.length > 0 ? { specCoverage: specs.docs.map((d) => specCoverage(plan, d).summary) } : {}),
    text: plan.text,
  };
}

/** The design specs for a plan: given once for every plan (`--spec`), or looked up from what each plan names. */
export type SpecsFor = (plan: Plan) => Promise<PlanSpecs>;

/** Passes of fix-then-relint, as in ESLint: a fix may uncover or unblock another. */
const MAX_FIX_PASSES = 10;

async function lintAndFix(
  input: PlanInput,
  options: { config: Config; rules: readonly Rule[]; grounding: GroundingFor | undefined; quiet: boolean; fix: boolean; requirePlan: boolean; specs: SpecsFor | undefined },
  notices: string[],
  problems: InputProblem[],
): Promise<FileReport> {
  let result = await lintText(input.text, input.path, options);
  if (!options.fix) return strip(result);
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    // Citation rewrites come from the first report only: recomputed from rewritten text they would cascade.
    const fixes = result.diagnostics.flatMap((d) => (d.fix && (pass === 0 || !d.fix.once) ? [d.fix] : []));
    const next = applyFixes(result.text, fixes);
    if (next.applied === 0) break;
    applied += next.applied;
    let text = next.text;
    if (pass === 0 && fixes.some((f) => f.once)) {
      // Citations rewritten to the lines of --against <rev>: the plan is now written against <rev>.
      const rev = await againstRevision(text, input.path, options.grounding);
      if (rev !== undefined) text = recordBase(text, rev);
    }
    result = await lintText(text, input.path, options);
  }
  if (applied === 0) return strip(result);
  if (input.absPath === undefined || input.bytes === undefined) {
    notices.push(`${input.path}: ${applied} fix${applied === 1 ? '' : 'es'} available, but standard input cannot be written back: lint the file itself with --fix`);
    // Report what the input actually contains, not the fixed text nobody will see.
    return strip(await lintText(input.text, input.path, options));
  }
  try {
    await writeIfUnchanged(input.absPath, input.bytes, restoreEncoding(result.text, input.text));
  } catch (err) {
    // A fix asked for and not written is a failure of the run (exit 2), named with the file.
    const known = err instanceof FileChangedError || err instanceof ReadOnlyError;
    const code = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
    problems.push({ path: input.path, message: known ? (err as Error).message : `fixes not written (${code}): check that the file is writable` });
    return strip(await lintText(input.text, input.path, options));
  }
  notices.push(`${input.path}: ${applied} fix${applied === 1 ? '' : 'es'} applied`);
  return { ...strip(result), fixesApplied: applied };
}

async function againstRevision(text: string, path: string, grounding: GroundingFor | undefined): Promise<string | undefined> {
  const g = typeof grounding === 'function' ? await grounding(parsePlan(text, path)) : grounding;
  return g?.against?.repo.revision;
}

function strip(r: FileReport & { text: string }): FileReport {
  const { text: _text, ...report } = r;
  return report;
}

export async function lintFiles(paths: readonly string[], options: LintFilesOptions = {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const rules = selectRules(options.ruleIds, options.rules);
  // A bad --config stops the run: every plan would be linted against the wrong rules.
  const resolver = options.config
    ? undefined
    : new ConfigResolver({ configPath: options.configPath, knownRuleIds: (options.rules ?? RULES).map((r) => r.id), cacheDir: options.cacheDir });
  const notices: string[] = [];
  // A --spec that cannot be read stops the run: every plan would be checked against nothing.
  let explicitSpec: SpecDoc | undefined;
  if (options.spec !== undefined) {
    const read = await readSpecFile(options.spec, cwd);
    if ('error' in read) throw new InputError(read.error);
    explicitSpec = read;
  }
  if (options.repo === undefined && (options.base !== undefined || options.against !== undefined)) {
    throw new InputError(`${options.base !== undefined ? '--base' : '--against'} reads a repository: add --repo <dir> (e.g. --repo .).`);
  }
  // Opening checks the repository and the named revisions up front: a bad one is one clear error.
  // The repository machinery loads only when a run grounds: plain lint stays light.
  const session =
    options.repo !== undefined
      ? new (await import('../ground/open.js')).GroundingSession({
          dir: options.repo,
          base: options.base,
          against: options.against,
          cacheDir: options.cacheDir,
        })
      : undefined;
  try {
    await session?.open();
    return await lintAll(paths, options, cwd, rules, resolver, notices, session, explicitSpec);
  } finally {
    await session?.close();
  }
}

async function lintAll(
  paths: readonly string[],
  options: LintFilesOptions,
  cwd: string,
  rules: readonly Rule[],
  resolver: ConfigResolver | undefined,
  notices: string[],
  session: GroundingSession | undefined,
  explicitSpec: SpecDoc | undefined,
): Promise<LintReport> {
  const grounding: GroundingFor | undefined = session ? (plan) => session.forPlan(plan) : undefined;

  const { refs, problems } = await expandInputs(paths, cwd);
  const files: FileReport[] = [];
  let unconfigured = false;
  // While one plan is linted the next one is read. Not with --fix: a fix written to one file must
  // be seen by a later input that names the same file another way (a symlink).
  const read = (i: number): Promise<PlanInput | InputProblem> | undefined => (i < refs.length ? readInput(refs[i]!, options.stdin) : undefined);
  let next: Promise<PlanInput | InputProblem> | undefined;
  for (let i = 0; i < refs.length; i++) {
    const input = (await (next ?? read(i)))!;
    next = options.fix ? undefined : read(i + 1);
    // Awaited on the next turn; if this one throws, the read must not become an unhandled rejection.
    next?.catch(() => undefined);
    if (isProblem(input)) {
      problems.push(input);
      continue;
    }
    let config: Config;
    try {
      config = options.config ?? resolver!.forDirectory(input.absPath ? dirname(input.absPath) : cwd);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      // The config's message names the config file; report it once for all the plans under it.
      if (!problems.some((p) => p.message === err.message)) problems.push({ path: '', message: err.message });
      continue;
    }
    if (config.path === undefined && !options.config) unconfigured = true;
    if (options.ruleIds && options.ruleIds.length > 0) config = turnOn(config, options.ruleIds);
    const requirePlan = (options.requirePlan ?? false) || (input.absPath !== undefined && resolver !== undefined && resolver.inPlansDir(input.absPath, config));
    try {
      const specs: SpecsFor = (plan) => specsForPlan(plan, { explicit: explicitSpec, planPath: input.absPath, repoDir: options.repo === undefined ? undefined : resolve(cwd, options.repo) });
      files.push(await lintAndFix(input, { config, rules, grounding, quiet: options.quiet ?? false, fix: options.fix ?? false, requirePlan, specs }, notices, problems));
    } catch (err) {
      // A Base commit missing from the repository (a shallow CI checkout) is this plan's problem alone.
      if (!(err instanceof PlanBaseError)) throw err;
      problems.push({ path: input.path, message: err.message });
    }
  }
  return {
    files,
    problems,
    notices,
    unconfigured,
    errorCount: files.reduce((n, f) => n + f.errorCount, 0),
    warningCount: files.reduce((n, f) => n + f.warningCount, 0),
  };
}

/** Rules asked for by name run even if the config turns them off, or they are off by default (strict). */
function turnOn(config: Config, ids: readonly string[]): Config {
  const rules = { ...config.rules };
  for (const id of ids) if (rules[id] === 'off') delete rules[id];
  return withStrictRulesOn({ ...config, rules }, ids.flatMap((id) => ruleById(id) ?? []));
}
