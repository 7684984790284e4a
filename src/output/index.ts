/** The output formats of every command, in one place (after markdownlint-cli2): lint reports by name here, `rules`, `sites` and `verify` renderings beside them. */
import type { LintReport } from '../engine/run.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { FormatName } from './names.js';
import type { FormatOptions } from './types.js';

export const FORMATS = {
  stylish: formatStylish,
  json: (report: LintReport) => formatJson(report),
  sarif: formatSarif,
  github: formatGithub,
} as const satisfies Record<FormatName, (report: LintReport, options: FormatOptions) => string>;

export { FORMAT_NAMES, isFormatName, type FormatName } from './names.js';

export function formatReport(name: FormatName, report: LintReport, options: FormatOptions): string {
  return FORMATS[name](report, options);
}

export type { FormatOptions } from './types.js';
export { terminalWidth, useColor } from './color.js';
