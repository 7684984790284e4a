import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argumentOccurrences, grepPatterns, occursAsWord, occursRenamed } from '../../src/repo/code/prefilter.js';
import { pythonModule } from '../../src/repo/code/python.js';
import { parseTypeQuery } from '../../src/repo/code/type-query.js';
import { typescriptModule } from '../../src/repo/code/typescript.js';
import { openRepository } from '../../src/repo/open.js';
import type { Repository } from '../../src/repo/types.js';
import { tempRepo, type TempRepo } from './git-fixture.js';

describe('grepPatterns', () => {
  it('keeps words without a following character as fixed strings', () => {
    expect(grepPatterns({ words: ['Config'] })).toEqual({ patterns: ['Config'], regex: false });
  });

  it('joins the words into one extended regex with a literal bracket set', () => {
    expect(grepPatterns({ words: ['NewA', 'a$b'], next: '([' })).toEqual({ patterns: ['(NewA|a\\$b)[ \t]*[([]'], regex: true });
    expect(grepPatterns({ words: ['T'], next: '{[]' })).toEqual({ patterns: ['T[ \t]*[]{[]'], regex: true });
  });

  it('also accepts the words renamed by an import when asked (`make as mk`)', () => {
    expect(grepPatterns({ words: ['make'], next: '(', renamedBy: 'as' })).toEqual({ patterns: ['make([ \t]*[(]|[ \t]+as[ \t])'], regex: true });
  });
});

describe('occursRenamed', () => {
  it('finds a word followed by spaces, the keyword and a space', () => {
    expect(occursRenamed("import { make as mk } from './m';", 'make', 'as')).toBe(true);
    expect(occursRenamed('from m import make\tas mk', 'make', 'as')).toBe(true);
  });

  it('does not find a longer name, a keyword run into the next word, or no space before it', () => {
    expect(occursRenamed('import { remake as mk }', 'make', 'as')).toBe(false);
    expect(occursRenamed('make assert(x)', 'make', 'as')).toBe(false);
    expect(occursRenamed('makeas x', 'make', 'as')).toBe(false);
  });
});

describe('argumentOccurrences', () => {
  it('finds a word that is the sole argument of the call, bare or package-qualified, spaced or not', () => {
    const text = 'a := new(T); b := new( pkg.T ); c := new\t(T)';
    expect(argumentOccurrences(text, 'T', ['new'])).toEqual([text.indexOf('T)'), text.indexOf('T )'), text.lastIndexOf('T)')]);
  });

  it('does not find another call, a longer name, or one argument among several', () => {
    expect(argumentOccurrences('renew(T); new(TT); new(XT); new(T, 1); f(T)', 'T', ['new'])).toEqual([]);
  });
});

describe('occursAsWord', () => {
  it('finds a word between non-identifier characters, at either end of the text too', () => {
    expect(occursAsWord('import "archive/tar"', 'tar')).toBe(true);
    expect(occursAsWord('tar.NewReader(f)', 'tar')).toBe(true);
    expect(occursAsWord('x := tar', 'tar')).toBe(true);
  });

  it('does not find a word inside a longer identifier', () => {
    expect(occursAsWord('start(target, tar_x, $tar)', 'tar')).toBe(false);
  });
});

describe('regex prefilter through git grep -E', () => {
  let repo: TempRepo;
  const readers: Repository[] = [];

  beforeAll(async () => {
    repo = tempRepo();
    repo.write('spaced.go', 'package a\n\nvar x = T  \t {}\n');
    repo.write('elided.go', 'package a\n\nvar m = map[T]int{{}: 1}\n');
    repo.write('prose.go', 'package a\n\n// T is a type; T (the type) and T. are prose.\n');
    repo.write('renamed.ts', "import { make as mk } from './m';\n");
    repo.commit('files');
    readers.push(await openRepository({ dir: repo.dir }), await openRepository({ dir: repo.dir, revision: 'HEAD' }));
  });
  afterAll(async () => {
    for (const reader of readers) await reader.close();
    repo.remove();
  });

  it('finds T before {, [ or ] across a run of spaces and tabs, and skips prose, in the working tree and at a revision', async () => {
    const { patterns, regex } = grepPatterns({ words: ['T'], next: '{[]' });
    for (const reader of readers) {
      expect((await reader.filesContaining(patterns, { extensions: ['.go'], regex })).sort()).toEqual(['elided.go', 'spaced.go']);
    }
  });

  it('means the same to git grep -E and -P (git falls back to -E without PCRE)', () => {
    const { patterns } = grepPatterns({ words: ['T', 'U'], next: '{[]' });
    const files = (mode: string): string => repo.git('grep', '-l', mode, ...patterns.flatMap((p) => ['-e', p]));
    expect(files('-E')).toBe('elided.go\nspaced.go');
    expect(files('-P')).toBe(files('-E'));
    const renamed = grepPatterns({ words: ['make', 'U'], next: '([', renamedBy: 'as' }).patterns;
    const renamedFiles = (mode: string): string => repo.git('grep', '-l', mode, ...renamed.flatMap((p) => ['-e', p]));
    expect(renamedFiles('-E')).toBe('renamed.ts');
    expect(renamedFiles('-P')).toBe(renamedFiles('-E'));
  });
});

describe('mayConstruct of TypeScript and Python', () => {
  const header = parseTypeQuery('Header');

  it('rules out a file that spells the name only inside longer identifiers (minified code)', () => {
    expect(typescriptModule.mayConstruct('var paperHeader=1,HeaderX=2;', header)).toBe(false);
    expect(pythonModule.mayConstruct('class MyHeaderBase: pass\n', header)).toBe(false);
  });

  it('keeps a file that names the type as a word, renamed imports and module access included', () => {
    expect(typescriptModule.mayConstruct("import { Header as H } from './h';\nconst h: H = {};\n", header)).toBe(true);
    expect(typescriptModule.mayConstruct("import * as m from './h';\nconst h = {} as m.Header;\n", header)).toBe(true);
    expect(pythonModule.mayConstruct('from h import Header as H\nH()\n', header)).toBe(true);
  });
});
