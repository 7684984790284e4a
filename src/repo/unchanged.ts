/**
 * Which files of a revision the working tree still holds unchanged, as git itself judges it. A
 * revision reader searches and reads those on disk: git grep at a revision inflates every object
 * it searches (300 ms on the Go standard library, against 40 ms for the same search on disk).
 *
 * A file counts when the index tracks it plainly (`ls-files -v` tag `H`: not assume-unchanged,
 * skip-worktree or unmerged, whose disk copies git does not compare) and `git diff-index <rev>`
 * does not list it. diff-index lists every tracked file whose disk copy differs from the
 * revision, staged or not, files added or deleted since, and files whose index stat data is stale
 * (it compares contents where the timestamps cannot be trusted), so what it leaves out is the
 * revision's blob on disk.
 */
import { gitOutput, splitNul } from './git.js';

export async function unchangedSince(root: string, revision: string): Promise<Set<string>> {
  const [tagged, changed] = await Promise.all([
    gitOutput(root, ['ls-files', '-v', '-z']),
    gitOutput(root, ['diff-index', '--name-only', '-z', revision, '--']),
  ]);
  const differs = new Set(splitNul(changed));
  const same = new Set<string>();
  for (const record of splitNul(tagged)) {
    if (!record.startsWith('H ')) continue;
    const file = record.slice(2);
    if (!differs.has(file)) same.add(file);
  }
  return same;
}
