/** Test code, as Go (`_test.go`), TypeScript/JavaScript (`.test.ts`, `__tests__/`) and Python (`test_x.py`) name it. */
const TEST_FILE = /(?:_test\.go|\.(?:test|spec)\.[cm]?[jt]sx?|(?:^|\/)test_[^/]*\.py|_test\.py)$|(?:^|\/)(?:tests?|__tests__)\//;

export function isTestFile(path: string): boolean {
  return TEST_FILE.test(path);
}
