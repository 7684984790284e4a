/**
 * Where a draft run writes, without ever replacing a file it did not create. The plan goes to the
 * requested path when that is free; when the user already has a file there (an earlier plan, an
 * edited draft), the run writes beside it as `<name>.draft.md` (then `.draft-2.md`, …) and says
 * so. Round files take the chosen name: `<name>.round-1.md`, `<name>.round-2.partial.md`. Every
 * write is exclusive-create, so even a file that appears while the model is thinking is safe.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { InputError } from '../../errors.js';
import { fileSystemMessage } from '../target-check.js';

export interface DraftFiles {
  /** Where the plan will be written. */
  target: string;
  /** The requested path, when it was taken and the run writes elsewhere. */
  displaced: string | undefined;
  roundPath(round: number): string;
  partialPath(round: number): string;
}

export function chooseDraftFiles(requested: string): DraftFiles {
  const ext = /^\.(md|markdown)$/i.test(extname(requested)) ? extname(requested) : '';
  const stem = ext === '' ? requested : requested.slice(0, -ext.length);
  const suffix = ext === '' ? '.md' : ext;
  for (let i = 0; ; i++) {
    const candidate = i === 0 ? stem : i === 1 ? `${stem}.draft` : `${stem}.draft-${i}`;
    const target = i === 0 ? requested : `${candidate}${suffix}`;
    if (isFree(candidate, target)) {
      return {
        target,
        displaced: i === 0 ? undefined : requested,
        roundPath: (n) => `${candidate}.round-${n}${suffix}`,
        partialPath: (n) => `${candidate}.round-${n}.partial${suffix}`,
      };
    }
  }
}

/** Neither the plan nor any round file of an earlier run under this name exists. */
function isFree(stem: string, target: string): boolean {
  if (existsSync(target)) return false;
  const dir = dirname(stem);
  const prefix = `${basename(stem)}.round-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return true; // the directory does not exist yet
  }
  return !names.some((n) => n.startsWith(prefix));
}

/**
 * Creates `path` with `content`; false (and nothing written) when it already exists. Any other
 * file-system failure is one line naming the file (an InputError).
 */
export function writeNewFile(path: string, content: string): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content, { flag: 'wx' });
    return true;
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'EEXIST' && (err as NodeJS.ErrnoException).path === path) return false;
    throw new InputError(fileSystemMessage(err, process.cwd()));
  }
}

/** Writes the final plan: at `files.target`, or at the next free name if one appeared meanwhile. */
export function writePlan(files: DraftFiles, content: string): string {
  if (writeNewFile(files.target, content)) return files.target;
  const again = chooseDraftFiles(files.target);
  if (writeNewFile(again.target, content)) return again.target;
  throw new InputError(`${files.target}: appeared during the run, and so did ${again.target}: every round is kept beside them; move one aside and copy the best round`);
}
