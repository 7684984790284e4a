/**
 * One reading of the globs plans write, shared by the Files check, the file map and verify.
 */
import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../../src/ground/glob.js';

const matches = (glob: string, path: string): boolean => globToRegExp(glob).test(path);

describe('globToRegExp', () => {
  it('keeps * and ? inside one directory', () => {
    expect(matches('sim/workload/*.yaml', 'sim/workload/a.yaml')).toBe(true);
    expect(matches('sim/workload/*.yaml', 'sim/workload/x/a.yaml')).toBe(false);
    expect(matches('src/a?.go', 'src/ab.go')).toBe(true);
  });

  it('lets ** cross directories, none included, but not join names', () => {
    expect(matches('tests/**/*.cs', 'tests/A.cs')).toBe(true);
    expect(matches('tests/**/*.cs', 'tests/x/y/A.cs')).toBe(true);
    expect(matches('src/**/b.go', 'src/xb.go')).toBe(false);
  });

  it('reads {x,y} as alternatives and other characters literally', () => {
    expect(matches('src/{Parser,Emitter}.cs', 'src/Emitter.cs')).toBe(true);
    expect(matches('src/{Parser,Emitter}.cs', 'src/Other.cs')).toBe(false);
    expect(matches('a+b.(x).go', 'a+b.(x).go')).toBe(true);
  });
});
