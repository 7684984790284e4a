/** `microplan lint <paths|globs|->`: a thin layer over engine/run.ts and the formatters. */
import type { Command } from '../commander.js';
import { FORMAT_NAMES } from '../../output/names.js';
import { checkFormat, formatOption } from '../format-option.js';
import { EXIT, InputError } from '../errors.js';
import { NO_CONFIG_NOTICE } from '../../config/notice.js';
import { defaultCacheDir } from '../../repo/code/cache-dir.js';
import type { SetExit } from './index.js';

interface LintCliOptions {
  format: string;
  maxWarnings?: string;
  config?: string;
  quiet?: boolean;
  rule?: string[];
  fix?: boolean;
  repo?: string;
  base?: string;
  against?: string;
  cache: boolean;
  requirePlan?: boolean;
  spec?: string;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parseMaxWarnings(raw: string | undefined): number {
  if (raw === undefined) return -1;
  if (!/^-?\d+$/.test(raw.trim()) || Number(raw) < -1) {
    throw new InputError(`--max-warnings ${raw}: expected a whole number ≥ 0 (or -1 for no limit)`);
  }
  return Number(raw);
}

/**
 * The formats of the files this process has linted ('full', 'superpowers', 'none', …), and
 * 'config' once it has read a config file. The lint bundle's launcher (bin/code-cache.cjs) reads
 * it to tell whether its V8 code cache was made by a run that compiled the code for them: a cache
 * made by `lint --help`, by a run on another format or by one without a config (whose YAML parser
 * never ran) leaves that code to compile on every run.
 */
export const lintedFormats = new Set<string>();

export function registerLint(program: Command, setExit: SetExit): void {
  program
    .command('lint')
    .description('check plans against the rule catalog (exit 0: clean; 1: errors or too many warnings; 2: usage or input error)')
    .argument('<paths...>', 'plan files, directories (their **/*.md), globs, or - for standard input')
    .addOption(formatOption(FORMAT_NAMES, 'stylish'))
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('-c, --config <file>', 'use this config file instead of looking for microplan.config.{yaml,yml,json}')
    .option('-q, --quiet', 'report errors only')
    .option('--rule <id>', 'run only this rule (repeatable)', collect)
    .option('--fix', 'apply the fixes rules offer and write the files back')
    .option('--repo <dir>', 'ground the plan against the repository at <dir>')
    .option('--base <rev>', "ground against this git revision (default: the plan's recorded **Base:** commit, else the working tree)")
    .option('--against <rev>', "report citations that drifted between the plan's base and this revision (e.g. HEAD)")
    .option('--spec <file>', "check the plans against this design spec (default: the spec each plan names, e.g. **Spec:** docs/superpowers/specs/…-design.md)")
    .option('--require-plan', 'report a file that is not a micro-plan as an error (files under the config\'s plansDir always are)')
    .option('--no-cache', 'with --repo: parse every file, ignoring and not writing the cache of construction-site results')
    // Read by bin/lint-client.cjs before the program runs; declared so that the program accepts it.
    .option('--no-server', 'run in this process: neither use nor start the lint server (see `microplan server`)')
    .action(async (paths: string[], opts: LintCliOptions) => {
      const format = checkFormat(opts.format, FORMAT_NAMES);
      const maxWarnings = parseMaxWarnings(opts.maxWarnings);
      // `microplan lint … | head` closes the pipe early: that is not an error worth a stack trace.
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE') throw err;
      });
      // Loaded here, not at start-up: every other command would pay for the engine and formatters.
      const [{ lintFiles, selectRules }, { formatReport, terminalWidth, useColor }, { problemLine }] = await Promise.all([
        import('../../engine/run.js'),
        import('../../output/index.js'),
        import('../../engine/input.js'),
      ]);
      const ruleIds = opts.rule && opts.rule.length > 0 ? opts.rule : undefined;
      const rules = selectRules(ruleIds);
      const report = await lintFiles(paths, {
        configPath: opts.config,
        ruleIds,
        quiet: opts.quiet ?? false,
        fix: opts.fix ?? false,
        repo: opts.repo ?? (opts.base !== undefined || opts.against !== undefined ? '.' : undefined),
        base: opts.base,
        against: opts.against,
        cacheDir: opts.cache ? defaultCacheDir() : undefined,
        requirePlan: opts.requirePlan ?? false,
        spec: opts.spec,
      });
      for (const file of report.files) lintedFormats.add(file.format);
      if (report.files.length > 0 && !report.unconfigured) lintedFormats.add('config');
      process.stdout.write(formatReport(format, report, { color: useColor(process.stdout), width: terminalWidth(process.stdout), cwd: process.cwd(), rules }));
      for (const notice of report.notices) process.stderr.write(`microplan: ${notice}\n`);
      // Said when it matters: findings judged without the project's config. A clean run stays silent.
      if (report.unconfigured && report.errorCount + report.warningCount > 0) process.stderr.write(`microplan: ${NO_CONFIG_NOTICE}\n`);
      for (const problem of report.problems) process.stderr.write(`microplan: ${problemLine(problem)}\n`);

      if (report.problems.length > 0) return setExit(EXIT.usage);
      if (report.errorCount > 0) return setExit(EXIT.findings);
      if (maxWarnings >= 0 && report.warningCount > maxWarnings) {
        process.stderr.write(`microplan: too many warnings (${report.warningCount}; --max-warnings is ${maxWarnings})\n`);
        return setExit(EXIT.findings);
      }
      setExit(EXIT.ok);
    });
}
