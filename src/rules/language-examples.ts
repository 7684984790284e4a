/**
 * Examples in the project's own language for the instructions rules give the writing agent (each
 * language module has its own), so a TypeScript project is not shown `exact/path.go` or `x.(*T)`.
 * An unknown language gets examples that name no language at all.
 */
import type { Config } from '../config/types.js';
import { languageNamed, type LanguageExamples } from '../languages/index.js';

export type { LanguageExamples } from '../languages/index.js';

const NEUTRAL: LanguageExamples = {
  file: 'exact/path/to/file',
  testFile: 'exact/path/to/test_file',
  typeAssertion: 'a check that x is of concrete type T',
  typeName: 'ConstantPriority object',
  internalCount: 'the size of obj.items',
  symbol: 'newFoo',
};

export function languageExamples(config: Pick<Config, 'language'>): LanguageExamples {
  return languageNamed(config.language)?.examples ?? NEUTRAL;
}
