import { languageExamples } from '../language-examples.js';
import type { FileEntry } from '../../plan/types.js';
import type { Finding, Rule } from '../types.js';
import { isVerificationOnly, taskHeadSpan, taskShape } from './shared.js';

/** What is wrong with a path as an exact file path, or undefined when it is one. */
function pathProblem(entry: FileEntry): string | undefined {
  const p = entry.path;
  if (/[*?]|\{[^}]*,[^}]*\}|\[[^\]]+\]/.test(p)) return 'is a glob pattern';
  if (/…|\.\.\.|(^|[\s/])etc\.?($|[\s/])/.test(p)) return 'is elided ("…"/"etc")';
  if (/<[^>]+>|\[[^\]]*\]/.test(p)) return 'contains a placeholder';
  if (p.endsWith('/') && entry.action !== 'delete') return 'is a directory, not a file';
  if (/\s/.test(p)) return 'is prose, not a path';
  return undefined;
}

export const taskFiles: Rule = {
  id: 'task-files',
  family: 'tasks',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'Each task lists the files it touches under "Files:", one per entry, each with an action (Create, Modify, Test — Delete is accepted too) and an exact path: no globs, no "…" or "etc", no bare directory (except when deleting one), no prose in place of a path. A line range after the path ("file.go:123-145") must have start ≤ end. The executing agent works from this list without exploring the codebase. Verification-only tasks, which change no file, need no list.',
  instruction: (config) => {
    const ex = languageExamples(config);
    return `Under each task write "**Files:**" with one entry per file: "- Create: \`${ex.file}\`", "- Modify: \`${ex.file}:123-145\`", "- Test: \`${ex.testFile}\`". No globs, directories or "etc".`;
  },
  check(plan) {
    const out: Finding[] = [];
    for (const task of plan.tasks) {
      if (task.files.length === 0) {
        if (isVerificationOnly(task)) continue;
        out.push({
          message: taskShape(task) === 'compact'
            ? `Task ${task.number} has no Files part: add "**Files:** modify \`exact/path\`, test \`exact/path_test\`" naming every file it changes.`
            : `Task ${task.number} has no Files list with exact paths: add "**Files:**" with "- Create/Modify/Test: \`exact/path\`" entries.`,
          span: taskHeadSpan(plan, task),
        });
        continue;
      }
      for (const entry of task.files) {
        if (entry.action === 'other') {
          out.push({
            message: `File entry \`${entry.path}\` in Task ${task.number} has no action: write it as "Create: \`${entry.path}\`", "Modify: …" or "Test: …".`,
            span: entry.span,
          });
        }
        const problem = pathProblem(entry);
        if (problem) {
          out.push({ message: `File entry \`${entry.path}\` in Task ${task.number} ${problem}: name each file by its exact path.`, span: entry.span });
        }
        if (entry.lines && (entry.lines.start < 1 || entry.lines.start > entry.lines.end)) {
          out.push({
            message: `Line range ${entry.lines.start}-${entry.lines.end} of \`${entry.path}\` is malformed: write "path:start-end" with 1 ≤ start ≤ end.`,
            span: entry.span,
          });
        }
      }
    }
    return out;
  },
};
