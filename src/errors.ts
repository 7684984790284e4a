/**
 * Errors the user can fix. Library code throws InputError for bad input (a missing file, a
 * wrong option, a broken config); the CLI prints its message alone — no stack — and exits 2.
 * RepoError (repo/types.ts) is treated the same way.
 */
export class InputError extends Error {
  override name = 'InputError';
}
