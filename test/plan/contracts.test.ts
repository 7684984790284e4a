import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse.js';
import { md } from '../helpers.js';

describe('contracts parser', () => {
  it('reads GIVEN/WHEN/THEN clauses written inside a ```gherkin block', () => {
    const plan = parsePlan(
      md(
        '# X Implementation Plan',
        '',
        '## Behavioral Contracts',
        '',
        '**BC-1: Normalized Distribution**',
        '```gherkin',
        'GIVEN a sampler with count=3000',
        'WHEN all intervals are generated',
        'THEN exactly 3000 intervals are returned',
        '```',
      ),
    );
    expect(plan.contracts).toHaveLength(1);
    expect(plan.contracts[0]!.clauses.map((c) => c.keyword)).toEqual(['GIVEN', 'WHEN', 'THEN']);
    expect(plan.contracts[0]!.clauses[2]!.textSpan.start).toEqual({ line: 9, column: 6 });
  });
});

describe('contract ids with a series number', () => {
  it('reads "BC-17-1" as one id, not as BC-17', () => {
    const p = parsePlan(['# X Implementation Plan', '', '## Behavioral Contracts', '', 'BC-17-1: First', '- GIVEN a', '- WHEN b', '- THEN c', '', 'BC-17-2: Second', '- GIVEN a', '- WHEN b', '- THEN c', '', 'Covered: BC-17-2.', ''].join('\n'));
    expect(p.contracts.map((c) => [c.id, c.prefix, c.number])).toEqual([['BC-17-1', 'BC-17', 1], ['BC-17-2', 'BC-17', 2]]);
    expect(p.contractRefs.map((r) => r.id)).toEqual(['BC-17-1', 'BC-17-2', 'BC-17-2']);
  });
});
