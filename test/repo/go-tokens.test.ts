import { describe, expect, it } from 'vitest';
import { goTokens, TOKEN } from '../../src/repo/code/go-tokens.js';

const texts = (src: string): string[] => {
  const t = goTokens(src);
  if (!t) throw new Error('no tokens');
  return Array.from({ length: t.count }, (_, i) => `${t.kind[i]}:${src.slice(t.start[i], t.end[i])}`);
};

describe('goTokens', () => {
  it('drops comments and whitespace, keeps strings, raw strings and runes whole', () => {
    expect(texts('a.b /* c.d */ + "x.y" // e\n`raw\nf` \'g\'')).toEqual([
      `${TOKEN.identifier}:a`,
      `${TOKEN.punctuation}:.`,
      `${TOKEN.identifier}:b`,
      `${TOKEN.punctuation}:+`,
      `${TOKEN.literal}:"x.y"`,
      `${TOKEN.literal}:\`raw\nf\``,
      `${TOKEN.literal}:'g'`,
    ]);
  });

  it('reads number literals as Go writes them, exponent signs included', () => {
    expect(texts('1e-3*x + 0x1p+2 - 0x1e+2 + .5 + 1_000 + 2i')).toEqual(
      ['1e-3', '*', 'x', '+', '0x1p+2', '-', '0x1e', '+', '2', '+', '.5', '+', '1_000', '+', '2i'].map(
        (s) => `${/^[\d.]/.test(s) ? TOKEN.number : /^\w/.test(s) ? TOKEN.identifier : TOKEN.punctuation}:${s}`,
      ),
    );
  });

  it('gives up on an unclosed string or comment', () => {
    expect(goTokens('x := "open\n')).toBeUndefined();
    expect(goTokens('/* open')).toBeUndefined();
  });
});
