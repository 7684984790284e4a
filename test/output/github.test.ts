import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/output/github.js';
import { span } from '../../src/plan/source.js';
import { sampleReport } from './fixtures.js';

describe('github formatter', () => {
  it('prints one ::error or ::warning workflow command per diagnostic, with the full span', () => {
    expect(formatGithub(sampleReport(), { cwd: process.cwd() }).split('\n')).toEqual([
      '::error file=docs/plans/cache-plan.md,line=1,col=3,endLine=1,endColumn=8,title=title-format::Title "Cache" must end with "Implementation Plan".',
      '::warning file=docs/plans/cache-plan.md,line=12,col=1,endLine=142,endColumn=1,title=some-budget::Part 1 has 130 lines, over 120: move detail to the appendix.',
      '',
    ]);
  });

  it('escapes %, CR and LF in messages', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
  });

  it('escapes : and , as well in properties', () => {
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('makes an absolute path relative to the working directory', () => {
    const report = sampleReport();
    report.files = [{ ...report.files[0]!, path: `${process.cwd()}/plans/x,y.md`, diagnostics: [{ ruleId: 'r', severity: 'error', message: 'm', span: span(1, 1, 1, 2) }] }];
    expect(formatGithub(report, { cwd: process.cwd() })).toBe('::error file=plans/x%2Cy.md,line=1,col=1,endLine=1,endColumn=2,title=r::m\n');
  });

  it('prints nothing when there are no diagnostics', () => {
    const report = sampleReport();
    report.files = [report.files[1]!];
    expect(formatGithub(report, { cwd: process.cwd() })).toBe('');
  });
});
