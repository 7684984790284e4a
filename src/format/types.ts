import type { LintReport } from '../engine/run.js';
import type { Rule } from '../rules/types.js';

export interface FormatOptions {
  /** ANSI colours (stylish only). */
  color: boolean;
  /** Paths in SARIF and GitHub output are made relative to this directory. */
  cwd: string;
  /** The rules that ran, for SARIF's rule metadata. */
  rules: readonly Rule[];
}

export type Formatter = (report: LintReport, options: FormatOptions) => string;
