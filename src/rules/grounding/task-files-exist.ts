import type { Finding, Rule } from '../types.js';
import { normalizePlanPath, resolvePlanPath } from '../../ground/resolve-path.js';

export const taskFilesExist: Rule = {
  id: 'task-files-exist',
  family: 'grounding',
  severity: 'error',
  formats: ['full', 'compact'],
  needsRepo: true,
  description:
    'A task modifies (or deletes) only files that exist or that an earlier task creates, and creates only files that do not exist yet. Test files may be new. Paths are exact, from the repository root.',
  instruction: 'List each task\'s files with exact paths from the repository root: Modify only files that exist (or an earlier task creates), Create only new ones.',
  async check(plan, { grounding }) {
    if (!grounding) return [];
    const created = new Set<string>();
    const out: Finding[] = [];
    for (const task of [...plan.tasks].sort((a, b) => a.number - b.number)) {
      for (const f of task.files) {
        const path = normalizePlanPath(f.path);
        const r = await resolvePlanPath(grounding.repo, path);
        if (f.action === 'create') {
          if (r.kind === 'exact') out.push({ message: `Task ${task.number} creates ${path}, which already exists: list it as Modify.`, span: f.span });
          created.add(path);
        } else if (f.action === 'modify' || f.action === 'delete') {
          if (r.kind === 'exact' || created.has(path)) continue;
          const hint =
            r.kind === 'suffix'
              ? `; write its full path, ${r.path}`
              : r.kind === 'ambiguous'
                ? `; write the full path (${r.candidates.slice(0, 3).join(', ')}${r.candidates.length > 3 ? ', …' : ''})`
                : '';
          out.push({
            message: `Task ${task.number} ${f.action === 'delete' ? 'deletes' : 'modifies'} ${path}, which does not exist in ${grounding.label} and no earlier task creates it${hint}.`,
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
