/**
 * `--source` as the user types it: a file, `-` for stdin, or GitHub issues (`#183,#189`);
 * `--section` narrows a file to one macro-plan section. Loading is the sources module's job;
 * this only dispatches and refuses combinations that cannot mean anything.
 */
import { InputError } from '../../errors.js';
import { loadFileSource } from './file.js';
import { loadGithubIssues } from './github.js';
import { loadMacroSection } from './macro-section.js';
import { loadStdinSource, type StdinLike } from './stdin.js';
import type { Source } from './types.js';

export interface SourceArgs {
  source: string | undefined;
  section?: string | undefined;
  githubRepo?: string | undefined;
}

export interface SourceDeps {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdin: StdinLike;
  fetch?: typeof fetch;
}

/** `#12`, `#12,#13`, `12, 13`: issue numbers, with at least one `#` so a file named "12" still works. */
export function isIssueSpec(value: string): boolean {
  return value.includes('#') && /^[\s,#\d]+$/.test(value);
}

export async function loadSourceArg(args: SourceArgs, deps: SourceDeps): Promise<Source> {
  const spec = args.source?.trim();
  if (!spec) {
    throw new InputError('--source is required: a Markdown file, - for stdin, or GitHub issues like "#183,#189"');
  }
  if (args.githubRepo !== undefined && !isIssueSpec(spec)) {
    throw new InputError('--github-repo only applies to GitHub issue sources (--source "#183,#189")');
  }
  if (spec === '-') {
    if (args.section !== undefined) throw new InputError('--section needs a file source; it cannot select from stdin');
    return loadStdinSource(deps.stdin);
  }
  if (isIssueSpec(spec)) {
    if (args.section !== undefined) throw new InputError('--section needs a file source; it cannot select from GitHub issues');
    return loadGithubIssues(spec, {
      cwd: deps.cwd,
      env: deps.env,
      ...(args.githubRepo !== undefined ? { repo: args.githubRepo } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
  }
  if (args.section !== undefined) return loadMacroSection(spec, args.section, { cwd: deps.cwd });
  return loadFileSource(spec, { cwd: deps.cwd });
}
