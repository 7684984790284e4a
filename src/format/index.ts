/** The lint output formats, by name. */
import type { LintReport } from '../engine/run.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { FormatOptions } from './types.js';

export const FORMATS = {
  stylish: formatStylish,
  json: (report: LintReport) => formatJson(report),
  sarif: formatSarif,
  github: formatGithub,
} as const satisfies Record<string, (report: LintReport, options: FormatOptions) => string>;

export type FormatName = keyof typeof FORMATS;

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}

export function formatReport(name: FormatName, report: LintReport, options: FormatOptions): string {
  return FORMATS[name](report, options);
}

export type { FormatOptions } from './types.js';
