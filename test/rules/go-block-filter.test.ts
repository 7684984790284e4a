/**
 * The Go prefilter of test-assertion-behavioral may only rule out snippets in which the rule,
 * run on the full syntax tree, finds nothing. Checked on examples, on generated tests built from
 * the shapes the rule looks at, and on every Go test snippet of the corpus.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse.js';
import type { CodeBlock } from '../../src/plan/types.js';
import { findOffences } from '../../src/rules/test-code/assertions.js';
import { kindOf } from '../../src/languages/kinds.js';
import { detectLanguage, mayDeclareTests, parseBlock, testFunctions } from '../../src/rules/test-code/code.js';
import { goSnippetMayOffend } from '../../src/rules/test-code/go-block-filter.js';

const block = (content: string): CodeBlock => ({
  lang: 'go',
  content,
  span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
  contentLine: 2,
});

/** What the rule finds in a snippet's tests with no prefilter, and whether the snippet parsed cleanly. */
function analyse(content: string): { offences: number; clean: boolean } {
  const parsed = parseBlock(block(content));
  if (!parsed) return { offences: 0, clean: false };
  const clean = parsed.root.findAll(kindOf('go', 'ERROR')).length === 0;
  const offences = testFunctions(parsed).reduce((n, t) => n + findOffences('go', t.body, parsed).length, 0);
  return { offences, clean };
}

const goTest = (...body: string[]): string => ['package p', '', 'func TestUnit_Case_Behavior(t *testing.T) {', ...body.map((l) => `\t${l}`), '}', ''].join('\n');

describe('goSnippetMayOffend', () => {
  it('rules out a test that checks outputs through the public API', () => {
    const src = goTest('r := NewRouter()', 'got := r.Decide(req)', 'if got.Target != tc.want {', '\tt.Errorf("got %d", got.Target)', '}', 'time.Sleep(10 * time.Millisecond)');
    expect(goSnippetMayOffend(src)).toBe(false);
    expect(analyse(src).offences).toBe(0);
  });

  it('keeps a test that reads a lower-case field of an object it calls methods on', () => {
    const src = goTest('cs.Run()', 'if cs.evicted != 1 {', '\tt.Fatal("evicted")', '}');
    expect(goSnippetMayOffend(src)).toBe(true);
    expect(analyse(src).offences).toBe(1);
  });

  it('rules out lower-case fields of values the test never calls a method on (table rows, results)', () => {
    expect(goSnippetMayOffend(goTest('got := Decide(tc.req)', 'if got.target != tc.want {', '\tt.Errorf("bad")', '}'))).toBe(false);
  });

  it('keeps a weighted term and a type assertion, rules out unit factors', () => {
    expect(goSnippetMayOffend(goTest('want := 0.6*hit + 0.4*load', 'assert.Equal(t, want, s.Score())'))).toBe(true);
    expect(goSnippetMayOffend(goTest('p, ok := policy.(*Constant)', 'if !ok {', '\tt.Fatal("type")', '}'))).toBe(true);
    expect(goSnippetMayOffend(goTest('mean := float64(sum) / 1000.0', 'if mean > limit {', '\tt.Errorf("slow")', '}'))).toBe(false);
  });

  it('looks at code only: comments and strings hold no shapes', () => {
    expect(goSnippetMayOffend(goTest('// cs.Run() then cs.evicted; 0.6*x', 'if got := f(); got != "cs.run() 0.5*y" {', '\tt.Errorf("x")', '}'))).toBe(false);
  });

  it('keeps a snippet whose string or comment is not closed (the tree decides)', () => {
    expect(goSnippetMayOffend(goTest('if f() != "open {', '\tt.Errorf("x")', '}'))).toBe(true);
  });
});

// Generated tests: statements over a few receivers, fields and numbers, in the shapes the rule reads.
const name = fc.constantFrom('cs', 'r', 'got', 'tc', 'x', 't');
const field = fc.constantFrom('items', 'Count', 'count', '_n', 'Total', 'evicted');
const method = fc.constantFrom('Run', 'run', 'Get', 'Add');
const number = fc.constantFrom('0', '1', '2', '0.6', '10', '100', '3.5', '1e3', '0.4', '1_000', '0x10', '1e-3');
const op = fc.constantFrom('+', '-', '*', '/');

