import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../src/write/draft/extract.js';
import { BAD_ANSWER, BAD_PLAN } from './draft-plans.js';

const PLAN = ['# Fix X Implementation Plan', '', '**Goal:** g', '', '```go', 'func A() {}', '```', ''].join('\n');

describe('extractPlan', () => {
  it('returns a bare plan unchanged', () => {
    expect(extractPlan(PLAN)).toBe(PLAN);
  });

  it('drops a preamble before the "# … Implementation Plan" title', () => {
    expect(extractPlan(`Sure! Here is the plan.\n\n${PLAN}`)).toBe(PLAN);
  });

  it('unwraps a ```markdown fence whose plan contains ``` code fences of its own', () => {
    expect(extractPlan(`Here you go:\n\n\`\`\`markdown\n${PLAN}\`\`\`\n\nAnything else?`)).toBe(PLAN);
  });

  it('unwraps an unlabelled fence that starts with a level-1 heading, and a ~~~ fence', () => {
    expect(extractPlan(`\`\`\`\n${PLAN}\`\`\`\n`)).toBe(PLAN);
    expect(extractPlan(`~~~md\n${PLAN}~~~\n`)).toBe(PLAN);
  });

  it('keeps everything of a cut-off answer whose wrapping fence never closes', () => {
    expect(extractPlan('```markdown\n# Fix X Implementation Plan\n\n**Goal:** g')).toBe('# Fix X Implementation Plan\n\n**Goal:** g\n');
  });

  it('does not take a code fence inside the plan for a wrapper', () => {
    expect(extractPlan(PLAN + '\n```markdown\n# Example\n```\n')).toBe(PLAN + '\n```markdown\n# Example\n```\n');
  });

  it('starts at the first level-1 heading when no title says "Implementation Plan"', () => {
    expect(extractPlan(BAD_ANSWER)).toBe(BAD_PLAN);
  });

  it('normalizes CRLF line endings', () => {
    expect(extractPlan(PLAN.replace(/\n/g, '\r\n'))).toBe(PLAN);
  });
});
