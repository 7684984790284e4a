/** Regular expressions from a config never hang the linter (src/config/bounded-regex.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBounded, nestedRepetition, regexProblem } from '../../src/config/bounded-regex.js';
import { md } from '../helpers.js';
import { cli, tempDir } from '../cli/run-cli.js';

const NEAR_MISS = 'TestAbcdefghijklmnopqrstuvwxyzAbcdefghij';

describe('bounded config patterns', () => {
  it('runs a catastrophic pattern on a near-miss in linear time', () => {
    const re = compileBounded('^([A-Za-z]+)+_$')!;
    const start = performance.now();
    expect(re.test(NEAR_MISS)).toBe(false);
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('accepts the patterns init writes and plain ones', () => {
    for (const p of ['^Test[A-Z][A-Za-z0-9]*_[A-Za-z0-9]+_[A-Za-z0-9_]+$', '^\\S.* › \\S.*$', '^test_[a-z0-9]+_[a-z0-9_]+$', '^(?!skip)[a-z]+$']) {
      expect(regexProblem(p), p).toBeUndefined();
    }
  });

  it('refuses a pattern that needs backtracking and repeats a repeating group, naming the group', () => {
    expect(regexProblem('^(a+)+(?=b)')).toMatch(/^can take exponential time on a near-miss \(the repeated group "\(a\+\)\+" repeats inside itself/);
    expect(regexProblem('([a-z]*)')).toBeUndefined();
    expect(regexProblem('(')).toMatch(/^is not a valid regular expression/);
  });

  it('finds nested repetition through escapes, classes and outer groups', () => {
    expect(nestedRepetition('^((?:\\w[a-z]*)x)*$')).toBe('((?:\\w[a-z]*)x)*');
    expect(nestedRepetition('^(\\(+)x$')).toBeUndefined();
    expect(nestedRepetition('^([+*]x)+$')).toBeUndefined();
    expect(nestedRepetition('^(a{2,})+$')).toBe('(a{2,})+');
  });
});

describe('microplan lint with a catastrophic testNamePattern', () => {
  it('finishes, reporting the test name the pattern does not match', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'p'));
    writeFileSync(join(dir, 'microplan.config.yaml'), "language: go\ntestNamePattern: '^([A-Za-z]+)+_$'\n");
    writeFileSync(
      join(dir, 'p', 'plan.md'),
      md('# Widget Implementation Plan', '', '## Behavioral Contracts', '', 'BC-1: Cached', '- GIVEN a widget', '- WHEN read', '- THEN cached', '', '## Test Strategy', '', '| Contract | Test |', '|---|---|', `| BC-1 | ${NEAR_MISS} |`),
    );
    const r = cli(['lint', '--rule', 'test-name-pattern', '--format', 'json', 'p/plan.md'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`Test name \\"${NEAR_MISS}\\" does not match`);
  });

  it('refuses, exit 2 naming the file and key, a catastrophic pattern the linear engine cannot run', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'microplan.config.yaml'), "testNamePattern: '^(a+)+(?=b)'\n");
    writeFileSync(join(dir, 'plan.md'), '# x\n');
    const r = cli(['lint', 'plan.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^microplan: microplan\.config\.yaml: testNamePattern: can take exponential time/);
  });
});
