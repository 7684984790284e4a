/**
 * Turning bytes into source text. Sources go to a model verbatim, so anything that is not
 * reasonable-size UTF-8 text is refused with one message naming the input — never garbled,
 * never silently truncated.
 */
import { InputError } from '../../errors.js';

export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

/** `name` is how the input is called in messages: a path, or "stdin". */
export function decodeSourceText(bytes: Uint8Array, name: string): string {
  if (bytes.length > MAX_SOURCE_BYTES) throw tooLarge(name, bytes.length);
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) {
    throw new InputError(`${name} looks like a binary file (it contains NUL bytes); pass a Markdown or text file`);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const line = countNewlines(bytes, bad) + 1;
    throw new InputError(`${name} is not valid UTF-8 (first bad byte at line ${line}, byte offset ${bad}); re-save it as UTF-8`);
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function tooLarge(name: string, bytes: number): InputError {
  const mb = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  return new InputError(`${name} is ${mb(bytes)}; sources are limited to ${mb(MAX_SOURCE_BYTES)} — pass the relevant part only`);
}

/**
 * Offset of the first byte that breaks UTF-8 (including overlong forms and surrogates), or -1.
 * TextDecoder's fatal mode only says "invalid", and a position is what lets the user fix it.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c === undefined || c < min || c > max) return i;
    }
    i += need + 1;
  }
  return -1;
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}
