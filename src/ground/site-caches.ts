/**
 * The persistent site caches of a repository as the commands open them: under a cache directory
 * (`defaultCacheDir()` for the CLI), for this build of microplan only.
 */
import { toolBuildId, toolVersion } from '../output/meta.js';
import { DiskSiteCaches } from '../repo/code/site-cache.js';

export function openSiteCaches(dir: string, root: string): DiskSiteCaches {
  return new DiskSiteCaches({ dir, root, version: `${toolVersion()}+${toolBuildId() ?? 'source'}` });
}
