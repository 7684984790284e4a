/** Uses of a name and string literals, read from parse trees in each language the index reads. */
import { describe, expect, it } from 'vitest';
import { ensureGrammars, type Grammar } from '../../src/repo/code/grammars.js';
import { literalsIn, usesIn } from '../../src/repo/code/uses.js';

const tree = (grammar: Grammar, text: string) => ensureGrammars().parse(grammar, text).root();
const show = (uses: ReturnType<typeof usesIn>): string[] => uses.map((u) => `${u.line}:${u.kind}${u.callee ? ` ${u.callee}` : ''}`);

describe('usesIn', () => {
  it('Go: calls and field uses, not the declaration, a comment or a longer name', () => {
    const go = ['package p', '', 'type T struct{ Port int }', '', 'func Build() T { return T{Port: 1} }', '', '// Build is called below', 'func use(t T) int { Build(); x := Builder(); _ = x; return t.Port }', ''].join('\n');
    expect(show(usesIn(tree('go', go), 'Build'))).toEqual(['8:call']);
    expect(show(usesIn(tree('go', go), 'Port'))).toEqual(['5:reference', '8:reference']);
  });

  it('TypeScript: a method call through a member, and a property read', () => {
    const ts = ['class S { start() { return 1; } }', 'const s = new S();', 's.start();', 'const f = s.start;', ''].join('\n');
    expect(show(usesIn(tree('TypeScript', ts), 'start'))).toEqual(['3:call', '4:reference']);
  });

  it('Python: a call of a function and of a method', () => {
    const py = ['def build():', '    return 1', '', 'build()', 'obj.build()', ''].join('\n');
    expect(show(usesIn(tree('python', py), 'build'))).toEqual(['4:call', '5:call']);
  });
});

describe('literalsIn', () => {
  it('finds a flag name where it is registered, with the call that registers it', () => {
    const go = ['package main', '', 'func init() { cmd.Flags().Int64Var(&n, "max-len", 0, "max-len help") ; _ = "max-len" }', ''].join('\n');
    expect(show(literalsIn(tree('go', go), 'max-len'))).toEqual(['3:string Int64Var', '3:string']);
    const py = ['parser.add_argument("--max-len", type=int)', 'x = "max-len"', 'y = "--max-length"', ''].join('\n');
    expect(show(literalsIn(tree('python', py), 'max-len', true))).toEqual(['1:string add_argument', '2:string']);
    const ts = ["program.option('--max-len <n>', 'limit');", "const k = 'max-len';", ''].join('\n');
    expect(show(literalsIn(tree('TypeScript', ts), 'max-len', true))).toEqual(['1:string option', '2:string']);
    expect(show(literalsIn(tree('TypeScript', ts), 'max-len'))).toEqual(['2:string']);
  });
});
