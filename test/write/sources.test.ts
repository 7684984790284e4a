import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/errors.js';
import { loadFileSource } from '../../src/write/sources/file.js';
import { parseHeadings } from '../../src/write/sources/headings.js';
import { loadMacroSection, selectSection, words } from '../../src/write/sources/macro-section.js';
import { loadStdinSource } from '../../src/write/sources/stdin.js';
import { MAX_SOURCE_BYTES } from '../../src/write/sources/text.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/sources');
const MACRO = join(FIXTURES, 'macro-plan.md');
const KV = join(FIXTURES, 'kv-capacity-macro-plan.md');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'microplan-sources-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<InputError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}

describe('markdown file source', () => {
  it('loads the text with the first top-level heading as the title', async () => {
    await writeFile(join(dir, 'issue.md'), '\uFEFF## Context\n\n# Add KV offload\n\nBody\n');
    const source = await loadFileSource('issue.md', { cwd: dir });
    expect(source).toEqual({ kind: 'file', title: 'Add KV offload', text: '## Context\n\n# Add KV offload\n\nBody\n', origin: 'issue.md' });
  });

  it('falls back to the file name when there is no heading', async () => {
    await writeFile(join(dir, 'notes.md'), 'just text\n');
    expect((await loadFileSource(join(dir, 'notes.md'))).title).toBe('notes');
  });

  it('names a missing file', async () => {
    expect((await rejection(loadFileSource('nope.md', { cwd: dir }))).message).toBe('nope.md does not exist');
  });

  it('refuses a directory', async () => {
    await mkdir(join(dir, 'docs'), { recursive: true });
    expect((await rejection(loadFileSource('docs', { cwd: dir }))).message).toBe('docs is a directory; pass a Markdown file');
  });

  it('refuses a binary file', async () => {
    await writeFile(join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    expect((await rejection(loadFileSource('image.md', { cwd: dir }))).message).toMatch(/^image\.md looks like a binary file/);
  });

  it('refuses text that is not UTF-8 and says where the first bad byte is', async () => {
    await writeFile(join(dir, 'latin1.md'), Buffer.concat([Buffer.from('# Title\nok\ncaf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect((await rejection(loadFileSource('latin1.md', { cwd: dir }))).message).toBe(
      'latin1.md is not valid UTF-8 (first bad byte at line 3, byte offset 14); re-save it as UTF-8',
    );
  });

  it('refuses overlong encodings and surrogates, which TextDecoder would replace silently', async () => {
    for (const bytes of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]) {
      await writeFile(join(dir, 'bad.md'), Buffer.from(bytes));
      await rejection(loadFileSource('bad.md', { cwd: dir }));
    }
  });

  it('refuses a file over 5 MB before reading it', async () => {
    await writeFile(join(dir, 'huge.md'), Buffer.alloc(MAX_SOURCE_BYTES + 1, 0x61));
    expect((await rejection(loadFileSource('huge.md', { cwd: dir }))).message).toMatch(/^huge\.md is 5 MB; sources are limited to 5 MB/);
  });
});

describe('stdin source', () => {
  it('reads piped bytes split anywhere, even inside a UTF-8 character', async () => {
    const bytes = Buffer.from('# Fix the router ✓\n\ndetails\n');
    const input = Readable.from([bytes.subarray(0, 18), bytes.subarray(18)]);
    expect(await loadStdinSource(input)).toEqual({ kind: 'stdin', title: 'Fix the router ✓', text: '# Fix the router ✓\n\ndetails\n', origin: 'stdin' });
  });

  it('refuses a terminal instead of waiting for typing', async () => {
    const input = Object.assign(Readable.from([]), { isTTY: true });
    expect((await rejection(loadStdinSource(input))).message).toMatch(/^stdin is a terminal/);
  });

  it('refuses empty input and input over 5 MB', async () => {
    expect((await rejection(loadStdinSource(Readable.from([Buffer.from('  \n')])))).message).toMatch(/^stdin was empty/);
    const big = Readable.from([Buffer.alloc(MAX_SOURCE_BYTES), Buffer.alloc(10)]);
    expect((await rejection(loadStdinSource(big))).message).toMatch(/^stdin is larger than 5 MB/);
  });
});

describe('markdown headings', () => {
  it('ignores "#" lines inside fenced code and reads setext headings and inline markup', () => {
    const headings = parseHeadings('Intro\n=====\n\n```bash\n# not a heading\n```\n\n## The `Foo` **bar**\ntext\n\n### Child\n\n## Next\n');
    expect(headings.map((h) => [h.level, h.text, h.line, h.endLine, h.parent])).toEqual([
      [1, 'Intro', 1, 14, undefined],
      [2, 'The Foo bar', 8, 12, 0],
      [3, 'Child', 11, 12, 1],
      [2, 'Next', 13, 14, 0],
    ]);
  });

  it('finds the real headings of the macro-plan fixture, not the comments in its code blocks', async () => {
    const { readFile } = await import('node:fs/promises');
    const texts = parseHeadings(await readFile(MACRO, 'utf8')).map((h) => h.text);
    expect(texts).toContain('PR 4: ClusterSimulator with Event Loop');
    expect(texts.some((t) => t.startsWith('CI test'))).toBe(false);
  });
});

describe('macro-plan section source', () => {
  it('selects "Phase 2, PR 5" under its phase, from the heading to the end of its section', async () => {
    const source = await loadMacroSection(MACRO, 'Phase 2, PR 5');
    expect(source.kind).toBe('macro-section');
    expect(source.title).toBe('PR 5: AdmissionPolicy Interface');
    expect(source.text.startsWith('#### PR 5: AdmissionPolicy Interface\n')).toBe(true);
    expect(source.text).toContain('AlwaysAdmit');
    expect(source.text).not.toContain('PR 6: PriorityPolicy');
    expect(source.origin).toBe(
      `${MACRO}, section "BLIS Evolutionary Policy Optimization: Macro-Level Implementation Plan › I) PR Plan (Restructured) › Phase 2: Policy Interfaces (Parallelizable) › PR 5: AdmissionPolicy Interface" (lines 111–123)`,
    );
  });

  it('is tolerant of case, punctuation and spacing', async () => {
    const markdown = await (await import('node:fs/promises')).readFile(MACRO, 'utf8');
    for (const selector of ['phase 2 > pr5', 'PHASE 2: , PR-5', 'Phase 2 › PR 5', 'pr 5']) {
      expect(selectSection(markdown, selector, 'plan').heading.text).toBe('PR 5: AdmissionPolicy Interface');
    }
  });

  it('selects a whole phase with all its PRs', async () => {
    const source = await loadMacroSection(MACRO, 'Phase 1');
    expect(source.title).toBe('Phase 1: Foundation (Sequential)');
    for (const pr of ['PR 1:', 'PR 2:', 'PR 3:', 'PR 4:']) expect(source.text).toContain(pr);
    expect(source.text).not.toContain('Phase 2');
  });

  it('does not take "PR 1" for "PR 10"', async () => {
    const markdown = await (await import('node:fs/promises')).readFile(MACRO, 'utf8');
    expect(selectSection(markdown, 'PR 1', 'plan').heading.text).toBe('PR 1: PartitionedRNG and SimulationKey');
    expect(selectSection(markdown, 'Phase 3, PR 10', 'plan').heading.text).toBe('PR 10: KVTier Types and Configuration');
  });

  it('prefers the heading that starts with the selector over one that mentions it', async () => {
    const source = await loadMacroSection(KV, 'PR 1');
    expect(source.title).toBe('PR 1: Add GPU Memory Capacity to Hardware Config');
    expect(source.text).not.toContain('PR 2: Auto-Calculate');
  });

  it('matches words inside a heading when nothing starts with them', async () => {
    expect((await loadMacroSection(MACRO, 'ClusterSimulator')).title).toBe('PR 4: ClusterSimulator with Event Loop');
  });

  it('says where the PR really is when it sits under another phase, and lists the headings', async () => {
    const err = await rejection(loadMacroSection(MACRO, 'Phase 2, PR 4'));
    expect(err.message).toContain(`no heading in ${MACRO} matches --section "Phase 2, PR 4".`);
    expect(err.message).toContain('line 89: BLIS Evolutionary Policy Optimization: Macro-Level Implementation Plan › I) PR Plan (Restructured) › Phase 1: Foundation (Sequential) › PR 4: ClusterSimulator with Event Loop');
    expect(err.message).toContain('Headings:');
    expect(err.message).toMatch(/line 105: {3}\s*### Phase 2: Policy Interfaces \(Parallelizable\)/);
  });

  it('lists the headings when nothing matches at all', async () => {
    const err = await rejection(loadMacroSection(KV, 'Phase 9'));
    expect(err.message.split('\n')).toEqual([
      `no heading in ${KV} matches --section "Phase 9".`,
      'Headings:',
      '  line 3:    # KV Capacity Auto-Calculation Macro Plan',
      '  line 17:     ## I) PR Plan',
      '  line 19:       ### PR 1: Add GPU Memory Capacity to Hardware Config',
      '  line 27:       ### PR 2: Auto-Calculate KV Blocks in Roofline Mode (depends on PR 1)',
      '  line 39:     ## J) Dependency DAG',
    ]);
  });

  it('asks for an enclosing heading when the selector is ambiguous', () => {
    const markdown = '# Plan\n## Phase 1\n### Tests\na\n## Phase 2\n### Tests\nb\n';
    expect(() => selectSection(markdown, 'Tests', 'plan.md')).toThrow(/matches 2 headings in plan\.md; add an enclosing heading/);
    expect(selectSection(markdown, 'Phase 2, Tests', 'plan.md').text).toBe('### Tests\nb\n');
  });

  it('rejects an empty selector and a file without headings', () => {
    expect(() => selectSection('# A\n', ' , ', 'plan.md')).toThrow(/names no heading/);
    expect(() => selectSection('no headings\n', 'PR 1', 'plan.md')).toThrow(/has no Markdown headings/);
  });

  it('splits words at letter-digit boundaries and drops accents and punctuation', () => {
    expect(words('PR4a: Résumé (v2)')).toEqual(['pr', '4', 'a', 'resume', 'v', '2']);
  });
});
