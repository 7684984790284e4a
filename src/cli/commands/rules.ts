/** `microplan rules`: the catalog as a table, the reference docs (`--format md`) or JSON. */
import type { Command } from 'commander';
import { EXIT } from '../errors.js';
import { checkFormat, formatOption } from '../format-option.js';
import type { SetExit } from './index.js';

const FORMATS = ['table', 'md', 'json'] as const;

export function registerRules(program: Command, setExit: SetExit): void {
  program
    .command('rules')
    .description('list the rule catalog: id, family, default severity and description')
    .addOption(formatOption(FORMATS, 'table'))
    .option('-c, --config <file>', 'render agent instructions with this project config (md, json)')
    .action(async (opts: { format: string; config?: string }) => {
      const [{ loadConfigFile }, { defaultConfig }, { renderRulesJson, renderRulesMarkdown, renderRulesTable }, { RULES }, { terminalWidth, useColor }] = await Promise.all([
        import('../../config/load.js'),
        import('../../config/defaults.js'),
        import('../../output/rules.js'),
        import('../../rules/index.js'),
        import('../../output/color.js'),
      ]);
      const config = opts.config ? loadConfigFile(opts.config) : defaultConfig();
      const format = checkFormat(opts.format, FORMATS);
      let out: string;
      if (format === 'table') out = renderRulesTable(RULES, terminalWidth(process.stdout), useColor(process.stdout));
      else if (format === 'md') out = renderRulesMarkdown(RULES, config);
      else out = renderRulesJson(RULES, config);
      process.stdout.write(out);
      setExit(EXIT.ok);
    });
}
