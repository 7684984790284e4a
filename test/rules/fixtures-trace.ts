/** Shared plan fragments for the traceability / deviations / risks / checklist / compact rule tests. */
import { md } from '../helpers.js';

export const fullHead = md(
  '# Thing Implementation Plan',
  '',
  '**Goal:** Do a thing.',
  '',
  '## Part 1: Design Validation',
  '',
  '### A) Executive Summary',
  '',
  'Summary.',
  '',
  '### B) Behavioral Contracts',
  '',
  'BC-1: First',
  '- GIVEN a',
  '- WHEN b',
  '- THEN c',
  '',
  'BC-2: Second',
  '- GIVEN a',
  '- WHEN b',
  '- THEN c',
  '',
);

export function task(n: number, contracts: string): string {
  return md(`### Task ${n}: Work`, '', `**Contracts Implemented:** ${contracts}`, '', '**Files:**', `- Modify: \`sim/f${n}.go\``, '');
}

export function section(heading: string, ...lines: string[]): string {
  return md(heading, '', ...lines, '');
}

/** 1-based line and column of the first occurrence of `needle` at or after line `fromLine`. */
export function at(text: string, needle: string, fromLine = 1): { line: number; column: number } {
  const lines = text.split('\n');
  for (let i = fromLine - 1; i < lines.length; i++) {
    const c = lines[i]!.indexOf(needle);
    if (c >= 0) return { line: i + 1, column: c + 1 };
  }
  throw new Error(`"${needle}" not in fixture`);
}
