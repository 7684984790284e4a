import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../helpers.js';
import { at, fullHead } from './fixtures-trace.js';

const plan = (...items: string[]): string => fullHead + md('### J) Sanity Checklist', '', ...items);

describe('checklist-checkboxes', () => {
  it('accepts checkbox items with nested explanation bullets', async () => {
    expect(await lintRule('checklist-checkboxes', plan('- [x] R1: ok', '  - because nothing drops', '- [ ] R2: n/a'))).toEqual([]);
  });

  it('flags a plain bullet among checkboxes, at its line', async () => {
    const text = plan('- [x] R1: ok', '- R2: keys sorted');
    const ds = await lintRule('checklist-checkboxes', text);
    expect(ds.map((d) => d.message)).toEqual(['Sanity-checklist item is a plain bullet: write it as "- [ ] <item>".']);
    expect(ds[0]!.span.start).toEqual(at(text, '- R2'));
  });

  it('reports a checklist written entirely as bullets once, at the heading', async () => {
    const text = plan('- R1: ok', '- R2: ok', '- R3: ok', '- R4: ok');
    const ds = await lintRule('checklist-checkboxes', text);
    expect(ds.map((d) => d.message)).toEqual(['None of the 4 sanity-checklist items is a checkbox: write each as "- [ ] <item>".']);
    expect(ds[0]!.span.start).toEqual(at(text, '### J)'));
  });
});
