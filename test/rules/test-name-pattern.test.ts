import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../helpers.js';

const head = ['# X Implementation Plan', '', '**Goal:** Do it.', '', '## Behavioral Contracts', '', 'BC-1: Thing', '- GIVEN a', '- WHEN b', '- THEN c', '', '## Tasks', '', '### Task 1: Thing (BC-1)', '', '**Test:**', ''];
const goTest = (name: string): string[] => ['```go', `func ${name}(t *testing.T) {`, '\tassert.True(t, true)', '}', '```', ''];

describe('test-name-pattern', () => {
  it('accepts TestType_Scenario_Behavior names, helpers and TestMain', async () => {
    const text = md(...head, ...goTest('TestRouter_EmptySnapshot_ReturnsError'), ...goTest('TestMain'), '```go', 'func newFixture(t *testing.T) *Fixture { return nil }', '```');
    expect(await lintRule('test-name-pattern', text)).toEqual([]);
  });

  it('flags a Go test name that does not match, at the name', async () => {
    const ds = await lintRule('test-name-pattern', md(...head, ...goTest('TestRouterWorks')));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe(
      'Test name "TestRouterWorks" does not match the project\'s test-name pattern: rename it like TestType_Scenario_Behavior (unit, scenario, expected behavior).',
    );
    expect(ds[0]!.span).toEqual({ start: { line: head.length + 2, column: 6 }, end: { line: head.length + 2, column: 21 } });
  });

  it('finds a Go test that follows a syntax error in the snippet (a stray closing brace)', async () => {
    const text = md(...head, '```go', 'func TestRouterWorks(t *testing.T) {', '\tassert.True(t, true)', '}}', '', 'func TestRouterFails(t *testing.T) {', '}', '```');
    const ds = await lintRule('test-name-pattern', text);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('"TestRouterWorks"'), expect.stringContaining('"TestRouterFails"')]);
  });

  it('finds the tests of a whole Go test file, signatures over several lines included, at their names', async () => {
    const file = [
      'package router',
      '',
      'import "testing"',
      '',
      'var cases = []struct{ in int }{{1}, {2}}',
      '',
      '// TestRouterWorks routes every case.',
      'func TestRouterWorks(',
      '\tt *testing.T,',
      ') {',
      '\tfor _, c := range cases {',
      '\t\tif route(c.in) != c.in {',
      '\t\t\tt.Errorf("bad")',
      '\t\t}',
      '\t}',
      '}',
      '',
      'func helperFor(t *testing.T) {}',
      '',
      'func TestRouter_Empty_Errors(t *testing.T) { t.Errorf("x") }',
    ];
    const ds = await lintRule('test-name-pattern', md(...head, '```go', ...file, '```'));
    expect(ds.map((d) => [d.message.match(/"(\w+)"/)?.[1], d.span.start])).toEqual([['TestRouterWorks', { line: head.length + 9, column: 6 }]]);
  });

  it('reports a test repeated in the appendix once', async () => {
    const ds = await lintRule('test-name-pattern', md(...head, ...goTest('TestRouterWorks'), '## Appendix', '', ...goTest('TestRouterWorks')));
    expect(ds).toHaveLength(1);
  });

  it('flags test identifiers named only in the test-strategy table', async () => {
    const text = md(
      ...head,
      '### H) Test Strategy',
      '',
      '| Contract | Task | Type | Test Name |',
      '|---|---|---|---|',
      '| BC-1 | Task 1 | Unit | `TestRouter_Empty_Errors`, `TestRouterOK` |',
    );
    const ds = await lintRule('test-name-pattern', text);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('"TestRouterOK"')]);
    const row = text.split('\n').findIndex((l) => l.includes('TestRouterOK')) + 1;
    const colAt = text.split('\n')[row - 1]!.indexOf('TestRouterOK') + 1;
    expect(ds[0]!.span).toEqual({ start: { line: row, column: colAt }, end: { line: row, column: colAt + 12 } });
  });

  it('uses the pattern and example from config', async () => {
    const config = { testNamePattern: '^Test[A-Z][A-Za-z0-9]*$', testNameExample: 'TestThing' };
    expect(await lintRule('test-name-pattern', md(...head, ...goTest('TestRouterWorks')), { config })).toEqual([]);
    const ds = await lintRule('test-name-pattern', md(...head, ...goTest('TestRouter_Works')), { config });
    expect(ds[0]!.message).toContain('rename it like TestThing');
  });
});
