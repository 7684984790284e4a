/** Compact, comparable renderings of construction sites for exact-set assertions, and the fixture they are read from. */
import { afterAll, beforeAll } from 'vitest';
import { RepositoryCodeIndex } from '../../src/repo/code/code-index.js';
import { openRepository } from '../../src/repo/open.js';
import type { ConstructionSite, Repository } from '../../src/repo/types.js';
import { fixtureRepo, tempRepo, type TempRepo } from './git-fixture.js';

/** "file:line kind enclosing [via]" — one string per site, sorted. */
export function siteLines(sites: readonly ConstructionSite[]): string[] {
  return sites
    .map((s) => [`${s.file}:${s.line}`, s.kind, s.enclosing ?? '-', ...(s.via ? [`via ${s.via}`] : [])].join(' '))
    .sort();
}

export interface FixtureIndex {
  fixture: TempRepo;
  repo: Repository;
  index: RepositoryCodeIndex;
}

/**
 * A committed copy of fixture repository `name`, opened with a code index before the enclosing
 * describe block's tests and removed after them. Its fields are set once `beforeAll` has run.
 */
export function useFixtureIndex(name: 'go' | 'ts' | 'py'): FixtureIndex {
  const state = {} as FixtureIndex;
  beforeAll(async () => {
    state.fixture = fixtureRepo(name);
    state.repo = await openRepository({ dir: state.fixture.dir });
    state.index = new RepositoryCodeIndex(state.repo);
  });
  afterAll(async () => {
    await state.repo.close();
    state.fixture.remove();
  });
  return state;
}

/** The construction sites of `type` in a committed temporary repository holding `files`, as siteLines. */
export async function sitesInFiles(files: Record<string, string>, type: string): Promise<string[]> {
  const repo = tempRepo();
  try {
    for (const [file, text] of Object.entries(files)) repo.write(file, text);
    repo.commit('fixture');
    const opened = await openRepository({ dir: repo.dir });
    return siteLines(await new RepositoryCodeIndex(opened).constructionSites(type));
  } finally {
    repo.remove();
  }
}
