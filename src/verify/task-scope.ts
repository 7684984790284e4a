/**
 * What a task touches, read from the whole task and not only its Files list: the paths its steps
 * name ("Append to the existing `sim/cluster/cluster_test.go`"), its `git add` line, the
 * alternatives it offers ("existing or new"). Files it lists only to run or read — a `Verify:`
 * entry, "(no changes)" — may be touched but are not promised. A task with no Files list
 * promises the files its steps say they create ("Create `FINDINGS.md` …").
 */
import { gitCommand } from '../plan/git-command.js';
import type { Plan, Task } from '../plan/types.js';
import { normalizePlanPath } from './match.js';

export interface TaskScope {
  /** Files the task promises to change (its Files list, minus entries it only reads and directories). */
  change: string[];
  /** Other paths that keep a promise ("Modify `a_test.go` (or create `b_test.go`)"), by promised path. */
  alternatives: Map<string, string[]>;
  /** Every path the task may change: the promised ones plus those its steps and `git add` name. */
  touch: string[];
}

/** A repository path in plan prose: has a directory or a file extension, no spaces or URL scheme. */
const PATH_IN_TEXT = /`([A-Za-z0-9_.@/-]+\/[A-Za-z0-9_.@*-]+|[A-Za-z0-9_@-]+\.[A-Za-z0-9]{1,5})(?::[\d,-]+)?`/g;
const READ_ONLY_NOTE = /\((?:no changes?|unchanged|read[- ]only|reference|verify only)\)|^\s*(?:no changes?|unchanged|read only)\b/i;
/** `git add a b`, also with options before `add` (`git -C "E:\repo" add a b`). */
const GIT_ADD = new RegExp(String.raw`^\s*${gitCommand('add').source}\s+(.+)$`, 'gm');
/** A step that says it creates a file: "Create `results/FINDINGS.md` using the template …". */
const CREATES = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*)?(?:create|write|add)\b[^`\n]{0,20}`([^`\n]+)`/gim;

function isPath(p: string): boolean {
  if (/^[a-z]+:\/\//i.test(p) || p.startsWith('-') || p.includes('..')) return false;
  return /\.[A-Za-z0-9]{1,5}$/.test(p) || p.endsWith('/') || /^[\w.-]+\/[\w./*-]+$/.test(p);
}

export function taskScope(plan: Plan, task: Task): TaskScope {
  const change: string[] = [];
  const alternatives = new Map<string, string[]>();
  const touch = new Set<string>();
  for (const entry of task.files) {
    const path = normalizePlanPath(entry.path);
    if (path === '') continue;
    touch.add(path);
    const line = plan.lines[entry.span.start.line - 1] ?? '';
    const others = [...line.matchAll(PATH_IN_TEXT)].map((m) => normalizePlanPath(m[1]!)).filter((p) => p !== path && isPath(p));
    for (const o of others) touch.add(o);
    const readOnly = READ_ONLY_NOTE.test(entry.note) || /^\s*(?:[-*+]\s+)?(?:\*\*)?(?:verify|read|run|reference|see)\b/i.test(line);
    // A directory says where the work happens, not which file changes.
    if (readOnly || path.endsWith('/') || change.includes(path)) continue;
    change.push(path);
    if (/\bor\b/i.test(line) && others.length > 0) alternatives.set(path, others);
  }
  const text = plan.lines.slice(task.span.start.line - 1, task.span.end.line).join('\n');
  for (const m of text.matchAll(PATH_IN_TEXT)) {
    const p = normalizePlanPath(m[1]!);
    if (isPath(p)) touch.add(p);
  }
  for (const block of task.steps.flatMap((s) => s.codeBlocks).concat(task.compact?.impl ?? [], task.compact?.test ?? [])) {
    for (const m of block.content.matchAll(GIT_ADD)) {
      for (const word of m[1]!.split(/\s+/)) {
        const p = normalizePlanPath(word.replace(/^["']|["']$/g, ''));
        if (p !== '' && !p.startsWith('-') && p !== '.' && isPath(p)) touch.add(p);
      }
    }
  }
  // A task without a Files list promises the files its steps say they create.
  if (task.files.length === 0) {
    for (const line of task.steps.flatMap((s) => s.prose.map((p) => p.text))) {
      for (const m of line.matchAll(CREATES)) {
        const p = normalizePlanPath(m[1]!);
        if (isPath(p) && !p.endsWith('/') && !change.includes(p)) change.push(p);
      }
    }
  }
  return { change, alternatives, touch: [...touch] };
}
