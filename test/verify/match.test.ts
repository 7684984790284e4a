import { describe, expect, it } from 'vitest';
import { contractRefs, fileMatches, matchCommits, type TaskPromise } from '../../src/verify/match.js';
import type { CommitInfo } from '../../src/verify/types.js';

const PREFIXES = new Set(['BC', 'NC', 'EC']);

function commit(sha: string, subject: string, files: string[]): CommitInfo {
  return { sha: sha.padEnd(40, '0'), parents: [], subject, message: subject, files };
}

const tasks: TaskPromise[] = [
  { number: 1, subject: 'feat(slug): lower-case hyphenated slugs (BC-1)', contracts: ['BC-1'], files: ['src/slug.js', 'test/slug.test.js'] },
  { number: 2, subject: 'feat(slug): strip punctuation (BC-2)', contracts: ['BC-2'], files: ['src/slug.js', 'test/punctuation.test.js'] },
  { number: 3, subject: 'feat(slug): reject empty titles (BC-3)', contracts: ['BC-3'], files: ['src/slug.js', 'test/empty.test.js'] },
];

describe('matchCommits', () => {
  it('matches commits to tasks by their exact subjects', () => {
    const commits = [
      commit('a', 'feat(slug): lower-case hyphenated slugs (BC-1)', ['src/slug.js', 'test/slug.test.js']),
      commit('b', 'feat(slug): strip punctuation (BC-2)', ['src/slug.js', 'test/punctuation.test.js']),
      commit('c', 'feat(slug): reject empty titles (BC-3)', ['src/slug.js', 'test/empty.test.js']),
    ];
    const m = matchCommits(tasks, commits, PREFIXES);
    expect(m.commitsOf).toEqual([[0], [1], [2]]);
    expect(m.outOfOrder.size).toBe(0);
  });

  it('matches reworded subjects by contract references and file overlap', () => {
    const commits = [
      commit('a', 'feat: slugs from words (BC-1)', ['src/slug.js', 'test/slug.test.js']),
      commit('b', 'feat: drop commas and bangs', ['src/slug.js', 'test/punctuation.test.js']),
      commit('c', 'fix(slug): refuse blank input (BC-3)', ['src/slug.js', 'test/empty.test.js']),
    ];
    expect(matchCommits(tasks, commits, PREFIXES).commitsOf).toEqual([[0], [1], [2]]);
  });

  it('gives a task both its red commit and its green commit', () => {
    const commits = [
      commit('a', 'feat(slug): lower-case hyphenated slugs (BC-1)', ['src/slug.js', 'test/slug.test.js']),
      commit('b', 'test(slug): cover punctuation (BC-2)', ['test/punctuation.test.js']),
      commit('c', 'feat(slug): strip punctuation (BC-2)', ['src/slug.js']),
    ];
    expect(matchCommits(tasks, commits, PREFIXES).commitsOf).toEqual([[0], [1, 2], []]);
  });

  it('leaves a commit without evidence for any task unassigned', () => {
    const commits = [
      commit('a', 'feat(slug): lower-case hyphenated slugs (BC-1)', ['src/slug.js', 'test/slug.test.js']),
      commit('b', 'chore: bump version to 0.2.0', ['package.json']),
    ];
    const m = matchCommits(tasks, commits, PREFIXES);
    expect(m.taskOf).toEqual([0, undefined]);
  });

  it('does not give a task a commit that names only another task\'s contract', () => {
    const commits = [commit('a', 'feat: tidy (BC-2)', ['src/slug.js'])];
    const m = matchCommits(tasks, commits, PREFIXES);
    expect(m.taskOf).toEqual([1]);
  });

  it('attaches a strong match that breaks the plan order and flags it', () => {
    const commits = [
      commit('a', 'feat(slug): lower-case hyphenated slugs (BC-1)', ['src/slug.js', 'test/slug.test.js']),
      commit('b', 'feat(slug): reject empty titles (BC-3)', ['src/slug.js', 'test/empty.test.js']),
      commit('c', 'feat(slug): strip punctuation (BC-2)', ['src/slug.js', 'test/punctuation.test.js']),
    ];
    const m = matchCommits(tasks, commits, PREFIXES);
    expect(m.commitsOf.map((c) => c.length)).toEqual([1, 1, 1]);
    expect(m.outOfOrder.size).toBe(1);
  });

  it('recognises an explicit "Task N" in the message', () => {
    const commits = [commit('a', 'wip', ['docs/notes.md']), commit('b', 'finish Task 3', ['README.md'])];
    expect(matchCommits(tasks, commits, PREFIXES).taskOf).toEqual([undefined, 2]);
  });
});

describe('contractRefs', () => {
  it('reads ids with the plan\'s prefixes only, normalised', () => {
    expect(contractRefs('feat: x (BC-01, NC-2); see RFC-7 and UTF-8', PREFIXES)).toEqual(['BC-1', 'NC-2']);
  });
});

describe('fileMatches', () => {
  it('matches exact paths, ./ prefixes, directories and globs', () => {
    expect(fileMatches('./src/slug.js', 'src/slug.js')).toBe(true);
    expect(fileMatches('src/', 'src/a/b.js')).toBe(true);
    expect(fileMatches('src', 'src/a/b.js')).toBe(true);
    expect(fileMatches('sim/*_test.go', 'sim/a_test.go')).toBe(true);
    expect(fileMatches('sim/*_test.go', 'sim/x/a_test.go')).toBe(false);
    expect(fileMatches('sim/**/*.go', 'sim/x/a.go')).toBe(true);
    expect(fileMatches('src/slug.js', 'src/slug.jsx')).toBe(false);
  });
});
