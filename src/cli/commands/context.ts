import type { Command } from 'commander';
import { EXIT } from '../errors.js';
import { checkFormat, formatOption } from '../format-option.js';
import { defaultCacheDir } from '../../repo/code/cache-dir.js';
import type { SetExit } from './index.js';

interface ContextOptions {
  source: string;
  section?: string;
  githubRepo?: string;
  repo: string;
  base?: string;
  format: string;
  details: boolean;
  cache: boolean;
}

export function registerContext(program: Command, setExit: SetExit): void {
  program
    .command('context')
    .description('Phase 0 facts for a source of work: what it names, where that is, construction sites, DEVIATIONs')
    .requiredOption('--source <file|-|#N>', 'the source of work: a Markdown file, - for stdin, or GitHub issues (#12,#15)')
    .option('--section <name>', 'with a macro-plan file: the section to use, e.g. "Phase 2, PR 4"')
    .option('--github-repo <owner/name>', 'the GitHub repository for #N sources (default: the origin remote)')
    .option('--repo <dir>', 'the repository to read', '.')
    .option('--base <rev>', 'read the repository at this revision instead of the working tree')
    .addOption(formatOption(['md', 'json'], 'md'))
    .option('--details', 'list every construction site, caller and use, not a summary (md)', false)
    .option('--no-cache', 'parse every file, ignoring and not writing the cache of construction-site results')
    .action(async (opts: ContextOptions) => {
      checkFormat(opts.format, ['md', 'json']);
      // Implementations load when their command runs: startup stays cheap for every other command.
      const [{ renderContextMarkdown }, { loadSourceArg }, { contextReport }] = await Promise.all([
        import('../../ground/context.js'),
        import('../../write/sources/source-arg.js'),
        import('./shared-config.js'),
      ]);
      const source = await loadSourceArg(opts, { cwd: process.cwd(), env: process.env, stdin: process.stdin });
      const report = await contextReport(source, { dir: opts.repo, base: opts.base, cacheDir: opts.cache ? defaultCacheDir() : undefined });
      process.stdout.write(opts.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderContextMarkdown(report, { details: opts.details }));
      setExit(EXIT.ok);
    });
}
