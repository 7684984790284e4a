/**
 * The source piped on standard input. A terminal on stdin means nothing was piped: waiting for
 * the user to type would look like a hang, so it is refused with a hint instead.
 */
import { InputError } from '../../errors.js';
import { titleOf } from './file.js';
import { MAX_SOURCE_BYTES, decodeSourceText } from './text.js';
import type { Source } from './types.js';

export interface StdinLike extends AsyncIterable<unknown> {
  isTTY?: boolean;
}

export async function loadStdinSource(input: StdinLike = process.stdin): Promise<Source> {
  if (input.isTTY) {
    throw new InputError('stdin is a terminal, not a piped source; pipe one in (cat issue.md | microplan …) or pass a file');
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk instanceof Uint8Array ? chunk : undefined;
    if (!bytes) throw new InputError('stdin produced something other than bytes');
    size += bytes.length;
    // Stop reading as soon as the limit is passed rather than buffering an endless pipe.
    if (size > MAX_SOURCE_BYTES) {
      throw new InputError(`stdin is larger than ${MAX_SOURCE_BYTES / (1024 * 1024)} MB, the limit for sources; pass the relevant part only`);
    }
    parts.push(bytes);
  }
  const text = decodeSourceText(Buffer.concat(parts), 'stdin');
  if (text.trim() === '') throw new InputError('stdin was empty; pipe the source of work in');
  return { kind: 'stdin', title: titleOf(text, 'stdin'), text, origin: 'stdin' };
}
