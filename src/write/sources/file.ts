/**
 * A Markdown file as the source of work (design doc, feature request, pasted issue). Checks run
 * on the stat before reading, so a 2 GB log or a FIFO is refused instantly instead of hanging.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { parseHeadings } from './headings.js';
import { MAX_SOURCE_BYTES, decodeSourceText, tooLarge } from './text.js';
import type { Source } from './types.js';

export interface FileOptions {
  /** Relative paths resolve against this; default process.cwd(). */
  cwd?: string;
}

/** Reads and checks a text file; messages name the path as the user typed it. */
export async function readSourceFile(path: string, options: FileOptions = {}): Promise<string> {
  const absolute = resolve(options.cwd ?? process.cwd(), path);
  let info;
  try {
    info = await stat(absolute);
  } catch (err) {
    throw fsError(err, path);
  }
  if (info.isDirectory()) throw new InputError(`${path} is a directory; pass a Markdown file`);
  if (!info.isFile()) throw new InputError(`${path} is not a regular file; pass a Markdown file`);
  if (info.size > MAX_SOURCE_BYTES) throw tooLarge(path, info.size);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolute);
  } catch (err) {
    throw fsError(err, path);
  }
  return decodeSourceText(bytes, path);
}

export async function loadFileSource(path: string, options: FileOptions = {}): Promise<Source> {
  const text = await readSourceFile(path, options);
  return { kind: 'file', title: titleOf(text, basename(path, extname(path))), text, origin: path };
}

/** The first top-level heading (else the first heading of any level), else the fallback. */
export function titleOf(markdown: string, fallback: string): string {
  const headings = parseHeadings(markdown).filter((h) => h.text !== '');
  const top = Math.min(...headings.map((h) => h.level));
  return headings.find((h) => h.level === top)?.text ?? fallback;
}

function fsError(err: unknown, path: string): InputError {
  const code = err instanceof Error && 'code' in err ? err.code : undefined;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputError(`${path} does not exist`);
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`cannot read ${path}: permission denied`);
  if (code === 'EISDIR') return new InputError(`${path} is a directory; pass a Markdown file`);
  return new InputError(`cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
}
