/**
 * One `--source` value → a Source: "-" is standard input, "#12" / "#12,#15" / "12,15" are GitHub
 * issues, anything else is a file (with `--section`, a section of a macro plan).
 */
import { InputError } from '../../errors.js';
import { loadFileSource } from './file.js';
import { loadGithubIssues } from './github.js';
import { loadMacroSection } from './macro-section.js';
import { loadStdinSource } from './stdin.js';
import type { Source } from './types.js';

export interface SourceSpec {
  source: string;
  section?: string | undefined;
  githubRepo?: string | undefined;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

const ISSUES = /^#?\d+(?:\s*,\s*#?\d+)*$/;

export async function loadSource(spec: SourceSpec): Promise<Source> {
  const s = spec.source.trim();
  if (s === '') throw new InputError('--source is empty: give a file, "-" for standard input, or issue numbers like "#12,#15".');
  if (s === '-') {
    if (spec.section !== undefined) throw new InputError('--section selects a section of a file; it cannot be used with --source -.');
    return loadStdinSource();
  }
  if (ISSUES.test(s)) {
    if (spec.section !== undefined) throw new InputError('--section selects a section of a file; it cannot be used with GitHub issues.');
    return loadGithubIssues(s, { cwd: spec.cwd, env: spec.env, ...(spec.githubRepo !== undefined ? { repo: spec.githubRepo } : {}) });
  }
  if (spec.section !== undefined) return loadMacroSection(s, spec.section, { cwd: spec.cwd });
  return loadFileSource(s, { cwd: spec.cwd });
}
