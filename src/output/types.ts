import type { LintReport } from '../engine/run.js';
import type { Rule } from '../rules/types.js';

export interface FormatOptions {
  /** ANSI colours (stylish only). */
  color: boolean;
  /** The terminal's columns, for wrapping (stylish only); undefined: one line per finding. */
  width?: number | undefined;
  /** Paths in SARIF and GitHub output are made relative to this directory. */
  cwd: string;
  /** The rules that ran, for SARIF's rule metadata. */
  rules: readonly Rule[];
}

export type Formatter = (report: LintReport, options: FormatOptions) => string;
