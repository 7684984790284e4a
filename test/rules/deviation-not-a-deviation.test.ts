import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { at, fullHead, section } from './fixtures-trace.js';

const plan = (...rows: string[]): string =>
  fullHead + section('### C) Component Interaction', 'x') + section('### D) Deviation Log', '| Source Says | Micro Plan Does | Reason |', '|---|---|---|', ...rows);

describe('deviation-not-a-deviation', () => {
  it('accepts rows that are deviations', async () => {
    expect(await lintRule('deviation-not-a-deviation', plan('| A | B | CLARIFICATION: c |'))).toEqual([]);
  });

  it('flags a "No deviation" row, at its reason', async () => {
    const text = plan('| Add field X | Adds field X | No deviation |', '| A | B | MATCH |');
    const ds = await lintRule('deviation-not-a-deviation', text);
    expect(ds).toHaveLength(2);
    expect(ds[0]!.message).toBe('Deviation row "Add field X" is not a deviation (reason "No deviation"): remove the row.');
    expect(ds[0]!.span.start).toEqual(at(text, 'No deviation'));
  });
});
