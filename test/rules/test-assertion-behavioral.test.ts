import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../helpers.js';

const head = ['# X Implementation Plan', '', '**Goal:** Do it.', '', '## Behavioral Contracts', '', 'BC-1: Thing', '- GIVEN a', '- WHEN b', '- THEN c', '', '## Tasks', '', '### Task 1: Thing (BC-1)', '', '**Test:**', ''];
// The first code line of a block that starts right after `head` and its opening fence.
const FIRST = head.length + 2;

const goTest = (...body: string[]): string => md(...head, '```go', 'func TestRouter_Pick_Highest(t *testing.T) {', ...body, '}', '```');

describe('test-assertion-behavioral', () => {
  it('accepts behavioral assertions: outputs, invariants, orderings, table fields', async () => {
    const text = goTest(
      '\tr := NewRouter()',
      '\td := r.Decide(req)',
      '\tassert.Equal(t, 1, d.TargetInstance)',
      '\tassert.Equal(t, completed+queued+running+dropped, injected)',
      '\tassert.True(t, scoreA > scoreB)',
      '\tfor _, tc := range cases {',
      '\t\tif got := r.Decide(tc.req); got.TargetInstance != tc.want {',
      '\t\t\tt.Errorf("got %d", got.TargetInstance)',
      '\t\t}',
      '\t}',
      '\tmean := float64(m.Sum) / float64(m.Count) / 1000.0',
      '\tif mean >= 15.0 {',
      '\t\tt.Errorf("slow")',
      '\t}',
    );
    expect(await lintRule('test-assertion-behavioral', text)).toEqual([]);
  });

  it('flags a type assertion on a concrete type, mapped to the plan position', async () => {
    const ds = await lintRule('test-assertion-behavioral', goTest('\tp, ok := policy.(*ConstantPriority)', '\tif !ok {', '\t\tt.Fatal("wrong type")', '\t}', '\t_ = p'));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('concrete type with `policy.(*ConstantPriority)`');
    expect(ds[0]!.span).toEqual({ start: { line: FIRST + 1, column: 11 }, end: { line: FIRST + 1, column: 37 } });
  });

  it('flags reading an unexported field of the unit under test', async () => {
    const ds = await lintRule('test-assertion-behavioral', goTest('\tcs.Run()', '\tif cs.gatewayEvicted != 1 {', '\t\tt.Fatalf("evicted %d", cs.gatewayEvicted)', '\t}'));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('internal field `cs.gatewayEvicted`')]);
    expect(ds[0]!.span.start).toEqual({ line: FIRST + 2, column: 5 });
  });

  it('flags an exact formula as the expected value, also through a variable', async () => {
    const direct = await lintRule('test-assertion-behavioral', goTest('\tassert.Equal(t, 0.6*cacheHit+0.4*(1-load), s.Score(inst))'));
    expect(direct.map((d) => d.message)).toEqual([expect.stringContaining('formula `0.6*cacheHit+0.4*(1-load)`')]);
    const viaVar = await lintRule('test-assertion-behavioral', goTest('\twant := 0.6*hit + 0.4*load', '\tif got := s.Score(inst); got != want {', '\t\tt.Errorf("got %v", got)', '\t}'));
    expect(viaVar.map((d) => d.span.start)).toEqual([{ line: FIRST + 1, column: 10 }]);
  });

  it('flags counting an internal collection once (not also as a field)', async () => {
    const ds = await lintRule('test-assertion-behavioral', goTest('\tr.Add(x)', '\tassert.Equal(t, 3, len(r.items))'));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('internal collection with `len(r.items)`')]);
  });

  it('parses a partial Go snippet without a function, inside an indented list item', async () => {
    const text = md(...head.slice(0, -2), '- **Test:**', '', '  ```go', '  r.Add(x)', '  require.Len(t, r.items, 3)', '  ```');
    const ds = await lintRule('test-assertion-behavioral', text);
    expect(ds.map((d) => d.span.start)).toEqual([{ line: head.length + 3, column: 18 }]);
  });

  it('flags instanceof and private members in TypeScript expectations', async () => {
    const text = md(...head, '```ts', "it('routes', () => {", '  expect(p instanceof ConstantPriority).toBe(true);', '  expect(router.#cache.size).toBe(3);', '});', '```');
    const ds = await lintRule('test-assertion-behavioral', text);
    expect(ds.map((d) => d.message.slice(0, 30))).toEqual(['Test checks a concrete type wi', 'Test reads internal field `rou']);
  });

  it('checks plain JavaScript tests, whose grammar has no `as` casts', async () => {
    const text = md(...head, '```js', "it('routes', () => {", '  expect(p instanceof ConstantPriority).toBe(true);', "  expect(slugify('A b')).toBe('a-b');", '});', '```');
    const ds = await lintRule('test-assertion-behavioral', text);
    expect(ds.map((d) => [d.severity, d.message.slice(0, 30)])).toEqual([['warning', 'Test checks a concrete type wi']]);
  });

  it('flags isinstance and private attributes in Python asserts', async () => {
    const text = md(...head, '```python', 'def test_router_picks_highest():', '    assert isinstance(p, ConstantPriority)', '    assert r._cache == {}', '```');
    const ds = await lintRule('test-assertion-behavioral', text);
    expect(ds).toHaveLength(2);
  });
});
