import { describe, expect, it } from 'vitest';
import { classifyHeading } from '../../src/plan/sections.js';

describe('classifyHeading', () => {
  it('reads "K.1: `docs/rules.md`" as a subsection, not a second section K', () => {
    expect(classifyHeading('K.1: `docs/standards/rules.md`')).toEqual({ type: 'other' });
  });

  it('still reads "K. Detailed specifications" and "B) Behavioral Contracts" as lettered sections', () => {
    expect(classifyHeading('K. Detailed specifications')).toEqual({ type: 'lettered', letter: 'K' });
    expect(classifyHeading('B) Behavioral Contracts')).toEqual({ type: 'lettered', letter: 'B' });
  });
});
