/**
 * The language registry's contract: every language module answers every question the callers
 * ask, and a caller gets each language's own answer by asking the registry. A new language gets
 * a row in SAMPLES, and these tests say what else it must answer.
 */
import type { SgNode } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { kindOf } from '../../src/languages/kinds.js';
import { codeReaders, LANGUAGES, languageForFence, languageNamed, sniffLanguage, type LanguageId } from '../../src/languages/index.js';
import { span } from '../../src/plan/source.js';
import type { CodeBlock } from '../../src/plan/types.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { isTestFile } from '../../src/ground/test-files.js';
import { LANGUAGE_MODULES } from '../../src/repo/code/code-index.js';
import { ensureGrammars } from '../../src/repo/code/grammars.js';
import { findOffences } from '../../src/rules/test-code/assertions.js';
import { parseBlock, testFunctions } from '../../src/rules/test-code/code.js';
import { declaredTests, testGrammar } from '../../src/verify/test-finder.js';
import { testNamesIn } from '../../src/verify/test-names.js';
import { renderPrompt } from '../../src/write/prompt.js';

interface Sample {
  /** A plan snippet declaring one test, and that test's name. */
  test: string;
  name: string;
  /** For a grammar that needs a wrapper around them: statements written outside any function. */
  statements?: string;
  /**
   * Implementation code declaring type Cache (with field `size` where the language's fields are
   * read) and a function that, in an `if`, registers a command-line flag; and the packages it names.
   */
  code: string;
  packages?: string[];
  /** A test that checks a value's concrete type (which test-assertion-behavioral reports). */
  typeCheck: string;
  /** Where a repository keeps the sample test, by the language's convention, and a file of code that is no test. */
  testFile: string;
  sourceFile: string;
}

/** Every language whose snippets are parsed has one. */
const SAMPLES: Partial<Record<LanguageId, Sample>> = {
  go: {
    test: 'func TestCache_Hit_ReturnsStored(t *testing.T) {\n\tif Get("k") != 1 {\n\t\tt.Fatal("miss")\n\t}\n}\n',
    name: 'TestCache_Hit_ReturnsStored',
    statements: 'got := Get("k")\nif got != 1 {\n\tt.Fatal("miss")\n}',
    code: 'package cache\n\nimport flagset "github.com/spf13/pflag"\n\ntype Cache struct {\n\tsize int\n}\n\nfunc register(fs *flagset.FlagSet) {\n\tif fs != nil {\n\t\tfs.IntVar(&size, "size", 0, "entries")\n\t}\n}\n',
    packages: ['cache', 'flagset'],
    typeCheck: 'func TestPolicy_Default_IsConstant(t *testing.T) {\n\tif _, ok := New().(*Constant); !ok {\n\t\tt.Fatal("type")\n\t}\n}\n',
    testFile: 'cache/cache_test.go',
    sourceFile: 'cache/cache.go',
  },
  python: {
    test: 'def test_cache_hit_returns_stored():\n    assert get("k") == 1\n',
    name: 'test_cache_hit_returns_stored',
    code: 'class Cache:\n    size = 0\n\ndef register(parser):\n    if parser:\n        parser.add_argument("--size")\n',
    typeCheck: 'def test_policy_default_is_constant():\n    assert isinstance(new(), Constant)\n',
    testFile: 'tests/test_cache.py',
    sourceFile: 'cache/cache.py',
  },
  typescript: {
    test: "it('returns the stored value on a hit', () => {\n  expect(get('k')).toBe(1);\n});\n",
    name: 'returns the stored value on a hit',
    code: "class Cache {\n  size = 0;\n}\n\nfunction register(program: Command) {\n  if (program) {\n    program.option('--size <n>');\n  }\n}\n",
    typeCheck: "it('defaults to a constant policy', () => {\n  expect(create()).toBeInstanceOf(Constant);\n});\n",
    testFile: 'src/cache.test.ts',
    sourceFile: 'src/cache.ts',
  },
  javascript: {
    test: "test('returns the stored value on a hit', () => {\n  assert.equal(get('k'), 1);\n});\n",
    name: 'returns the stored value on a hit',
    code: "class Cache {\n  size = 0;\n}\n\nfunction register(program) {\n  if (program) {\n    program.option('--size <n>');\n  }\n}\n",
    typeCheck: "test('defaults to a constant policy', () => {\n  assert(create() instanceof Constant);\n});\n",
    testFile: 'test/cache.spec.mjs',
    sourceFile: 'src/cache.mjs',
  },
};

