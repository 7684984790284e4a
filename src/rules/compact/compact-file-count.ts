import type { Rule } from '../types.js';
import type { FileEntry } from '../../plan/types.js';

const DOC_FILE = /\.(?:md|mdx|markdown|rst|txt|adoc)$/i;

export const compactFileCount: Rule = {
  id: 'compact-file-count',
  family: 'compact',
  severity: 'error',
  formats: ['compact'],
  description:
    'A compact plan touches at most 3 files (the union of every task\'s Files, tests included), unless every file is documentation: the spec\'s docs-only criterion has no file limit. A PR that changes more files than that is not a small-tier PR, and the spec requires the full format for it, with its component view, deviation log, test strategy and risks.',
  instruction: 'If the PR touches more than 3 files (tests included), write the full format, not the compact one.',
  check(plan) {
    const seen = new Map<string, FileEntry>();
    for (const t of plan.tasks) for (const f of t.files) {
      const key = f.path.replace(/^\.\//, '');
      if (!seen.has(key)) seen.set(key, f);
    }
    if (seen.size <= 3) return [];
    // The spec's first compact criterion, docs-only with no workflow change, has no file limit.
    if ([...seen.keys()].every((p) => DOC_FILE.test(p))) return [];
    const fourth = [...seen.values()][3]!;
    const names = [...seen.keys()];
    const list = names.length > 6 ? `${names.slice(0, 6).join(', ')}, …` : names.join(', ');
    return [
      {
        message: `This compact plan touches ${seen.size} files (${list}); the compact format allows at most 3: use the full format.`,
        span: fourth.span,
      },
    ];
  },
};
