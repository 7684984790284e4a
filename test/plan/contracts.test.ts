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
