import { describe, expect, it } from 'vitest';
import { functionSignatures, keepDeclarationsAt, topLevelChunks } from '../../src/repo/code/go-sparse.js';

const starts = (text: string): number[] | undefined => topLevelChunks(text)?.map((c) => c.start);
const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

describe('topLevelChunks', () => {
  it('cuts at each top-level declaration keyword that starts a line', () => {
    const text = ['package p', '', 'import "fmt"', '', 'func a() {', '\tvar x = 1', '}', '', 'type T struct{}', ''].join('\n');
    expect(starts(text)?.map((s) => lineOf(text, s))).toEqual([1, 3, 5, 9]);
  });

  it('does not cut inside a raw string that holds Go source, a comment or a bracket', () => {
    const text = ['package p', 'var src = `', 'func inner() {}', '`', '/*', 'func commented() {}', '*/', 'var (', 'x = 1', ')', ''].join('\n');
    expect(starts(text)?.map((s) => lineOf(text, s))).toEqual([1, 2, 8]);
  });

  it('does not cut where the previous line continues (no statement end before the keyword)', () => {
    const text = ['package p', 'var f =', 'func() int { return 1 }', ''].join('\n');
    expect(starts(text)?.map((s) => lineOf(text, s))).toEqual([1, 2]);
  });

  it('gives up on an unterminated string or unbalanced brackets', () => {
    expect(topLevelChunks('package p\nvar s = "open\n')).toBeUndefined();
    expect(topLevelChunks('package p\nfunc f() {\n')).toBeUndefined();
    expect(topLevelChunks("package p\nvar r = '\\''\n")).toBeDefined();
  });
});

describe('keepDeclarationsAt', () => {
  const text = ['package p', '', 'import "fmt"', '', 'func a() { _ = T{} }', '', 'func b() { fmt.Println() }', ''].join('\n');

  it('blanks the declarations without a position and keeps lines and columns of the rest', () => {
    const at = text.indexOf('T{');
    const kept = keepDeclarationsAt(text, [at]);
    expect(kept).toBe(['package p', '', '', '', 'func a() { _ = T{} }', '', '', ''].join('\n'));
    expect(lineOf(kept ?? '', kept?.indexOf('T{') ?? -1)).toBe(lineOf(text, at));
  });

  it('of a kept function, keeps only the statements of its body that hold a position', () => {
    const body = [
      'package p',
      '',
      'func f() {',
      '\ta := 1; b := T{}',
      '\tif v, ok := m[k]; ok {',
      '\t\tuse(v)',
      '\t}',
      '\tfor i := 0; i < n; i++ {',
      '\t\t_ = T{}',
      '\t}',
      '\tfor _, x := range xs {',
      '\t\tuse(x)',
      '\t}',
      '\tL:',
      '\tfor {',
      '\t\t_ = []T{{}}',
      '\t}',
      '\tdefer func() {',
      '\t\tdone()',
      '\t}()',
      '\treturn',
      '}',
      '',
    ].join('\n');
    const at = [body.indexOf('T{}'), body.indexOf('_ = T{}') + 4, body.indexOf('T{{')];
    const kept = keepDeclarationsAt(body, at) ?? '';
    expect(kept.split('\n').map((l) => l.trimEnd())).toEqual([
      'package p',
      '',
      'func f() {',
      '\ta := 1; b := T{}',
      '',
      '',
      '',
      ' for i := 0; i < n; i++ {',
      '\t\t_ = T{}',
      '\t}',
      '',
      '',
      '',
      ' L:',
      '\tfor {',
      '\t\t_ = []T{{}}',
      '\t}',
      '',
      '',
      '',
      '',
      '}',
      '',
    ]);
    // The statements holding a position keep their lines and columns.
    const lineAndColumn = (text: string, index: number): [number, number] => [lineOf(text, index), index - text.lastIndexOf('\n', index - 1)];
    expect([kept.indexOf('T{}'), kept.indexOf('_ = T{}') + 4, kept.indexOf('T{{')].map((i) => lineAndColumn(kept, i))).toEqual(at.map((i) => lineAndColumn(body, i)));
  });

  it('keeps imports when asked, and returns the text itself when everything is kept', () => {
    expect(keepDeclarationsAt(text, [text.indexOf('T{')], true)).toContain('import "fmt"');
    expect(keepDeclarationsAt(text, [text.indexOf('"fmt"'), text.indexOf('T{'), text.indexOf('fmt.P')])).toBe(text);
  });
});

describe('functionSignatures', () => {
  it('keeps function and method signatures at their lines and columns, and blanks the rest', () => {
    const text = [
      'package p',
      '',
      'func TestA(t *testing.T) {',
      '\tt.Run("x", func(t *testing.T) { check(t) })',
      '}',
      '',
      '// Get returns n.',
      'func (s *S) Get() struct{ n int } {',
      '\treturn struct{ n int }{1}',
      '}',
      '',
      'type T struct{ a int }',
      '',
    ].join('\n');
    expect(functionSignatures(text)).toBe(
      ['', '', 'func TestA(t *testing.T) {', '', '}', '', '', 'func (s *S) Get() struct{ n int } {', '', '}', '', '', ''].join('\n'),
    );
  });

  it('reads a function on the first line as a declaration too', () => {
    expect(functionSignatures('func TestA(t *testing.T) {\n\tx()\n}\n')).toBe('func TestA(t *testing.T) {\n\n}\n');
  });

  it('keeps a function whole when code follows its body before the next declaration', () => {
    const text = ['package p', 'func f() {', '\tx()', '}', 'x := T{1}', ''].join('\n');
    expect(functionSignatures(text)).toBe(['', 'func f() {', '\tx()', '}', 'x := T{1}', ''].join('\n'));
  });

  it('gives up where the lexer does', () => {
    expect(functionSignatures('func f() {\n')).toBeUndefined();
  });
});
