import type { CodeIndex, Repository } from '../repo/types.js';

/** One state of the code: a repository (working tree or revision) and its code index. */
export interface CodeState {
  repo: Repository;
  index: CodeIndex;
  /** "working tree", or the revision as the user named it. */
  label: string;
}

/** What grounding rules may ask about the code a plan is held to. */
export interface Grounding extends CodeState {
  /**
   * With `--against <rev>`: the later state citations are compared with, to report drift since
   * the plan was written (the plan is read against `repo`, its recorded base).
   */
  against?: CodeState | undefined;
}
