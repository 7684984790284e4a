/** Construction-site audits in Phase 0, as the plan model reads them (construction-sites-complete checks them against the code). */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse.js';

function phase0(...body: string[]): string {
  return ['# Widget Implementation Plan', '', '## Phase 0: Component Context', '', ...body, '', '## Part 1: Design Validation', '', 'Text.', ''].join('\n');
}

function audits(markdown: string): Array<[string, string[], boolean]> {
  return parsePlan(markdown, 'plan.md').audits.map((a) => [a.typeName, a.listed.map((c) => `${c.path}:${c.startLine}`), a.saysNone]);
}

describe('construction-site audits', () => {
  it('reads the table `microplan sites` prints, pasted under its summary line', () => {
    const pasted = phase0(
      '**Construction sites of `Pair`:** 2 sites in 1 file (2 composite-literal).',
      '',
      '| # | Site | Kind | Enclosing |',
      '|---|------|------|-----------|',
      '| 1 | `server/literals.go:21` | composite-literal | `literals` |',
      '| 2 | `server/literals.go:22` | composite-literal | `literals` |',
    );
    expect(audits(pasted)).toEqual([['Pair', ['server/literals.go:21', 'server/literals.go:22'], false]]);
  });

  it('reads the list an audit leads, nested items and continuation lines included, up to the next paragraph', () => {
    const plan = phase0(
      'Construction sites of `tar.Header`:',
      '- `archive/tar/reader.go:10` (next)',
      '  - and `archive/tar/reader.go:20`',
      '- `archive/tar/writer.go:5`,',
      '  continued',
      '',
      'Other prose citing `archive/tar/common.go:1`.',
    );
    expect(audits(plan)).toEqual([['tar.Header', ['archive/tar/reader.go:10', 'archive/tar/reader.go:20', 'archive/tar/writer.go:5'], false]]);
  });

  it('reads an audit that is itself a list item, with the items it leads', () => {
    const plan = phase0('1. **Construction site audit for', '   `RequestMetrics{}`:**', '   - `sim/metrics.go:34`', '2. Next item citing `sim/other.go:3`');
    expect(audits(plan)[0]).toEqual(['RequestMetrics', ['sim/metrics.go:34', 'sim/other.go:3'], false]);
  });

  it('takes the type, not a field, a file or a path, from the lead', () => {
    const plan = phase0(
      '- `Request.Streaming` removal touches 2 construction sites in `sim/workload/generator.go` of `sim.Request`.',
      '',
      'Construction sites of `config.go` and `newConn`: none.',
    );
    expect(audits(plan)).toEqual([
      ['sim.Request', [], false],
      ['newConn', [], true],
    ]);
  });

  it('knows a plan that says there are none', () => {
    expect(audits(phase0('Construction sites: `SimResult` is a new type, with no existing construction sites.'))).toEqual([['SimResult', [], true]]);
  });

  it('does not take a checklist item, a table row or a code block for an audit', () => {
    const plan = phase0(
      '- [x] Construction site audit: `Config` has 1 site',
      '',
      '| Risk | Note |',
      '|------|------|',
      '| Drift | `Config` construction sites audited |',
      '',
      '```go',
      '// construction sites of `Config`',
      '```',
    );
    expect(audits(plan)).toEqual([]);
  });
});
