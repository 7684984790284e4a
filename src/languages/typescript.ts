/** TypeScript. */
import { mayDeclareTests, snippetTests } from './ecmascript.js';
import type { Language } from './types.js';

export const typescript: Language = {
  id: 'typescript',
  aliases: [],
  snippets: {
    fenceTags: ['ts', 'typescript', 'tsx', 'mts', 'cts'],
    // A bare fence of test code: `describe('…'`, `it("…"`.
    sniff: /^\s*(?:describe|it|test)\s*\(\s*['"`]/m,
    grammar: 'TypeScript',
    tests: snippetTests,
    mayDeclareTests,
  },
};
