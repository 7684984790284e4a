/**
 * The names code binds and calls, from the tree: what a plan's snippets define (so a name they
 * bind is never reported as undefined) and what they call, with the receiver that qualifies it.
 */
import { describe, expect, it } from 'vitest';
import { ensureGrammars } from '../../src/repo/code/grammars.js';
import { codeNames, isBuiltin, pythonReads, type NamesLanguage } from '../../src/repo/code/names.js';

const names = (grammar: string, language: NamesLanguage, code: string) => codeNames(ensureGrammars().parse(grammar, code).root(), language);
const calls = (n: ReturnType<typeof names>): string[] => n.calls.map((c) => (c.qualifier === undefined ? c.name : `${c.qualifier}.${c.name}`));

describe('codeNames', () => {
  it('Go: declarations, parameters, locals, imports, and calls with their package or receiver', () => {
    const n = names(
      'go',
      'go',
      'package x\nimport (\n\t"fmt"\n\tlat "example.com/m/latency"\n)\ntype Cfg struct{ Size int }\nfunc (c *Cfg) Build(a, b int) (int, error) {\n\tx, y := helper(a)\n\tfor i := range xs { fmt.Println(i) }\n\treturn lat.New(x, y), c.check()\n}\n',
    );
    expect(n.declared.map((d) => `${d.kind}:${d.name}`)).toEqual(['type:Cfg', 'field:Size', 'method:Build']);
    for (const b of ['c', 'a', 'b', 'x', 'y', 'i', 'fmt', 'lat', 'Build']) expect(n.bound.has(b), b).toBe(true);
    expect(calls(n)).toEqual(['helper', 'fmt.Println', 'lat.New', 'c.check']);
    expect(n.imports).toBe(true);
  });

  it('Python: functions and methods, parameters, assignments, imports, comprehension and with-as names', () => {
    const n = names(
      'python',
      'python',
      'from pathlib import Path\nimport json as j\nLIMIT = 3\nclass Store:\n    def load(self, path, *rest, strict=False):\n        with open(path) as fh:\n            data = j.load(fh)\n        return [k for k in data if check(k)]\n',
    );
    expect(n.declared.map((d) => `${d.kind}:${d.name}`)).toEqual(['variable:LIMIT', 'type:Store', 'method:load']);
    for (const b of ['Path', 'j', 'self', 'path', 'rest', 'strict', 'fh', 'data', 'k']) expect(n.bound.has(b), b).toBe(true);
    expect(calls(n)).toEqual(['open', 'j.load', 'check']);
  });

  it('TypeScript: declarations, destructured and parameter names, imports, and member calls', () => {
    const n = names('TypeScript', 'typescript', 'import { a, b as c } from "m";\nconst { x, y: [z] } = f(1);\nexport function g(p: number, q = 1): void { h(p); obj.m(); }\nclass K { meth(s) { this.other(); } }\n');
    expect(n.declared.map((d) => `${d.kind}:${d.name}`)).toEqual(['function:g', 'type:K', 'method:meth']);
    for (const b of ['a', 'c', 'x', 'z', 'p', 'q', 's']) expect(n.bound.has(b), b).toBe(true);
    expect(calls(n)).toEqual(['f', 'h', 'obj.m', 'this.other']);
  });

  it('Python reads: names read as values, not attribute or keyword names or imports', () => {
    const root = ensureGrammars().parse('python', 'import os\nenglish = (REPO / "README.md").read_text(encoding=ENC)\n').root();
    expect(pythonReads(root).map((r) => r.name)).toEqual(['english', 'REPO', 'ENC']);
  });

  it('knows each language\'s builtins', () => {
    expect(isBuiltin('go', 'append')).toBe(true);
    expect(isBuiltin('python', 'FileNotFoundError')).toBe(true);
    expect(isBuiltin('python', 'Exception')).toBe(true);
    expect(isBuiltin('javascript', 'setTimeout')).toBe(true);
    expect(isBuiltin('python', 'make_repo')).toBe(false);
  });
});