describe('the language registry', () => {
  it('lists each language once, each parsed one with a sample here', () => {
    const ids = LANGUAGES.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(LANGUAGES.filter((l) => l.snippets && !SAMPLES[l.id]).map((l) => l.id)).toEqual([]);
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
    const sample = SAMPLES[id]!;

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

    it('hold tests whose concrete-type checks test-assertion-behavioral reports', () => {
      const block: CodeBlock = { lang: snippets.fenceTags[0]!, content: sample.typeCheck, span: span(1, 1, 1, 1), contentLine: 2 };
      const parsed = parseBlock(block)!;
      expect(parsed.language).toBe(language);
      const offences = testFunctions(parsed).flatMap((t) => findOffences(id, t.body, parsed));
      expect(offences.map((o) => o.kind)).toEqual(['type']);
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

  describe.each(LANGUAGES.map((l) => [l.id, l] as const))('%s tests', (id, language) => {
    it('are found in a repository file named by the convention, as verify reads it', () => {
      if (!language.snippets) return;
      const sample = SAMPLES[id]!;
      const grammar = testGrammar(sample.testFile);
      expect(grammar).toBeDefined();
      expect(language.tests.files?.grammars).toContain(grammar);
      expect(testGrammar(sample.sourceFile)).toBeUndefined();
      // Grounding leaves test code out of a type's construction sites.
      expect(language.tests.files?.named.test(sample.testFile)).toBe(true);
      expect([isTestFile(sample.testFile), isTestFile(sample.sourceFile)]).toEqual([true, false]);
      expect(declaredTests(grammar!, sample.test).map((t) => t.name)).toEqual([sample.name]);
    });

    it('are identifiers a runner selects by prefix, where tests have identifiers', () => {
      const { identifier, selectsByPrefix } = language.tests;
      if (!identifier) return;
      const sample = SAMPLES[id]!;
      expect(sample.name).toMatch(new RegExp(`^(?:${identifier.source})$`));
      expect(selectsByPrefix?.test(sample.name)).toBe(true);
      expect(testNamesIn(`\`${sample.name}\` covers BC-1`)).toEqual([sample.name]);
    });

    it('have a naming convention whose example follows its pattern and reads as a test name in prose', () => {
      const { pattern, example } = language.tests.naming;
      if (pattern !== undefined) expect(example).toMatch(new RegExp(pattern));
      if (language.tests.proseName) expect(example.match(language.tests.proseName)).toEqual([example]);
    });

    it('are found in prose by their identifiers, where they have identifiers', () => {
      const prose = language.tests.proseName;
      if (!prose) return;
      // Only a language whose snippets are parsed can have its test names checked.
      const sample = SAMPLES[id]!;
      expect(prose.global).toBe(true);
      expect(`see ${sample.name}, and run it`.match(prose)).toEqual([sample.name]);
    });
  });

  describe.each(LANGUAGES.map((l) => [l.id, l] as const))('the prompt for a %s project', (id, language) => {
    const prompt = renderPrompt({ config: { ...defaultConfig(), language: id } });

    it("shows the language's own files, test assertions and symbols", () => {
      const { examples } = language;
      expect(prompt).toContain(`- Create: \`${examples.file}\``);
      expect(prompt).toContain(`- Test: \`${examples.testFile}\``);
      expect(prompt).toContain(`(\`${examples.typeAssertion}\`)`);
      expect(prompt).toContain(`\`${examples.symbol}\` at \`${examples.file}:42\``);
    });

    it('shows its test example as a fenced block in its own syntax, or the neutral one', () => {
      if (language.writing) {
        const body = language.writing.test(['GIVEN <precondition from the contract>', 'WHEN <action from the contract>', 'THEN <observable outcome from the contract>'].map((c) => `${language.writing!.comment} ${c}`));
        expect(prompt).toContain(['```' + language.writing.fence, ...body, '```'].join('\n'));
      } else {
        expect(prompt).toContain('<complete test code: GIVEN / WHEN / THEN as comments, then the assertions>');
      }
    });
  });

  describe.each(LANGUAGES.filter((l) => l.snippets).map((l) => [l.id, l] as const))('%s syntax', (id, language) => {
    const { grammar, syntax } = language.snippets!;
    const sample = SAMPLES[id]!;
    const root = (): SgNode => ensureGrammars().parse(grammar, sample.code).root();
    const found = (kinds: readonly string[]): SgNode[] => kinds.flatMap((kind) => root().findAll(kindOf(grammar, kind)));

    it('names only node kinds its grammar has', () => {
      const kinds = [syntax.call, ...syntax.typeDeclarations, ...syntax.functionDeclarations, ...syntax.controlFlow];
      expect(kinds.filter((kind) => kindOf(grammar, kind) === 0)).toEqual([]);
    });

    it('finds the type, the function, the branch and the flag of the sample', () => {
      expect(found(syntax.typeDeclarations).map((n) => n.field('name')?.text())).toEqual(['Cache']);
      expect(found(syntax.functionDeclarations)).toHaveLength(1);
      expect(found(syntax.controlFlow).map((n) => n.kind())).toEqual(['if_statement']);
      expect(found([syntax.call]).filter((call) => syntax.registersFlag(call))).toHaveLength(1);
    });

    it('reads fields and packages where the language has them', () => {
      if (syntax.fieldNames) expect(syntax.fieldNames(root())).toEqual(['size']);
      const packages = syntax.packages?.declaredIn(root());
      expect(packages && [...new Set(packages)].sort()).toEqual(sample.packages);
    });
  });

  it("gives the code index one reader per language it reads, each reading its languages' files", () => {
    for (const language of LANGUAGES) {
      if (!language.code) continue;
      expect(language.code.languages).toContain(language.id);
      expect(language.code.extensionsFor(language.id as Exclude<LanguageId, 'rust'>).length).toBeGreaterThan(0);
    }
    expect(LANGUAGE_MODULES).toEqual(codeReaders());
    expect(new Set(LANGUAGE_MODULES).size).toBe(LANGUAGE_MODULES.length);
    expect(LANGUAGE_MODULES.flatMap((m) => m.languages).sort()).toEqual(LANGUAGES.filter((l) => l.code).map((l) => l.id).sort());
  });

  it('sniffs nothing from text that reads like no language', () => {
    expect(sniffLanguage('just some words\nand more')).toBeUndefined();
  });
});
