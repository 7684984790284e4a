/** Exit codes of every command, and the user-fixable error the CLI reports in one line. */
export { InputError } from '../errors.js';

export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
} as const;
