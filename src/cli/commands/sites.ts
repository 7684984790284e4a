/** `microplan sites <Type>`: the construction-site audit, as a Markdown table or JSON. */
import { Option, type Command } from '../commander.js';
import { checkFormat, formatOption } from '../format-option.js';
import { EXIT } from '../errors.js';
import { defaultCacheDir } from '../../repo/code/cache-dir.js';
import { openRepository } from '../../repo/open.js';
import type { Language } from '../../repo/types.js';
import type { SetExit } from './index.js';

interface SitesOptions {
  lang?: Language;
  format: 'md' | 'json';
  repo?: string;
  base?: string;
  factories: boolean;
  cache: boolean;
}

export function registerSites(program: Command, setExit: SetExit): void {
  program
    .command('sites')
    .description('construction-site audit: every place a type is constructed, with file:line (for Phase 0)')
    .argument('<types...>', 'type names, bare (Config) or qualified by package/module (server.Config); several are audited together')
    .addOption(new Option('--lang <language>', 'only this language').choices(['go', 'typescript', 'python']))
    .addOption(formatOption(['md', 'json'], 'md'))
    .option('--repo <dir>', 'repository to read (default: the current directory)')
    .option('--base <rev>', 'read the code at this git revision instead of the working tree')
    .option('--no-factories', 'leave out calls of factory functions (faster)')
    .option('--no-cache', 'parse every file, ignoring and not writing the cache of earlier results (in $MICROPLAN_CACHE_DIR, else ~/.cache/microplan)')
    .action(async (types: string[], options: SitesOptions) => {
      checkFormat(options.format, ['md', 'json']);
      // The repository opens (a git process) while the code index loads: both are on the way to
      // the first `git grep`, which is most of the command's time.
      const opening = openRepository({ dir: options.repo ?? process.cwd(), revision: options.base });
      const [repo, { auditRepository }, { sitesJson, formatSitesMarkdown }] = await Promise.all([
        opening,
        import('../../ground/sites.js'),
        import('../../output/sites.js'),
      ]);
      const audits = await auditRepository(repo, types, {
        language: options.lang,
        factories: options.factories,
        cacheDir: options.cache ? defaultCacheDir() : undefined,
      }).finally(() => repo.close());
      if (options.format === 'json') {
        const json = audits.length === 1 ? sitesJson(audits[0]!) : audits.map(sitesJson);
        process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      } else {
        process.stdout.write(audits.map(formatSitesMarkdown).join('\n'));
      }
      setExit(EXIT.ok);
    });
}
