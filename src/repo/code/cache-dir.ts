/** Where microplan keeps caches (see site-cache.ts): a small module, so commands can name it without loading the cache. */
import os from 'node:os';
import path from 'node:path';

/** MICROPLAN_CACHE_DIR, else $XDG_CACHE_HOME/microplan, else ~/.cache/microplan. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MICROPLAN_CACHE_DIR) return path.resolve(env.MICROPLAN_CACHE_DIR);
  const base = env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(os.homedir(), '.cache');
  return path.join(base, 'microplan');
}
