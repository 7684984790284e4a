import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse.js';
import { md } from '../helpers.js';

describe('parseDeviations', () => {
  it('reads a table whose source column names the source ("Macro Plan Says")', () => {
    const plan = parsePlan(
      md('### D) Deviation Log', '', '| Macro Plan Says | Micro Plan Does | Reason |', '|---|---|---|', '| A | B | SIMPLIFICATION: smaller |'),
    );
    expect(plan.deviations.rows).toHaveLength(1);
    expect(plan.deviations.rows[0]!.reason.text).toBe('SIMPLIFICATION: smaller');
  });

  it('prefers a section named "Deviation Log" over a wrongly lettered D', () => {
    const plan = parsePlan(
      md(
        '### D. Risks and Mitigations',
        '',
        '| Risk | Mitigation |',
        '|---|---|',
        '| Memory | Cap it |',
        '',
        '## Deviation Log',
        '',
        'No deviations from source document.',
      ),
    );
    expect(plan.deviations.noDeviations?.text).toBe('No deviations from source document.');
    expect(plan.risks.rows.map((r) => r.description.text)).toEqual(['Memory']);
  });
});

describe('parseRisks', () => {
  it('reads a "| Risk | Mitigation |" table with no likelihood column', () => {
    const plan = parsePlan(md('### I) Risk Analysis', '', '| Risk | Mitigation |', '|---|---|', '| Overflow | Modulo wrap |'));
    expect(plan.risks.rows).toHaveLength(1);
    expect(plan.risks.rows[0]!.likelihood).toBeUndefined();
    expect(plan.risks.rows[0]!.mitigation?.text).toBe('Modulo wrap');
  });

  it('reads risks written as blocks of "- Likelihood: …" lines', () => {
    const plan = parsePlan(
      md(
        '### I) Risk Analysis',
        '',
        '**Risk 1: Chunk assignment bias**',
        '- Description: All chunks land in one period',
        '- Likelihood: Low (seeded RNG)',
        '- Impact: High',
        '- Mitigation: TestGrouping verifies spread',
        '- Task: Task 4',
        '',
        '**Risk 2: Overflow**',
        '- Likelihood: Medium',
        '- Impact: Low',
        '- Mitigation: guard',
        '- Task: Task 1',
      ),
    );
    const risks = plan.risks.rows;
    expect(risks).toHaveLength(2);
    expect(risks[0]!.description.text).toBe('All chunks land in one period');
    expect(risks[0]!.likelihood?.text).toBe('Low (seeded RNG)');
    expect(risks[0]!.task?.text).toBe('Task 4');
    expect(risks[0]!.likelihood?.span.start).toEqual({ line: 5, column: 15 });
    expect(risks[1]!.description.text).toBe('**Risk 2: Overflow**');
    expect(risks[1]!.impact?.text).toBe('Low');
  });
});

describe('partSection', () => {
  it('finds the checklist under "Part 3: Sanity Checklist" when J is named otherwise', () => {
    const plan = parsePlan(md('## Part 3: Sanity Checklist', '', '### J. Antipattern Prevention', '', '- [x] R1: No silent continue', '- [ ] R2: Sorted keys'));
    expect(plan.checklist.map((c) => c.text.text)).toEqual(['R1: No silent continue', 'R2: Sorted keys']);
  });
});
