/**
 * Examples in the project's own language for the instructions rules give the writing agent, so
 * a TypeScript project is not shown `exact/path.go` or `x.(*T)`. An unknown language gets
 * examples that name no language at all.
 */
import type { Config } from '../config/types.js';

export interface LanguageExamples {
  /** A source file path, a test file path. */
  file: string;
  testFile: string;
  /** Asserting a concrete type in a test, in this language. */
  typeAssertion: string;
  /** A concrete type name as a contract would leak it. */
  typeName: string;
  /** Counting an internal collection. */
  internalCount: string;
  /** A function name as cited next to a `path:line`. */
  symbol: string;
}

const GO: LanguageExamples = {
  file: 'exact/path.go',
  testFile: 'exact/path_test.go',
  typeAssertion: 'x.(*T)',
  typeName: '*ConstantPriority',
  internalCount: 'len(obj.items)',
  symbol: 'NewFoo',
};

const TYPESCRIPT: LanguageExamples = {
  file: 'src/exact/path.ts',
  testFile: 'test/exact/path.test.ts',
  typeAssertion: 'expect(x).toBeInstanceOf(ConstantPriority)',
  typeName: 'ConstantPriority instance',
  internalCount: 'obj.items.length',
  symbol: 'createFoo',
};

const PYTHON: LanguageExamples = {
  file: 'exact/path.py',
  testFile: 'tests/test_path.py',
  typeAssertion: 'isinstance(x, ConstantPriority)',
  typeName: 'ConstantPriority instance',
  internalCount: 'len(obj._items)',
  symbol: 'make_foo',
};

/** By config's `language`, lower-cased, with the spellings test-name-pattern reads too. */
const EXAMPLES: Record<string, LanguageExamples> = {
  go: GO,
  golang: GO,
  typescript: TYPESCRIPT,
  javascript: { ...TYPESCRIPT, file: 'src/exact/path.js', testFile: 'test/exact/path.test.js' },
  python: PYTHON,
  py: PYTHON,
  rust: {
    file: 'src/exact/path.rs',
    testFile: 'tests/path.rs',
    typeAssertion: 'matches!(x, Priority::Constant(_))',
    typeName: 'Priority::Constant',
    internalCount: 'obj.items.len()',
    symbol: 'new_foo',
  },
};

const NEUTRAL: LanguageExamples = {
  file: 'exact/path/to/file',
  testFile: 'exact/path/to/test_file',
  typeAssertion: 'a check that x is of concrete type T',
  typeName: 'ConstantPriority object',
  internalCount: 'the size of obj.items',
  symbol: 'newFoo',
};

export function languageExamples(config: Pick<Config, 'language'>): LanguageExamples {
  return EXAMPLES[config.language?.toLowerCase() ?? ''] ?? NEUTRAL;
}
