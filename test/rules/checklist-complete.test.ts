import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../src/config/presets.js';
import { lintRule, md } from '../helpers.js';
import { at, fullHead } from './fixtures-trace.js';

const config = {
  planSpecificChecks: [
    { id: undefined, text: 'No unnecessary abstractions.' },
    { id: undefined, text: 'Shared test helpers used from existing shared test package (not duplicated locally).' },
  ],
  antipatterns: [
    { id: 'R1', text: 'No silent continue/return dropping data' },
    { id: 'R2', text: 'Map keys sorted before float accumulation or ordered output' },
  ],
};
const plan = (...items: string[]): string => fullHead + md('## Part 3: Quality Assurance', '', '### J) Sanity Checklist', '', ...items);

describe('checklist-complete', () => {
  it('accepts every item, paraphrased plan-specific checks and antipatterns by id', async () => {
    const text = plan('- [x] No unnecessary abstractions — one function', '- [x] Shared test helpers: captureLog is local', '- [x] R1: none', '- [ ] R2: n/a');
    expect(await lintRule('checklist-complete', text, { config })).toEqual([]);
  });

  it('lists the missing items in one finding per kind, at the section heading', async () => {
    const text = plan('- [x] No unnecessary abstractions', '- [x] R1: No silent continue');
    const ds = await lintRule('checklist-complete', text, { config });
    expect(ds.map((d) => d.message)).toEqual([
      'Sanity checklist is missing 1 plan-specific check: add "- [ ]" items for "Shared test helpers used from existing shared tes…".',
      'Sanity checklist is missing antipattern rule R2: add a "- [ ] R2: Map keys sorted before float accumulation or orde…" item for each.',
    ]);
    expect(ds[0]!.span.start).toEqual(at(text, '### J)'));
  });

  it('matches a configured id literally, even when it holds pattern characters', async () => {
    const odd = { planSpecificChecks: [], antipatterns: [{ id: 'AP(1)', text: 'No silent drops' }, { id: 'R.2', text: 'Sorted keys' }] };
    // "AP1" and "Rx2" are what the ids would match read as regular expressions.
    const ds = await lintRule('checklist-complete', plan('- [x] AP1: none', '- [x] Rx2: none'), { config: odd });
    expect(ds.map((d) => d.message)).toEqual([
      'Sanity checklist is missing antipattern rules AP(1), R.2: add a "- [ ] AP(1): No silent drops" item for each.',
    ]);
    expect(await lintRule('checklist-complete', plan('- [x] AP(1): none', '- [x] R.2: none'), { config: odd })).toEqual([]);
  });

  it('uses the configured lists (the inference-sim preset: 18 checks and R1–R23)', async () => {
    const ds = await lintRule('checklist-complete', plan('- [x] R1: ok'), { config: { antipatterns: presetConfig('inference-sim').antipatterns } });
    expect(ds[1]!.message).toContain('R2, R3');
    expect(ds[1]!.message).not.toContain('R1,');
  });
});
