/**
 * Errors the user can fix: the CLI prints the message alone (no stack) and exits 2.
 * Library code throws InputError for bad input; RepoError (repo/) is treated the same way.
 */
export class InputError extends Error {
  override name = 'InputError';
}

export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
} as const;
