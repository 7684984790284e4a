/**
 * The held-out superpowers plans are real public plans kept apart from the tuned set: nothing here is
 * labelled, and the rules must not be tuned on them. Like the tuned fixtures, every file must be
 * traceable to its source under a license that allows redistribution (SOURCES.md), and short.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/plan/parse.js';

const DIR = fileURLToPath(new URL('./fixtures/superpowers-heldout/', import.meta.url));
const TUNED = fileURLToPath(new URL('./fixtures/superpowers/', import.meta.url));
const PERMISSIVE = new Set(['MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'CC-BY-4.0']);

const sources = readFileSync(`${DIR}SOURCES.md`, 'utf8');
const fixtureFiles = readdirSync(DIR).filter((f) => f.endsWith('.md') && f.includes('__')).sort();
const repoOf = (file: string): string => file.split('__').slice(0, 2).join('/');

/** The SOURCES.md row for a fixture: | `file` | repo | `path` | `commit` | license | trimmed | */
function sourceRow(file: string): string[] | undefined {
  const row = sources.split('\n').find((l) => l.startsWith(`| \`${file}\` |`));
  return row?.split(' | ').map((c) => c.replace(/^\|? ?`?|`? ?\|?$/g, ''));
}

describe('held-out superpowers plans', () => {
  it('holds at least 15 real plans from at least 8 repositories', () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(15);
    expect(new Set(fixtureFiles.map(repoOf)).size).toBeGreaterThanOrEqual(8);
  });

  it('shares no repository with the tuned set', () => {
    const tuned = new Set(readdirSync(TUNED).filter((f) => f.endsWith('.md') && f.includes('__')).map(repoOf));
    for (const file of fixtureFiles) expect(tuned.has(repoOf(file)), file).toBe(false);
  });

  it.each(fixtureFiles)('%s is listed in SOURCES.md with a permissive license', (file) => {
    const row = sourceRow(file);
    expect(row, 'row in SOURCES.md').toBeDefined();
    const [, repo, path, commit, license] = row ?? [];
    expect(file.startsWith(`${repo?.replace('/', '__')}__`), `${file} is named after ${repo}`).toBe(true);
    expect(path).toMatch(/\.md$/);
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    expect(PERMISSIVE.has(license ?? ''), `license ${license}`).toBe(true);
  });

  it.each(fixtureFiles)('%s is recognized as a superpowers plan, at its own path and without one', (file) => {
    const text = readFileSync(`${DIR}${file}`, 'utf8');
    for (const path of [sourceRow(file)?.[2] ?? file, 'plan.md']) {
      const plan = parsePlan(text, path);
      expect(plan.format, `${path}: ${plan.formatReason}`).toBe('superpowers');
    }
  });

  it('lists no file that is not here, and keeps every file short', () => {
    const listed = sources.split('\n').flatMap((l) => /^\| `([^`]+\.md)` \|/.exec(l)?.[1] ?? []).sort();
    expect(listed).toEqual(fixtureFiles);
    for (const file of fixtureFiles) expect(readFileSync(`${DIR}${file}`, 'utf8').split('\n').length, file).toBeLessThan(300);
  });
});
