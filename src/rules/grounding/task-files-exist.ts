import type { Finding, Rule } from '../types.js';
import { listFilesCached, normalizePlanPath, resolvePlanPath } from '../../ground/resolve-path.js';
import { globToRegExp } from '../../ground/glob.js';

/** `sim/workload/*.yaml`, `src/Models/*Range*`: a pattern, held to matching some file. */
const GLOB = /[*?[]/;

export const taskFilesExist: Rule = {
  id: 'task-files-exist',
  family: 'grounding',
  severity: 'error',
  formats: ['full', 'compact', 'superpowers'],
  needsRepo: true,
  description:
    'A task modifies (or deletes) only files that exist or that an earlier task creates, and creates only files that do not exist yet. Test files may be new. Paths are exact, from the repository root; a directory (`sim/workload/`) must exist, and a pattern (`profiles/*.yaml`) must match some file.',
  instruction: 'List each task\'s files with exact paths from the repository root: Modify only files that exist (or an earlier task creates), Create only new ones.',
  async check(plan, { grounding }) {
    if (!grounding) return [];
    const created = new Set<string>();
    const out: Finding[] = [];
    for (const task of [...plan.tasks].sort((a, b) => a.number - b.number)) {
      for (const f of task.files) {
        const path = normalizePlanPath(f.path);
        const changes = f.action === 'modify' || f.action === 'delete';
        const verb = f.action === 'delete' ? 'deletes' : 'modifies';
        if (path.endsWith('/') || GLOB.test(path)) {
          // A directory or a pattern names the files it holds or matches: some must exist.
          if (!changes) continue;
          const files = await listFilesCached(grounding.repo);
          const matches = path.endsWith('/') ? (file: string): boolean => file.startsWith(path) : (file: string): boolean => globToRegExp(path).test(file);
          if (files.some(matches) || [...created].some(matches)) continue;
          const what = path.endsWith('/') ? 'a directory that does not exist' : 'a pattern that matches no file';
          out.push({ message: `Task ${task.number} ${verb} ${path}, ${what} in ${grounding.label}: write the exact paths of the files it changes.`, span: f.span });
          continue;
        }
        const r = await resolvePlanPath(grounding.repo, path);
        if (f.action === 'create') {
          if (r.kind === 'exact') out.push({ message: `Task ${task.number} creates ${path}, which already exists: list it as Modify.`, span: f.span });
          created.add(path);
        } else if (changes) {
          if (r.kind === 'exact' || created.has(path)) continue;
          const hint =
            r.kind === 'suffix'
              ? `; write its full path, ${r.path}`
              : r.kind === 'ambiguous'
                ? `; write the full path (${r.candidates.slice(0, 3).join(', ')}${r.candidates.length > 3 ? ', …' : ''})`
                : '';
          out.push({
            message: `Task ${task.number} ${verb} ${path}, which does not exist in ${grounding.label} and no earlier task creates it${hint}.`,
            span: f.span,
          });
        } else if (f.action === 'test') {
          created.add(path);
        }
      }
    }
    return out;
  },
};