const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    name,
    number,
    fc.tuple(name, field).map(([n, f]) => `${n}.${f}`),
    fc.tuple(name, field, field).map(([n, f, g]) => `${n}.${f}.${g}`),
    fc.tuple(name, method, tie('e')).map(([n, m, a]) => `${n}.${m}(${a})`),
    fc.tuple(name, field, method).map(([n, f, m]) => `${n}.${f}[0].${m}()`),
    fc.tuple(tie('e'), op, tie('e')).map(([a, o, b]) => `${a} ${o} ${b}`),
    tie('e').map((a) => `(${a})`),
    tie('e').map((a) => `len(${a})`),
    name.map((n) => `${n}.(*Concrete)`),
    tie('e').map((a) => `reflect.TypeOf(${a})`),
  ),
})).e;

const statement = fc.oneof(
  fc.tuple(name, expr).map(([n, e]) => `${n} := ${e}`),
  fc.tuple(name, method, expr).map(([n, m, e]) => `${n}.${m}(${e})`),
  fc.tuple(expr, expr).map(([a, b]) => `if ${a} == ${b} {\n\t\tt.Errorf("unexpected")\n\t}`),
  fc.tuple(expr, expr).map(([a, b]) => `if ${a} != ${b} {\n\t\tt.Fatal("unexpected")\n\t}`),
  fc.tuple(expr, expr).map(([a, b]) => `assert.Equal(t, ${a}, ${b})`),
  fc.tuple(expr, number).map(([a, n]) => `require.Len(t, ${a}, ${n})`),
  fc.tuple(number, name, op, expr, fc.boolean()).map(([n, v, o, e, flip]) => `assert.Equal(t, ${flip ? `${v}*(${n})` : `${n}*${v}`} ${o} ${e}, got)`),
  fc.tuple(name, expr, number).map(([v, e, n]) => `want := ${e} + (${n}) / ${v}\n\tif got != want {\n\t\tt.Error("formula")\n\t}`),
  fc.tuple(number, name, op, expr).map(([n, v, o, e]) => `assert.Equal(t, ${n} * (${v} ${o} ${e}), got)`),
  fc.tuple(expr, op, number, name).map(([e, o, n, v]) => `assert.Equal(t, ${e} ${o} (${n}*${v}), got)`),
  fc.tuple(name, expr).map(([n, e]) => `for _, ${n} := range cases {\n\t\t_ = ${e}\n\t}`),
);
const generatedTest = fc.array(statement, { minLength: 1, maxLength: 6 }).map((lines) => goTest(...lines));

describe('goSnippetMayOffend on generated tests', () => {
  it('never rules out a cleanly parsing test in which the rule finds an offence', () => {
    fc.assert(
      fc.property(generatedTest, (src) => {
        const { offences, clean } = analyse(src);
        fc.pre(clean);
        return offences === 0 || goSnippetMayOffend(src);
      }),
      { numRuns: 1500, seed: 20261126 },
    );
  });

  it('the generator reaches both sides: offending tests, and tests the filter rules out', () => {
    const samples = fc.sample(generatedTest, { numRuns: 300, seed: 7 });
    const offending = samples.filter((s) => analyse(s).offences > 0).length;
    const ruledOut = samples.filter((s) => !goSnippetMayOffend(s)).length;
    expect(offending).toBeGreaterThan(20);
    expect(ruledOut).toBeGreaterThan(20);
  });
});

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/plans/', import.meta.url));
const corpusFiles = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.md')) : [];

describe.skipIf(corpusFiles.length === 0)('goSnippetMayOffend on the corpus', () => {
  it('rules out only Go test snippets in which the rule finds nothing, and most of their code', () => {
    let ruledOut = 0;
    let bytes = 0;
    const missed: string[] = [];
    for (const file of corpusFiles) {
      const plan = parsePlan(readFileSync(`${CORPUS}${file}`, 'utf8'), file);
      for (const b of plan.codeBlocks) {
        if (detectLanguage(b)?.id !== 'go' || !mayDeclareTests(b)) continue;
        bytes += b.content.length;
        if (goSnippetMayOffend(b.content)) continue;
        ruledOut += b.content.length;
        if (analyse(b.content).offences > 0) missed.push(`${file}:${b.contentLine}`);
      }
    }
    expect(missed).toEqual([]);
    expect(ruledOut / bytes).toBeGreaterThan(0.5);
  });
});
