import { LANGUAGES } from '../languages/index.js';

/** A directory of tests, whatever the language. */
const TEST_DIR = /(?:^|\/)(?:tests?|__tests__)\//;

/** Test code, as each language names its test files (`_test.go`, `.test.ts`, `test_x.py`), or in a test directory. */
export function isTestFile(path: string): boolean {
  return TEST_DIR.test(path) || LANGUAGES.some((l) => l.tests.files?.named.test(path) ?? false);
}
