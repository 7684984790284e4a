import { describe, expect, it } from 'vitest';
import { classifyHeading } from '../../src/plan/sections.js';
import { parsePlan } from '../../src/plan/parse.js';

describe('classifyHeading', () => {
  it('reads "K.1: `docs/rules.md`" as a subsection, not a second section K', () => {
    expect(classifyHeading('K.1: `docs/standards/rules.md`')).toEqual({ type: 'other' });
  });

  it('still reads "K. Detailed specifications" and "B) Behavioral Contracts" as lettered sections', () => {
    expect(classifyHeading('K. Detailed specifications')).toEqual({ type: 'lettered', letter: 'K' });
    expect(classifyHeading('B) Behavioral Contracts')).toEqual({ type: 'lettered', letter: 'B' });
  });
});

describe('section identity: the title first, the letter second', () => {
  const headings = (...hs: string[]): string => hs.map((h) => `${h}\n\nText.\n`).join('\n');
  const kinds = (text: string) => parsePlan(text).sections.map((s) => [s.heading.text, s.kind.type === 'lettered' ? s.kind.letter : s.kind.type]);

  it('reads a plan that letters its own subsections by their titles ("A. Behavioral Contracts" is B)', () => {
    expect(classifyHeading('A. Behavioral Contracts')).toMatchObject({ type: 'lettered', letter: 'B' });
    expect(classifyHeading('J) File-Level Details')).toMatchObject({ type: 'lettered', letter: 'K' });
    expect(classifyHeading('C) Expanded Contracts')).toMatchObject({ type: 'lettered', letter: 'B' });
    expect(classifyHeading('F) Test Matrix')).toMatchObject({ type: 'lettered', letter: 'H' });
    expect(classifyHeading('J. Antipattern Prevention')).toMatchObject({ type: 'lettered', letter: 'J' });
  });

  it('reads "Part 3J — Sanity Checklist" as the checklist', () => {
    expect(classifyHeading('Part 3J — Sanity Checklist')).toMatchObject({ type: 'lettered', letter: 'J' });
  });

  it('keeps a letter whose title names no section only while no title claims that letter', () => {
    expect(kinds(headings('### A) Executive Summary', '### J) Design Checks', '### K) Reviewer Notes'))).toEqual([
      ['A) Executive Summary', 'A'],
      ['J) Design Checks', 'J'],
      ['K) Reviewer Notes', 'K'],
    ]);
    expect(kinds(headings('### I) Verification Protocol', '### I) Risk Analysis'))).toEqual([
      ['I) Verification Protocol', 'other'],
      ['I) Risk Analysis', 'I'],
    ]);
  });

  it('gives no meaning to bare letters in a document that letters its own sections', () => {
    // "D. Risks and Mitigations" shows this document's letters are its own: "E. Direct Port …" is not a Review Guide.
    const text = headings('### A. Executive Summary', '### B. Behavioral Contracts', '### D. Risks and Mitigations', '### E. Direct Port from inference-perf');
    expect(kinds(text)).toEqual([
      ['A. Executive Summary', 'A'],
      ['B. Behavioral Contracts', 'B'],
      ['D. Risks and Mitigations', 'I'],
      ['E. Direct Port from inference-perf', 'other'],
    ]);
  });
});
