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
    expect(ds[0]!.message).toBe('Contract BC-1 says "Should": state the guarantee with MUST or MUST NOT, or, where it is a remark and not a guarantee, state it as a fact.');
    expect(ds[0]!.span).toEqual({ start: { line: 10, column: 20 }, end: { line: 10, column: 26 } });
  });

  it('accepts what the contract says a user should do: it is the content promised, not its modal', async () => {
    const plan = md(...head, 'BC-1: Guidance', '- GIVEN a reader of the guide', '- WHEN delay is high', '- THEN the page says the user should enable `--flow-control`');
    expect(await lintRule('contract-banned-words', plan)).toEqual([]);
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
