/**
 * The construction-site audit of Phase 0 ("for every struct this PR adds fields to, list every
 * place it is constructed"), as a library call: open the repository (working tree or revision),
 * ask the code index, release the git processes.
 */
import { RepositoryCodeIndex, type SkippedFile } from '../repo/code/code-index.js';
import { openSiteCaches } from './site-caches.js';
import { openRepository } from '../repo/open.js';
import type { ConstructionSite, Language, Repository } from '../repo/types.js';

export interface SiteAuditOptions extends SiteSearchSettings {
  /** Any directory inside the repository. */
  dir: string;
  /** Read the code at this revision (branch, tag, sha) instead of the working tree. */
  revision?: string | undefined;
}

/** How to search, whichever way the repository was opened. */
export interface SiteSearchSettings {
  language?: Language | undefined;
  /** Include calls of factory functions (default true). */
  factories?: boolean | undefined;
  /**
   * Remember per-file results in this directory (see site-cache.ts; `defaultCacheDir()` is the
   * CLI's), so a repeated audit parses only files that changed. Off when undefined.
   */
  cacheDir?: string | undefined;
}

export interface SiteAudit {
  /** The type as asked ("Config", "server.Config"). */
  type: string;
  /** Repository root the site paths are relative to. */
  root: string;
  /** Commit read, or undefined for the working tree. */
  revision: string | undefined;
  sites: ConstructionSite[];
  /** Files that could not be read and so were not searched. */
  skipped: SkippedFile[];
}

export async function constructionSites(type: string, options: SiteAuditOptions): Promise<SiteAudit> {
  const [audit] = await siteAudits([type], options);
  return audit!;
}

/**
 * The audits of several types from one opening of the repository: their searches run side by
 * side and share the files they read. In the order asked.
 */
export async function siteAudits(types: readonly string[], options: SiteAuditOptions): Promise<SiteAudit[]> {
  const repo = await openRepository({ dir: options.dir, revision: options.revision });
  try {
    return await auditRepository(repo, types, options);
  } finally {
    await repo.close();
  }
}

/** siteAudits over a repository the caller opened (and closes). */
export async function auditRepository(repo: Repository, types: readonly string[], settings: SiteSearchSettings): Promise<SiteAudit[]> {
  const siteCaches = settings.cacheDir === undefined ? undefined : openSiteCaches(settings.cacheDir, repo.root);
  const index = new RepositoryCodeIndex(repo, { siteCaches });
  const found = await Promise.all(
    types.map((type) =>
      index.constructionSites(type, {
        ...(settings.language ? { language: settings.language } : {}),
        factories: settings.factories ?? true,
      }),
    ),
  );
  await siteCaches?.save();
  // Files are read as the search finds them, in no fixed order: sort, so output is stable.
  const skipped = [...index.skipped].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return types.map((type, i) => ({ type, root: repo.root, revision: repo.revision, sites: found[i] ?? [], skipped }));
}
