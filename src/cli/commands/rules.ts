/** `microplan rules`: the catalog as a table, the reference docs (`--format md`) or JSON. */
import type { Command } from 'commander';
import { loadConfigFile } from '../../config/load.js';
import { defaultConfig } from '../../config/defaults.js';
import { renderRulesJson, renderRulesMarkdown, renderRulesTable } from '../../format/rules.js';
import { RULES } from '../../rules/index.js';
import { EXIT, InputError } from '../errors.js';
import type { SetExit } from './index.js';

const FORMATS = ['table', 'md', 'json'] as const;

export function registerRules(program: Command, setExit: SetExit): void {
  program
    .command('rules')
    .description('List the rule catalog: id, family, default severity and description.')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'table')
    .option('-c, --config <file>', 'render agent instructions with this project config (md, json)')
    .action((opts: { format: string; config?: string }) => {
      const config = opts.config ? loadConfigFile(opts.config) : defaultConfig();
      let out: string;
      if (opts.format === 'table') out = renderRulesTable(RULES, process.stdout.isTTY ? process.stdout.columns : undefined);
      else if (opts.format === 'md') out = renderRulesMarkdown(RULES, config);
      else if (opts.format === 'json') out = renderRulesJson(RULES, config);
      else throw new InputError(`--format ${opts.format}: unknown format: use one of ${FORMATS.join(', ')}`);
      process.stdout.write(out);
      setExit(EXIT.ok);
    });
}
