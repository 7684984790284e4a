import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { at, fullHead, section } from './fixtures-trace.js';

const plan = (...rows: string[]): string =>
  fullHead + section('### C) Component Interaction', 'x') + section('### D) Deviation Log', '| Source Says | Micro Plan Does | Reason |', '|---|---|---|', ...rows);

describe('deviation-category', () => {
  it('accepts reasons that start with a category, with a colon or a dash', async () => {
    expect(await lintRule('deviation-category', plan('| A | B | CORRECTION: wrong file |', '| C | D | DEFERRAL — later PR |', '| E | F | REORDER + SCOPE_CHANGE |'))).toEqual([]);
  });

  it('flags a reason with no category, at the reason cell', async () => {
    const text = plan('| A | B | Extraction is too invasive |');
    const ds = await lintRule('deviation-category', text);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe(
      'Deviation reason "Extraction is too invasive" names no category: start it with one of CLARIFICATION, SIMPLIFICATION, CORRECTION, DEFERRAL, ADDITION, SCOPE_CHANGE and a colon.',
    );
    expect(ds[0]!.span.start).toEqual(at(text, 'Extraction'));
  });
});
