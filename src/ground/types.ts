import type { CodeIndex, Repository } from '../repo/types.js';

/** What grounding rules may ask about the code a plan is held to. */
export interface Grounding {
  repo: Repository;
  index: CodeIndex;
}
