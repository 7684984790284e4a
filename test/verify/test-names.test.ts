import { describe, expect, it } from 'vitest';
import { taskNumbersIn, testNamesIn } from '../../src/verify/test-names.js';

describe('testNamesIn', () => {
  it('reads Go test identifiers, bare or backticked', () => {
    expect(testNamesIn('TestFoo_GivenX_ThenY')).toEqual(['TestFoo_GivenX_ThenY']);
    expect(testNamesIn('`TestA_B`, `TestC_D` (table-driven)')).toEqual(['TestA_B', 'TestC_D']);
  });

  it('reduces a Go subtest path to its test function', () => {
    expect(testNamesIn('`TestRouter/empty_queue`')).toEqual(['TestRouter']);
  });

  it('reads pytest node ids and Python test functions', () => {
    expect(testNamesIn('`tests/test_slug.py::test_strips_punctuation`')).toEqual(['test_strips_punctuation']);
    expect(testNamesIn('test_rejects_empty via fixture')).toEqual(['test_rejects_empty']);
  });

  it('reads a backticked or quoted JS test title', () => {
    expect(testNamesIn('`slugify drops punctuation`')).toEqual(['slugify drops punctuation']);
    expect(testNamesIn('"rejects an empty title"')).toEqual(['rejects an empty title']);
  });

  it('yields nothing for a plain description, a path, a command or a wildcard', () => {
    expect(testNamesIn('Express Lane row visible in table with correct columns')).toEqual([]);
    expect(testNamesIn('`sim/router_test.go`')).toEqual([]);
    expect(testNamesIn('`go test ./sim/...`')).toEqual([]);
    expect(testNamesIn('`TestRouter_*`')).toEqual([]);
  });
});

describe('taskNumbersIn', () => {
  it('reads task numbers, not step numbers', () => {
    expect(taskNumbersIn('Task 3')).toEqual([3]);
    expect(taskNumbersIn('Tasks 2, 4')).toEqual([2, 4]);
    expect(taskNumbersIn('Task 2 (Step 1)')).toEqual([2]);
    expect(taskNumbersIn('5')).toEqual([5]);
    expect(taskNumbersIn('—')).toEqual([]);
  });
});

describe('testNamesIn on real test-strategy cells', () => {
  it('ignores a table-driven case quoted next to the test that holds it', () => {
    expect(testNamesIn('`TestPolicyBundle_Validate_InvalidPolicy` (table row `"bad preemption"`)')).toEqual(['TestPolicyBundle_Validate_InvalidPolicy']);
  });

  it('ignores commands and code in backticks', () => {
    expect(testNamesIn('Verified by `grep -c` in Task 1 Step 4')).toEqual([]);
    expect(testNamesIn('`r1.Model == ""` holds')).toEqual([]);
  });

  it('does not look for tests the row says are removed', () => {
    expect(testNamesIn('Removal of `TestValidateMinTokensMean` + `TestClampRequestsToMinTokens` (dead code gone)')).toEqual([]);
  });
});

describe('testNamesIn and code in descriptions', () => {
  it('takes backticked code inside a description for code, not for a test title', () => {
    expect(testNamesIn('Manual test: `blis replay` shows verdict section')).toEqual([]);
    expect(testNamesIn('`NewBatchFormation(latencyModel)` compiles')).toEqual([]);
    expect(testNamesIn('`logrus.Fatalf`')).toEqual([]);
  });

  it('takes a cell made only of titles for test titles', () => {
    expect(testNamesIn('`drops punctuation`, `keeps digits`')).toEqual(['drops punctuation', 'keeps digits']);
  });
});
