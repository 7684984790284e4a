/** Draft constants the CLI needs at startup (option help), apart from the draft machinery. */
export const EXIT_INTERRUPTED = 130;
export const DEFAULT_ROUNDS = 3;
