import { describe, expect, it } from 'vitest';
import { lintRule } from '../helpers.js';
import { fullPlan } from './plan-fixtures.js';

const c = (n: number, extra: string[] = []): string =>
  fullPlan({}, { c: ['### C) Component Interaction', '', ...extra, '```', ...Array.from({ length: n }, (_, i) => `box${i} → box${i + 1}`), '```', ''] });

describe('component-interaction-length', () => {
  it('accepts up to 40 lines', async () => {
    expect(await lintRule('component-interaction-length', c(30))).toEqual([]);
  });

  it('flags 41–60 lines without a justification, at the heading', async () => {
    const plan = c(48);
    const ds = await lintRule('component-interaction-length', plan);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('Section C reads as 50 lines (at 100 characters a line), over the 40-line budget')]);
    expect(plan.split('\n')[ds[0]!.span.start.line - 1]).toBe('### C) Component Interaction');
  });

  it('accepts 41–60 lines when the section states a justification', async () => {
    expect(await lintRule('component-interaction-length', c(48, ['Justification: three interacting types are introduced.', '']))).toEqual([]);
  });

  it('flags more than 60 lines even with a justification', async () => {
    const ds = await lintRule('component-interaction-length', c(70, ['Justification: many types.', '']));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('over even the 60-line limit')]);
  });

  it('does not report a section C one line over its 40-line target', async () => {
    expect(await lintRule('component-interaction-length', c(39))).toEqual([]);
  });
});
