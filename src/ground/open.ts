/**
 * Opening the code a plan is held to. The reference state is `--base <rev>`, else the commit
 * the plan records (`**Base:** <sha>`), else the working tree; `--against <rev>` adds the later
 * state that drift is reported against. States are opened once per revision and shared.
 */
import { openRepository } from '../repo/open.js';
import { RepositoryCodeIndex } from '../repo/code/code-index.js';
import type { DiskSiteCaches } from '../repo/code/site-cache.js';
import { openSiteCaches } from './site-caches.js';
import type { Plan } from '../plan/types.js';
import { MissingRevisionError } from '../repo/types.js';
import { PlanBaseError, planBase } from './plan-base.js';

export { PlanBaseError, planBase } from './plan-base.js';
import type { CodeState, Grounding } from './types.js';

export interface GroundingOptions {
  /** Any directory inside the repository. */
  dir: string;
  /** Read the repository at this revision instead of the working tree (overrides the plan's Base). */
  base?: string | undefined;
  /** Report drift between the reference state and this revision. */
  against?: string | undefined;
  /** Remember construction-site results in this directory (see site-cache.ts); off when undefined. */
  cacheDir?: string | undefined;
}

export class GroundingSession {
  private readonly states = new Map<string, Promise<CodeState>>();
  /** One set for every state: they read one repository (revisions share the files they have in common). */
  private siteCaches: DiskSiteCaches | undefined;

  constructor(private readonly options: GroundingOptions) {}

  private state(revision: string | undefined): Promise<CodeState> {
    const key = revision ?? '';
    let s = this.states.get(key);
    if (!s) {
      s = openRepository({ dir: this.options.dir, revision }).then((repo) => {
        const { cacheDir } = this.options;
        if (cacheDir !== undefined) this.siteCaches ??= openSiteCaches(cacheDir, repo.root);
        return { repo, index: new RepositoryCodeIndex(repo, { siteCaches: this.siteCaches }), label: revision === undefined ? 'the working tree' : revision };
      });
      this.states.set(key, s);
    }
    return s;
  }

  /**
   * The grounding for one plan (its recorded base may differ from another plan's). A recorded
   * Base the repository lacks is that plan's problem (PlanBaseError), not the run's.
   */
  async forPlan(plan: Plan): Promise<Grounding> {
    const recorded = this.options.base === undefined ? planBase(plan) : undefined;
    const reference = await this.state(this.options.base ?? recorded).catch((err: unknown) => {
      if (recorded !== undefined && err instanceof MissingRevisionError) throw new PlanBaseError(plan, recorded, err.shallow);
      throw err;
    });
    if (this.options.against === undefined) return reference;
    return { ...reference, against: await this.state(this.options.against) };
  }

  /** The state named on the command line (`--base`, else the working tree), for commands without a plan. */
  reference(): Promise<CodeState> {
    return this.state(this.options.base);
  }

  /** Checks that the repository (and the revisions named on the command line) can be opened. */
  async open(): Promise<void> {
    await this.state(this.options.base);
    if (this.options.against !== undefined) await this.state(this.options.against);
  }

  /** Writes the site caches and releases the repositories' git processes. */
  async close(): Promise<void> {
    await this.siteCaches?.save();
    for (const s of this.states.values()) await (await s.catch(() => undefined))?.repo.close();
  }
}
