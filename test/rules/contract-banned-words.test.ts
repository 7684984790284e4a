import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../helpers.js';

const head = ['# X Implementation Plan', '', '**Goal:** Do it.', '', '## Behavioral Contracts', ''];

describe('contract-banned-words', () => {
  it('accepts MUST / MUST NOT wording and "should" inside code spans', async () => {
    const text = md(...head, 'BC-1: Thing', '- GIVEN a', '- WHEN b', '- THEN it MUST log `"should not happen"`');
    expect(await lintRule('contract-banned-words', text)).toEqual([]);
  });

  it('flags "should" in a clause, at the word', async () => {
    const ds = await lintRule('contract-banned-words', md(...head, 'BC-1: Thing', '- GIVEN a', '- WHEN b', '- THEN the request Should be rejected'));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe('Contract BC-1 says "Should": state the guarantee with MUST or MUST NOT instead.');
    expect(ds[0]!.span).toEqual({ start: { line: 10, column: 20 }, end: { line: 10, column: 26 } });
  });

  it('flags banned words from config in the contract name', async () => {
    const ds = await lintRule('contract-banned-words', md(...head, 'BC-1: Ideally rejects input', '- GIVEN a', '- WHEN b', '- THEN c'), { config: { bannedWords: ['should', 'ideally'] } });
    expect(ds.map((d) => d.span.start)).toEqual([{ line: 7, column: 7 }]);
  });

  it('does not match inside longer words', async () => {
    const text = md(...head, 'BC-1: Thing', '- GIVEN a shoulder', '- WHEN b', '- THEN c');
    expect(await lintRule('contract-banned-words', text)).toEqual([]);
  });
});
