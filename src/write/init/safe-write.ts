/**
 * Writing generated files without ever losing a user's edit. `.microplan/manifest.json` records
 * the hash of what microplan last wrote; a file is rewritten only when it is still exactly that
 * (or absent). Anything else is kept and reported, unless `force` is given.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../../errors.js';
import { fileSystemMessage, targetProblem } from '../target-check.js';

export type WriteOutcome = 'created' | 'updated' | 'unchanged' | 'kept' | 'would-create' | 'would-update';

export interface PlannedFile {
  path: string;
  content: string;
  /** The user's current text this content was merged into (a shared settings file): written over only if unchanged since. */
  basedOn?: string | undefined;
}

export interface WriteResult {
  path: string;
  outcome: WriteOutcome;
  /** Why a file was kept. */
  reason?: string;
}

const MANIFEST = '.microplan/manifest.json';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

function readManifest(root: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(root, MANIFEST), 'utf8'));
    if (parsed && typeof parsed === 'object' && 'files' in parsed && parsed.files && typeof parsed.files === 'object') {
      return { ...(parsed.files as Record<string, string>) };
    }
  } catch {
    // No manifest yet (first run) or an unreadable one: treat every existing file as the user's.
  }
  return {};
}

function atomicWrite(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.microplan-${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/**
 * Checks every target before anything is written: a run that would fail half-way (a file where a
 * directory must go, a directory that cannot be written) writes nothing and says which path.
 */
function checkTargets(root: string, files: readonly PlannedFile[]): void {
  const problems = [...files.map((f) => f.path), MANIFEST].flatMap((path) => {
    const problem = targetProblem(join(root, path), root);
    return problem ? [`${path}: ${problem}`] : [];
  });
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more: ${problems.slice(1).join('; ')})` : '';
    throw new InputError(`${problems[0]}${more}; nothing was written`);
  }
}

export function writeFiles(root: string, files: readonly PlannedFile[], options: { dryRun?: boolean; force?: boolean } = {}): WriteResult[] {
  checkTargets(root, files);
  try {
    return writeChecked(root, files, options);
  } catch (err) {
    // Checked above; this is the file system changing under the run (or a full disk).
    throw new InputError(fileSystemMessage(err, root));
  }
}

function writeChecked(root: string, files: readonly PlannedFile[], options: { dryRun?: boolean; force?: boolean }): WriteResult[] {
  const manifest = readManifest(root);
  const results: WriteResult[] = [];
  for (const file of files) {
    const abs = join(root, file.path);
    const exists = existsSync(abs);
    const current = exists ? readFileSync(abs, 'utf8') : undefined;
    if (current === file.content) {
      manifest[file.path] = sha(file.content);
      results.push({ path: file.path, outcome: 'unchanged' });
      continue;
    }
    const ours = current !== undefined && (manifest[file.path] === sha(current) || file.basedOn === current);
    if (current !== undefined && !ours && !options.force) {
      results.push({
        path: file.path,
        outcome: 'kept',
        reason: manifest[file.path] ? 'edited since microplan wrote it' : 'not written by microplan',
      });
      continue;
    }
    if (options.dryRun) {
      results.push({ path: file.path, outcome: exists ? 'would-update' : 'would-create' });
      continue;
    }
    atomicWrite(abs, file.content);
    manifest[file.path] = sha(file.content);
    results.push({ path: file.path, outcome: exists ? 'updated' : 'created' });
  }
  if (!options.dryRun && results.some((r) => r.outcome !== 'kept')) {
    const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
    const text = `${JSON.stringify({ note: 'Hashes of the files microplan init wrote; a file that no longer matches is yours and is never overwritten.', files: sorted }, null, 2)}\n`;
    if (!existsSync(join(root, MANIFEST)) || readFileSync(join(root, MANIFEST), 'utf8') !== text) atomicWrite(join(root, MANIFEST), text);
  }
  return results;
}
