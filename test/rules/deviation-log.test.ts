import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { at, fullHead, section } from './fixtures-trace.js';

const plan = (...d: string[]): string => fullHead + section('### C) Component Interaction', 'x') + section('### D) Deviation Log', ...d);

describe('deviation-log', () => {
  it('accepts the three-column table', async () => {
    expect(await lintRule('deviation-log', plan('| Source Says | Micro Plan Does | Reason |', '|---|---|---|', '| A | B | CORRECTION: c |'))).toEqual([]);
  });

  it('accepts the explicit no-deviations sentence', async () => {
    expect(await lintRule('deviation-log', plan('No deviations from source document.'))).toEqual([]);
  });

  it('flags a deviation log written as prose, at the section heading', async () => {
    const text = plan('1. **SIMPLIFICATION:** bypass the factory.');
    const ds = await lintRule('deviation-log', text);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('has no "| Source Says | Micro Plan Does | Reason |" table');
    expect(ds[0]!.span.start).toEqual(at(text, '### D)'));
  });

  it('flags a log that says "No deviations" and also lists some', async () => {
    const text = plan('No deviations from issue #1.', '', '| Source Says | Micro Plan Does | Reason |', '|---|---|---|', '| A | B | ADDITION: c |');
    const ds = await lintRule('deviation-log', text);
    expect(ds.map((d) => d.message)).toEqual(['The deviation log says "No deviations" but its table lists 1: remove the sentence or the table.']);
  });

  it('flags a table without a Reason column', async () => {
    const ds = await lintRule('deviation-log', plan('| Source Says | Micro Plan Does |', '|---|---|', '| A | B |'));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('lacks the "Reason" column')]);
  });
});
