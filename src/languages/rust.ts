/** Rust: named in config and shown in examples; microplan does not parse it. */
import type { Language } from './types.js';

export const rust: Language = {
  id: 'rust',
  aliases: [],
  tests: {},
  examples: {
    file: 'src/exact/path.rs',
    testFile: 'tests/path.rs',
    typeAssertion: 'matches!(x, Priority::Constant(_))',
    typeName: 'Priority::Constant',
    internalCount: 'obj.items.len()',
    symbol: 'new_foo',
  },
};
