/**
 * What the repository readers refuse to hand to the code index: files too big to be source a
 * person maintains, and binary files. Both are skipped quietly (readText → undefined) because a
 * repository legitimately contains them; they are never an error.
 */

/** Files above this size are skipped without being read (generated tables, vendored blobs). */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

/** A NUL byte anywhere means binary: source text never contains one. */
export function isBinary(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
}

const decoder = new TextDecoder('utf-8');

/** The bytes when they are text a reader hands out: undefined for binary and oversized files. */
export function textBytes(bytes: Uint8Array): Uint8Array | undefined {
  return bytes.length > MAX_TEXT_BYTES || isBinary(bytes) ? undefined : bytes;
}

/**
 * Bytes → text, or undefined for binary. Invalid UTF-8 decodes with replacement characters
 * rather than failing: a stray Latin-1 byte in a comment must not hide a file's declarations.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  return textBytes(bytes) && decoder.decode(bytes);
}

/** Text bytes (see textBytes) → string, as decodeText does. */
export function decodeBytes(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
