/**
 * The superpowers plan fixtures are real public plans, trimmed: every one must be traceable to its
 * source under a license that allows redistribution (SOURCES.md), and labelled (labels.json) with
 * findings whose quoted text really stands at the cited line — of the excerpt, or of the corpus plan
 * for the corpus entries. These labels are the hand-judged truth the superpowers rules are measured
 * against, so a label that drifts from its text must fail here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/plan/parse.js';

interface Violation {
  rule: string;
  line: number;
  quote: string;
  reason: string;
  confidence: 'clear' | 'borderline';
}
interface Entry {
  file: string;
  source?: { repo: string; path: string; commit: string; license: string };
  tasks_total: number | null;
  shape: Record<string, unknown>;
  notes: string;
  violations: Violation[];
}

const DIR = fileURLToPath(new URL('./fixtures/superpowers/', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../shared/corpus/plans/', import.meta.url));
const PERMISSIVE = new Set(['MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'CC-BY-4.0']);

const labels = JSON.parse(readFileSync(`${DIR}labels.json`, 'utf8')) as { fixtures: Entry[]; corpus: Entry[] };
const sources = readFileSync(`${DIR}SOURCES.md`, 'utf8');
const rules = readFileSync(`${DIR}RULES.md`, 'utf8');
const fixtureFiles = readdirSync(DIR).filter((f) => f.endsWith('.md') && f.includes('__')).sort();

/** The SOURCES.md row for a fixture: | `file` | repo | `path` | `commit` | license | trimmed | */
function sourceRow(file: string): string[] | undefined {
  const row = sources.split('\n').find((l) => l.startsWith(`| \`${file}\` |`));
  return row?.split(' | ').map((c) => c.replace(/^\|? ?`?|`? ?\|?$/g, ''));
}

/** True when the quote occurs in the lines starting at `line` (1-based), spanning as many lines as it has. */
function standsAt(text: string, line: number, quote: string): boolean {
  const lines = text.split('\n');
  return lines.slice(line - 1, line - 1 + quote.split('\n').length).join('\n').includes(quote);
}

describe('superpowers plan fixtures', () => {
  it('holds at least 30 real plans from at least 10 repositories', () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(30);
    const repos = new Set(fixtureFiles.map((f) => f.split('__').slice(0, 2).join('/')));
    expect(repos.size).toBeGreaterThanOrEqual(10);
  });

  it.each(fixtureFiles)('%s is listed in SOURCES.md with a permissive license and in labels.json', (file) => {
    const row = sourceRow(file);
    expect(row, 'row in SOURCES.md').toBeDefined();
    const [, repo, path, commit, license] = row ?? [];
    expect(file.startsWith(`${repo?.replace('/', '__')}__`), `${file} is named after ${repo}`).toBe(true);
    expect(path).toMatch(/\.md$/);
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    expect(PERMISSIVE.has(license ?? ''), `license ${license}`).toBe(true);
    const entry = labels.fixtures.find((e) => e.file === file);
    expect(entry, 'entry in labels.json').toBeDefined();
    expect(entry?.source).toEqual({ repo, path, commit, license });
  });

  it('labels no file that is not here, and keeps every excerpt short', () => {
    expect(labels.fixtures.map((e) => e.file).sort()).toEqual(fixtureFiles);
    for (const file of fixtureFiles) expect(readFileSync(`${DIR}${file}`, 'utf8').split('\n').length, file).toBeLessThan(300);
  });

  it('uses only rule ids that RULES.md defines', () => {
    for (const entry of [...labels.fixtures, ...labels.corpus]) {
      for (const v of entry.violations) expect(rules.includes(`\`${v.rule}\``), `${entry.file}: ${v.rule}`).toBe(true);
    }
  });

  it.each(labels.fixtures.map((e) => [e.file, e] as const))('%s is recognized as a superpowers plan at its own path', (file, entry) => {
    const plan = parsePlan(readFileSync(`${DIR}${file}`, 'utf8'), entry.source!.path);
    expect(plan.format, plan.formatReason).toBe('superpowers');
  });

  it.each(labels.fixtures.map((e) => [e.file, e] as const))('%s: every quoted finding stands at its line', (file, entry) => {
    const text = readFileSync(`${DIR}${file}`, 'utf8');
    for (const v of entry.violations) expect(standsAt(text, v.line, v.quote), `${file}:${v.line} ${v.rule}`).toBe(true);
  });
});

describe.skipIf(!existsSync(CORPUS))('superpowers plans in the corpus', () => {
  it('labels exactly the corpus plans marked kind "superpowers"', () => {
    const formats = JSON.parse(readFileSync(new URL('./precision/corpus-formats.json', import.meta.url), 'utf8')) as {
      labels: Array<{ file: string; kind?: string }>;
    };
    const superpowers = formats.labels.filter((l) => l.kind === 'superpowers').map((l) => l.file).sort();
    expect(labels.corpus.map((e) => e.file).sort()).toEqual(superpowers);
  });

  it.each(labels.corpus.map((e) => [e.file, e] as const))('%s: every quoted finding stands at its line', (file, entry) => {
    const text = readFileSync(`${CORPUS}${file}`, 'utf8');
    for (const v of entry.violations) expect(standsAt(text, v.line, v.quote), `${file}:${v.line} ${v.rule}`).toBe(true);
  });
});
