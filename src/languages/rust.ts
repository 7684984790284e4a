/** Rust: named in config and shown in examples; microplan does not parse it. */
import type { Language } from './types.js';

export const rust: Language = {
  id: 'rust',
  aliases: [],
  tests: { naming: { pattern: '^[a-z0-9]+_[a-z0-9_]+$', example: 'component_scenario_behavior' } },
  examples: {
    file: 'src/exact/path.rs',
    testFile: 'tests/path.rs',
    typeAssertion: 'matches!(x, Priority::Constant(_))',
    typeName: 'Priority::Constant',
    internalCount: 'obj.items.len()',
    symbol: 'new_foo',
  },
};
