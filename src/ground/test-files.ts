import { LANGUAGES } from '../languages/index.js';

/** A directory of tests, whatever the language (Gradle's `src/testFixtures/`, `src/integTest/` too). */
const TEST_DIR = /(?:^|\/)(?:tests?|__tests__|testFixtures|integTest|androidTest)\//;
/**
 * Test classes of languages the registry does not parse, by their conventions: JUnit and Spock
 * (`FooTest.java`, `FooSpec.groovy`, `FooIT.kt`), xUnit (`FooTests.cs`), XCTest (`FooTests.swift`), PHPUnit (`FooTest.php`).
 */
const TEST_CLASS = /[a-z0-9](?:Tests?|Spec|IT)\.(?:java|kt|groovy|scala|cs|fs|swift|php)$/;

/** Test code, as each language names its test files (`_test.go`, `.test.ts`, `test_x.py`), or in a test directory. */
export function isTestFile(path: string): boolean {
  return TEST_DIR.test(path) || TEST_CLASS.test(path) || LANGUAGES.some((l) => l.tests.files?.named.test(path) ?? false);
}
