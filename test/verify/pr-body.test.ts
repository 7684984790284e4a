import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse.js';
import { checkReportMatchesPlan, closingLines, renderPrBody } from '../../src/verify/pr-body.js';
import { EXAMPLE_PLAN, makeExample, removeTempDirs, runCli, shaOf, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const plan = parsePlan(readFileSync(EXAMPLE_PLAN, 'utf8'), EXAMPLE_PLAN);

describe('renderPrBody', () => {
  it('writes the summary, the contracts condensed, the planned tests and the closing keywords', () => {
    expect(renderPrBody(plan)).toBe(
      [
        '## Summary',
        '',
        'Turn a page title such as "Hello, World!" into a short, readable web address such as "hello-world".',
        '',
        '**What this PR adds:**',
        '1. Readable slugs — "Release Notes 2024" becomes "release-notes-2024", and "Hello, World!" becomes "hello-world".',
        '2. Accent folding — "Crème Brûlée" becomes "creme-brulee" instead of losing its letters.',
        '3. Bounded length — a long title stops at the last whole word within 60 characters, never in the middle of a word.',
        '4. Clear rejection — a title with nothing usable in it ("   ", "!?") raises an error instead of producing an empty address.',
        '',
        '**Why this matters:** Readable addresses are the first step towards shareable links; the page router in the next PR builds on this helper.',
        '',
        '## Behavioral Contracts',
        '',
        '**Behavioral**',
        '',
        '- **BC-1: Words become a lower-case hyphenated slug** — GIVEN a title made of words separated by spaces; WHEN slugify is called with it; THEN it returns the words in lower case joined by single hyphens',
        '- **BC-2: Punctuation is dropped** — GIVEN a title containing punctuation such as commas and exclamation marks; WHEN slugify is called with it; THEN the slug contains only lower-case letters, digits and hyphens',
        '- **BC-3: Accented letters are folded** — GIVEN a title with accented letters such as "è", "û" or "à"; WHEN slugify is called with it; THEN each accented letter appears in the slug as its plain letter',
        '- **BC-4: Word separators become hyphens** — GIVEN a title whose words are joined by underscores, slashes or hyphens; WHEN slugify is called with it; THEN those words are separated by single hyphens in the slug',
        '',
        '**Negative**',
        '',
        '- **BC-5: A slug MUST NOT change when slugified again** — GIVEN a string that is already a slug; WHEN slugify is called with it; THEN it returns the same string unchanged',
        '- **BC-6: Long slugs MUST NOT exceed 60 characters or end in a partial word** — GIVEN a title whose slug would be longer than 60 characters; WHEN slugify is called with it; THEN the slug is at most 60 characters long and ends with the last whole word that fits',
        '',
        '**Error handling**',
        '',
        '- **BC-7: Titles with nothing to slugify are rejected** — GIVEN a title that is empty, only whitespace, or only punctuation; WHEN slugify is called with it; THEN the call fails with an error whose message quotes the title and says nothing is left to make a slug from',
        '',
        '## Test Verification',
        '',
        '| Contract | Task | Type | Test |',
        '|---|---|---|---|',
        '| BC-1 | Task 1 | Unit | `slugify joins lower-case words with hyphens` |',
        '| BC-2 | Task 2 | Unit | `slugify drops punctuation` |',
        '| BC-3 | Task 3 | Unit | `slugify folds accented letters to plain ones` |',
        '| BC-4 | Task 4 | Unit | `slugify turns underscores and slashes into hyphens` |',
        '| BC-5 | Task 4 | Invariant | `slugify leaves an existing slug unchanged` |',
        '| BC-6 | Task 5 | Unit | `slugify cuts a long slug after the last whole word` |',
        '| BC-7 | Task 6 | Failure | `slugify rejects an empty title` |',
        '',
        '_Not verified: run `microplan verify <plan> --base <rev> --format json` and pass it with `--verify`._',
        '',
        'Fixes #12',
        '',
      ].join('\n'),
    );
  });

  it('shows each task ✓/✗ with its problems from a verify report', () => {
    const body = renderPrBody(plan, {
      ok: false,
      base: 'a'.repeat(40),
      head: 'b'.repeat(40),
      ran: true,
      tasks: [
        { task: 1, title: 'Lower-case hyphenated slugs', commits: ['c'.repeat(40)], ok: true, problems: [] },
        { task: 2, title: 'Strip punctuation', commits: ['d'.repeat(40)], ok: false, problems: [{ kind: 'red-passed', message: 'Task 2 … did not fail.' }] },
      ],
      problems: [{ kind: 'orphan-commit', message: 'Commit e … belongs to no task.' }],
      commits: [
        { sha: 'f'.repeat(40), subject: 'docs(plans): add the plan', group: 'plan' },
        { sha: 'c'.repeat(40), subject: 'feat: one', group: 'task' },
        { sha: 'd'.repeat(40), subject: 'feat: two', group: 'task' },
        { sha: 'e'.repeat(40), subject: 'fix: address review', group: 'follow-up' },
        { sha: '1'.repeat(40), subject: 'fix: round 2', group: 'follow-up' },
      ],
    });
    const section = body.slice(body.indexOf('## Test Verification'), body.indexOf('Fixes #12'));
    expect(section).toBe(
      [
        '## Test Verification',
        '',
        '`microplan verify` on aaaaaaa..bbbbbbb: ✗ 1 of 2 tasks broke a promise (history checked, red → green steps replayed).',
        '',
        '- ✓ Task 1: Lower-case hyphenated slugs (ccccccc)',
        '- ✗ Task 2: Strip punctuation (ddddddd)',
        '  - red-passed: Task 2 … did not fail.',
        '',
        'Other commits: 1 commit of the plan itself, 2 follow-ups and review fixes.',
        '',
        '**Plan-wide:**',
        '',
        '- ✗ orphan-commit: Commit e … belongs to no task.',
        '',
        '',
      ].join('\n'),
    );
  });
});

describe('closingLines', () => {
  it('gives every issue its own closing keyword', () => {
    expect(closingLines('Fixes #183, fixes #189, #195')).toEqual(['Fixes #183', 'Fixes #189', 'Fixes #195']);
    expect(closingLines('Closes #42')).toEqual(['Closes #42']);
    expect(closingLines('#7 and org/repo#8')).toEqual(['Closes #7', 'Closes org/repo#8']);
  });

  it('gives nothing for N/A', () => {
    expect(closingLines('N/A — source is macro plan, no linked issues')).toEqual([]);
  });
});

describe('microplan pr-body', () => {
  it('reads the JSON that verify --format json wrote', async () => {
    const dir = await makeExample('good');
    const v = await runCli('verify', EXAMPLE_PLAN, '--repo', dir, '--base', 'main', '--format', 'json');
    const file = join(tempDir(), 'verify.json');
    writeFileSync(file, v.stdout);
    const r = await runCli('pr-body', EXAMPLE_PLAN, '--verify', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('`microplan verify` on ');
    expect(r.stdout).toContain(': ✓ every task kept its promises (history checked, commands not replayed).');
    expect(r.stdout).toContain(`- ✓ Task 6: Reject titles with nothing to slugify (${shaOf(dir, 'feat(slug): reject titles with nothing to slugify (BC-7)').slice(0, 7)})`);
  });

  it('refuses, exit 2 in one line, the verify report of another plan', async () => {
    const dir = await makeExample('good');
    const v = await runCli('verify', EXAMPLE_PLAN, '--repo', dir, '--base', 'main', '--format', 'json');
    const file = join(tempDir(), 'verify.json');
    writeFileSync(file, v.stdout);
    const other = fileURLToPath(new URL('../../examples/lint-stats-plan.md', import.meta.url));
    const r = await runCli('pr-body', other, '--verify', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^microplan: ${file} is the verify report of [^\\n]*plan\\.md, not of ${other}: run "microplan verify ${other} --base <rev> --format json" and pass its output\\n$`));
  });

  it('refuses a report whose tasks are not the plan\'s, even without the plan path', () => {
    const summary = { ok: true, tasks: plan.tasks.map((t) => ({ task: t.number, title: t.title.text, commits: [], ok: true, problems: [] })), problems: [] };
    expect(() => checkReportMatchesPlan(plan, summary, 'v.json')).not.toThrow();
    const renamed = { ...summary, tasks: summary.tasks.map((t, i) => (i === 0 ? { ...t, title: 'Something else' } : t)) };
    expect(() => checkReportMatchesPlan(plan, renamed, 'v.json')).toThrow(/^v\.json reports Task 1 as "Something else", but .* calls it ".*": it was made for another plan or an older version of this one/);
    const fewer = { ...summary, tasks: summary.tasks.slice(1) };
    expect(() => checkReportMatchesPlan(plan, fewer, 'v.json')).toThrow(/^v\.json has no result for Task 1 of /);
  });

  it('exits 2 for a file that is not a verify report', async () => {
    const file = join(tempDir(), 'other.json');
    writeFileSync(file, '{"results": []}');
    const r = await runCli('pr-body', EXAMPLE_PLAN, '--verify', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`microplan: ${file} is not a verify report (expected {"ok", "tasks", "problems"}): give the output of "microplan verify … --format json"\n`);
  });
});
