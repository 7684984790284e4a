/**
 * A path as a plan writes it → the repository file it means. Plans write exact paths
 * ("sim/cluster/cluster.go"), shortened ones ("cluster/cluster.go") and bare names ("cluster.go");
 * a unique suffix match is accepted, several are ambiguous.
 */
import type { Repository } from '../repo/types.js';

export type PathResolution =
  | { kind: 'exact'; path: string }
  | { kind: 'suffix'; path: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'missing' };

const fileLists = new WeakMap<Repository, Promise<string[]>>();

export function listFilesCached(repo: Repository): Promise<string[]> {
  let files = fileLists.get(repo);
  if (!files) {
    files = repo.listFiles();
    fileLists.set(repo, files);
  }
  return files;
}

/** A path as written, without "./", backslashes or line numbers ("a.go:5-6,119-126", "a.go:~95"). */
export function normalizePlanPath(p: string): string {
  return p
    .replace(/^\.\//, '')
    .replace(/\\/g, '/')
    .replace(/:~?\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*~?\d+(?:\s*[-–]\s*\d+)?)*$/, '');
}

export async function resolvePlanPath(repo: Repository, rawPath: string): Promise<PathResolution> {
  const p = normalizePlanPath(rawPath);
  const files = await listFilesCached(repo);
  if (files.includes(p)) return { kind: 'exact', path: p };
  const suffix = `/${p}`;
  const candidates = files.filter((f) => f.endsWith(suffix));
  if (candidates.length === 1) return { kind: 'suffix', path: candidates[0]! };
  if (candidates.length > 1) return { kind: 'ambiguous', candidates: candidates.sort() };
  return { kind: 'missing' };
}
