import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { declaredTests, gitTreeTestFinder, testGrammar } from '../../src/verify/test-finder.js';
import { gitIn, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

describe('declaredTests', () => {
  it('finds Go test functions and t.Run subtests, not helpers or methods', () => {
    const src = [
      'package sim',
      '',
      'func TestRouter_EmptyQueue_Rejects(t *testing.T) {',
      '\tt.Run("two instances", func(t *testing.T) {})',
      '}',
      'func helperTest(t *testing.T) {}',
      'func (s *Suite) TestMethod(t *testing.T) {}',
      'func BenchmarkRoute(b *testing.B) {}',
    ].join('\n');
    expect(declaredTests('go', src)).toEqual([
      { name: 'TestRouter_EmptyQueue_Rejects', line: 3 },
      { name: 'BenchmarkRoute', line: 8 },
      { name: 'two instances', line: 4 },
      { name: 'two_instances', line: 4 },
    ]);
  });

  it('finds JS/TS test, it and describe titles, including .only/.skip and plain template literals', () => {
    const src = [
      "describe('slugify', () => {",
      "  it('drops punctuation', () => {});",
      '  test.skip(`keeps digits`, () => {});',
      '  it(`uses ${x}`, () => {});',
      "  expect('not a test').toBe(1);",
      '});',
    ].join('\n');
    expect(declaredTests(testGrammar('x.test.ts')!, src).map((d) => d.name)).toEqual(['slugify', 'drops punctuation', 'keeps digits']);
  });

  it('finds Python test functions and test classes', () => {
    const src = ['class TestSlug:', '    def test_drops_punctuation(self):', '        pass', '', 'def helper():', '    pass'].join('\n');
    expect(declaredTests('python', src)).toEqual([
      { name: 'test_drops_punctuation', line: 2 },
      { name: 'TestSlug', line: 1 },
    ]);
  });

  it('does not take a name mentioned in a comment or a string for a declaration', () => {
    const src = ['package sim', '// TestGhost is described here', 'var s = "func TestGhost(t *testing.T)"'].join('\n');
    expect(declaredTests('go', src)).toEqual([]);
  });
});

describe('testGrammar', () => {
  it('reads test-like files only', () => {
    expect(testGrammar('sim/router_test.go')).toBe('go');
    expect(testGrammar('sim/router.go')).toBeUndefined();
    expect(testGrammar('tests/test_slug.py')).toBe('python');
    expect(testGrammar('src/slug.py')).toBeUndefined();
    expect(testGrammar('test/slug.test.js')).toBeDefined();
    expect(testGrammar('src/slug.js')).toBeUndefined();
    expect(testGrammar('node_modules/x/test/a.test.js')).toBeUndefined();
  });
});

describe('gitTreeTestFinder', () => {
  it('finds tests in a commit\'s tree, not in the working tree', async () => {
    const dir = tempDir();
    gitIn(dir, 'init', '-q');
    mkdirSync(join(dir, 'sim'));
    mkdirSync(join(dir, 'test'));
    writeFileSync(join(dir, 'sim', 'a_test.go'), 'package sim\n\nfunc TestCommitted(t *testing.T) {}\n');
    writeFileSync(join(dir, 'test', 'b.test.js'), "import { test } from 'node:test';\n\ntest('committed title', () => {});\n");
    gitIn(dir, 'add', '.');
    gitIn(dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'init');
    const sha = gitIn(dir, 'rev-parse', 'HEAD');
    // Only in the working tree: the finder must not see it.
    writeFileSync(join(dir, 'sim', 'a_test.go'), 'package sim\n\nfunc TestUncommitted(t *testing.T) {}\n');

    const finder = gitTreeTestFinder(dir, sha);
    expect(await finder.exists('TestCommitted')).toEqual({ file: 'sim/a_test.go', line: 3 });
    expect(await finder.exists('committed title')).toEqual({ file: 'test/b.test.js', line: 3 });
    expect(await finder.exists('TestUncommitted')).toBeUndefined();
    await finder.close();
  });
});
