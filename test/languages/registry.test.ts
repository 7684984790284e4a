/**
 * The language registry's contract: every language module answers every question the callers
 * ask, and a caller gets each language's own answer by asking the registry. A new language gets
 * a row in SAMPLES, and these tests say what else it must answer.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, languageForFence, languageNamed, sniffLanguage, type LanguageId } from '../../src/languages/index.js';
import { ensureGrammars } from '../../src/repo/code/grammars.js';

/**
 * Per language: a plan snippet declaring one test, that test's name, and (for a grammar that
 * needs a wrapper around them) statements written outside any function.
 */
const SAMPLES: Record<LanguageId, { test: string; name: string; statements?: string }> = {
  go: {
    test: 'func TestCache_Hit_ReturnsStored(t *testing.T) {\n\tif Get("k") != 1 {\n\t\tt.Fatal("miss")\n\t}\n}\n',
    name: 'TestCache_Hit_ReturnsStored',
    statements: 'got := Get("k")\nif got != 1 {\n\tt.Fatal("miss")\n}',
  },
  python: { test: 'def test_cache_hit_returns_stored():\n    assert get("k") == 1\n', name: 'test_cache_hit_returns_stored' },
  typescript: { test: "it('returns the stored value on a hit', () => {\n  expect(get('k')).toBe(1);\n});\n", name: 'returns the stored value on a hit' },
  javascript: { test: "test('returns the stored value on a hit', () => {\n  assert.equal(get('k'), 1);\n});\n", name: 'returns the stored value on a hit' },
};

describe('the language registry', () => {
  it('lists each language once, each with a sample here', () => {
    const ids = LANGUAGES.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !(id in SAMPLES))).toEqual([]);
  });

  it('finds a language by its id or an alias, in any case, as config spells it', () => {
    for (const language of LANGUAGES) {
      for (const name of [language.id, language.id.toUpperCase(), ...language.aliases]) expect(languageNamed(name)).toBe(language);
    }
    expect(languageNamed('golang')?.id).toBe('go');
    expect(languageNamed('py')?.id).toBe('python');
    expect(languageNamed('cobol')).toBeUndefined();
    expect(languageNamed(undefined)).toBeUndefined();
  });

  it('gives no two languages the same name or fence tag', () => {
    const names = LANGUAGES.flatMap((l) => [l.id, ...l.aliases]);
    expect(new Set(names).size).toBe(names.length);
    const tags = LANGUAGES.flatMap((l) => l.snippets?.fenceTags ?? []);
    expect(new Set(tags).size).toBe(tags.length);
  });

  describe.each(LANGUAGES.filter((l) => l.snippets).map((l) => [l.id, l] as const))('%s snippets', (id, language) => {
    const snippets = language.snippets!;
    const sample = SAMPLES[id];

    it('are recognized by each fence tag, lower case', () => {
      expect(snippets.fenceTags.length).toBeGreaterThan(0);
      for (const tag of snippets.fenceTags) {
        expect(tag).toBe(tag.toLowerCase());
        expect(languageForFence(tag)).toBe(language);
      }
    });

    it('parse with their grammar, and declare the sample test', () => {
      const root = ensureGrammars().parse(snippets.grammar, sample.test).root();
      expect(snippets.tests(root).map((t) => [t.name, t.body.text().length > 0])).toEqual([[sample.name, true]]);
      expect(snippets.mayDeclareTests(sample.test)).toBe(true);
      expect(snippets.mayDeclareTests('x = 1')).toBe(false);
    });

    it('are sniffed from a bare fence when the language has a sniff', () => {
      if (snippets.sniff) expect(sniffLanguage(sample.test)).toBe(language);
    });

    it('parse statements outside a function when the grammar needs a wrapper', () => {
      if (!snippets.partial) return;
      const statements = sample.statements!;
      expect(snippets.partial.opensTopLevel(statements)).toBe(false);
      expect(snippets.partial.opensTopLevel(sample.test)).toBe(true);
      const wrapped = snippets.partial.wrap(statements);
      expect(wrapped.split('\n').indexOf(statements.split('\n')[0]!)).toBe(snippets.partial.linesBefore);
      expect(ensureGrammars().parse(snippets.grammar, wrapped).root().find({ rule: { kind: 'ERROR' } })).toBeNull();
    });
  });

  it('sniffs nothing from text that reads like no language', () => {
    expect(sniffLanguage('just some words\nand more')).toBeUndefined();
  });
});
