/**
 * What `prompt` and `draft` take from outside the write module, as small injected functions:
 * the project config, the linter (grounded when the build has grounding) and the Phase 0 facts
 * (when the build has `context`). The CLI wires them in `cli/commands/shared-config.ts`.
 */
import type { Config } from '../../config/types.js';
import type { ProgressStream } from './progress.js';
import type { LintFn } from './loop.js';
import type { StdinLike } from '../sources/stdin.js';
import type { Source } from '../sources/types.js';

/** Phase 0 facts (Markdown) for a source of work; undefined when there are none to give. */
export type FactsFn = (source: Source) => Promise<string | undefined>;

export interface WriteDeps {
  /** The config governing `dir` (found by walking up from it). */
  configFor(dir: string): Promise<Config>;
  lintFor(config: Config, cwd: string): LintFn;
  /** Undefined when this build cannot compute facts. */
  factsFor(config: Config, cwd: string): FactsFn | undefined;
}

export interface CommandIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdin: StdinLike;
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
  /** Today's date for default plan names; injectable for tests. */
  today?: () => Date;
  /** Injectable for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}
