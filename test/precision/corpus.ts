/** Where the real data lives: ../shared beside the checkout (CI has a read-only copy there). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CORPUS = resolve(ROOT, '../shared/corpus/plans');
export const HAS_CORPUS = existsSync(CORPUS);
/** Shown when the corpus is absent, so a skipped run says why. */
export const NO_CORPUS = `the real-plan corpus is not at ${CORPUS}: these checks run where ../shared sits beside the checkout`;
