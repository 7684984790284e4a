import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { at, fullHead, section } from './fixtures-trace.js';

const plan = (...i: string[]): string => fullHead + section('### C) Component Interaction', 'x') + section('### I) Risk Analysis', ...i);
const header = ['| Risk | Likelihood | Impact | Mitigation | Task |', '|---|---|---|---|---|'];

describe('risk-fields', () => {
  it('accepts risks with levels (qualified or "Med") and a mitigation', async () => {
    expect(await lintRule('risk-fields', plan(...header, '| Overflow | Low | High (panic) | Guard test | Task 1 |', '| Drift | Med | Very low | Sort keys | Task 1 |'))).toEqual([]);
  });

  it('flags a risk with no likelihood or impact columns, at the row', async () => {
    const text = plan('| Risk | Mitigation |', '|---|---|', '| Overflow | Modulo wrap |');
    const ds = await lintRule('risk-fields', text);
    expect(ds.map((d) => d.message)).toEqual([
      'Risk "Overflow" has no likelihood, impact: add a likelihood (Low/Medium/High), an impact (Low/Medium/High).',
    ]);
    expect(ds[0]!.span.start.line).toBe(at(text, '| Overflow').line);
  });

  it('flags a level outside low/medium/high, at the cell', async () => {
    const text = plan(...header, '| Cycle | High | Blocker | Move type | Task 1 |');
    const ds = await lintRule('risk-fields', text);
    expect(ds.map((d) => d.message)).toEqual(['Risk "Cycle" has impact "Blocker": use Low, Medium or High.']);
    expect(ds[0]!.span.start).toEqual(at(text, 'Blocker'));
  });

  it('flags a risk section with no risks, at its heading', async () => {
    const text = plan('Nothing risky.');
    const ds = await lintRule('risk-fields', text);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('Section I lists no risks')]);
  });
});
