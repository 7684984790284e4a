import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/errors.js';
import { lintFiles } from '../../src/engine/run.js';
import { span } from '../../src/plan/source.js';
import type { Rule } from '../../src/rules/types.js';
import { md } from '../helpers.js';

const PLAN = md(
  '# Widget Cache',
  '',
  '**Goal:** Cache widgets.',
  '',
  '## Behavioral Contracts',
  '',
  'BC-1: Cached',
  '- GIVEN a widget',
  '- WHEN it is read twice',
  '- THEN the second read is served from the cache',
);
const NOT_A_PLAN = md('# Design notes', '', 'Some prose about a design.');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'microplan-run-'));
}

/** A rule for tests: flags "colour" and offers "color" as the fix. */
const spelling: Rule = {
  id: 'us-spelling',
  family: 'structure',
  severity: 'warning',
  formats: ['full', 'compact'],
  description: 'US spelling.',
  instruction: 'Write color.',
  check(plan) {
    return plan.lines.flatMap((text, i) => {
      const out = [];
      for (let at = text.indexOf('colour'); at >= 0; at = text.indexOf('colour', at + 1)) {
        const s = span(i + 1, at + 1, i + 1, at + 7);
        out.push({ message: 'Write "color": replace "colour".', span: s, fix: { span: s, replacement: 'color' } });
      }
      return out;
    });
  },
};

describe('lintFiles', () => {
  it('lints a plan with the catalog and reports counts', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), PLAN);
    const report = await lintFiles(['plan.md'], { cwd: dir, ruleIds: ['title-format'] });
    expect(report.problems).toEqual([]);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ path: 'plan.md', format: 'compact', errorCount: 1, warningCount: 0 });
    expect(report.files[0]!.diagnostics[0]!.ruleId).toBe('title-format');
    expect(report.errorCount).toBe(1);
  });

  it('classifies a document that is not a plan as "none", with the reason and no diagnostics', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.md'), NOT_A_PLAN);
    const report = await lintFiles(['notes.md'], { cwd: dir });
    expect(report.files[0]).toMatchObject({ format: 'none', diagnostics: [] });
    expect(report.files[0]!.formatReason).toMatch(/no behavioral contracts/);
  });

  it('reports a document that is not a plan as an error where a plan was expected: --require-plan', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.md'), NOT_A_PLAN);
    const report = await lintFiles(['notes.md'], { cwd: dir, requirePlan: true });
    expect(report.files[0]!.diagnostics.map((d) => [d.ruleId, d.severity, d.span.start.line])).toEqual([['not-a-plan', 'error', 1]]);
    expect(report.files[0]!.diagnostics[0]!.message).toMatch(/^This is not a micro-plan \(no behavioral contracts .*\), where a plan was expected: write it in the micro-plan format/);
    expect(report.errorCount).toBe(1);
  });

  it('holds files under the config\'s plansDir to being plans, and no others', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'plans'));
    writeFileSync(join(dir, 'microplan.config.yaml'), 'plansDir: plans\n');
    writeFileSync(join(dir, 'plans', 'notes.md'), NOT_A_PLAN);
    writeFileSync(join(dir, 'notes.md'), NOT_A_PLAN);
    const report = await lintFiles(['plans/notes.md', 'notes.md'], { cwd: dir });
    expect(report.files.map((f) => [f.path, f.diagnostics.map((d) => d.ruleId)])).toEqual([
      ['plans/notes.md', ['not-a-plan']],
      ['notes.md', []],
    ]);
  });

  it('expands a directory into its .md files, skipping node_modules and .git', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'plans', 'node_modules'), { recursive: true });
    mkdirSync(join(dir, 'plans', '.git'));
    mkdirSync(join(dir, 'plans', 'sub'));
    writeFileSync(join(dir, 'plans', 'a.md'), PLAN);
    writeFileSync(join(dir, 'plans', 'sub', 'b.md'), PLAN);
    writeFileSync(join(dir, 'plans', 'notes.txt'), PLAN);
    writeFileSync(join(dir, 'plans', 'node_modules', 'c.md'), PLAN);
    writeFileSync(join(dir, 'plans', '.git', 'd.md'), PLAN);
    const report = await lintFiles(['plans'], { cwd: dir });
    expect(report.files.map((f) => f.path)).toEqual([join('plans', 'a.md'), join('plans', 'sub', 'b.md')]);
  });

  it('expands a glob and lints each file once even when named twice', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-plan.md'), PLAN);
    writeFileSync(join(dir, 'b-plan.md'), PLAN);
    writeFileSync(join(dir, 'c.md'), PLAN);
    const report = await lintFiles(['*-plan.md', 'a-plan.md'], { cwd: dir });
    expect(report.files.map((f) => f.path)).toEqual(['a-plan.md', 'b-plan.md']);
  });

  it('reads "-" from standard input', async () => {
    const report = await lintFiles(['-'], { ruleIds: ['title-format'], stdin: Readable.from([Buffer.from(PLAN)]) });
    expect(report.files[0]).toMatchObject({ path: '<stdin>', format: 'compact', errorCount: 1 });
  });

  it('refuses "-" when standard input is a terminal instead of waiting for typing', async () => {
    const tty = { isTTY: true, async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {} };
    const report = await lintFiles(['-'], { stdin: tty });
    expect(report.problems).toEqual([
      { path: '<stdin>', message: expect.stringMatching(/^"-" reads a plan from standard input, but standard input is a terminal: pipe a plan in/) },
    ]);
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe instead of blocking on it', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    const report = await lintFiles(['pipe.md'], { cwd: dir });
    expect(report.problems).toEqual([{ path: 'pipe.md', message: 'is not a regular file (a device, socket or pipe): give a plan file' }]);
  });

  it('keeps linting the other files when one input is bad', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.md'), PLAN);
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x23, 0x00, 0x01]));
    const report = await lintFiles(['missing.md', 'binary.md', 'good.md'], { cwd: dir });
    expect(report.files.map((f) => f.path)).toEqual(['good.md']);
    expect(report.problems.map((p) => p.path)).toEqual(['missing.md', 'binary.md']);
  });

  it('gives the same lines and columns for CRLF line endings and a BOM as for LF', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lf.md'), PLAN + 'A colour here.\n');
    writeFileSync(join(dir, 'crlf.md'), '\ufeff' + (PLAN + 'A colour here.\n').replace(/\n/g, '\r\n'));
    const report = await lintFiles(['lf.md', 'crlf.md'], { cwd: dir, rules: [spelling] });
    expect(report.files.map((f) => f.diagnostics.map((d) => d.span))).toEqual([[span(11, 3, 11, 9)], [span(11, 3, 11, 9)]]);
  });

  it('gives the catalog\'s findings at the same place for CRLF with a BOM as for LF', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lf.md'), PLAN);
    writeFileSync(join(dir, 'crlf.md'), '\ufeff' + PLAN.replace(/\n/g, '\r\n'));
    const report = await lintFiles(['lf.md', 'crlf.md'], { cwd: dir });
    const [lf, crlf] = report.files.map((f) => f.diagnostics.map(({ ruleId, span: s }) => ({ ruleId, s })));
    expect(lf!.length).toBeGreaterThan(0);
    expect(crlf).toEqual(lf);
  });

  it('finds each plan\'s config by walking up from its directory', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'quiet'));
    mkdirSync(join(dir, 'loud'));
    writeFileSync(join(dir, 'quiet', 'microplan.config.yaml'), 'rules:\n  title-format: warn\n');
    writeFileSync(join(dir, 'quiet', 'plan.md'), PLAN);
    writeFileSync(join(dir, 'loud', 'plan.md'), PLAN);
    const report = await lintFiles(['quiet/plan.md', 'loud/plan.md'], { cwd: dir, ruleIds: ['title-format'] });
    expect(report.files.map((f) => [f.errorCount, f.warningCount])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('reports a broken config once, names it, and still lints plans outside it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', 'microplan.config.yaml'), 'rulez: {}\n');
    writeFileSync(join(dir, 'broken', 'a.md'), PLAN);
    writeFileSync(join(dir, 'broken', 'b.md'), PLAN);
    writeFileSync(join(dir, 'ok.md'), PLAN);
    const report = await lintFiles(['broken', 'ok.md'], { cwd: dir });
    expect(report.files.map((f) => f.path)).toEqual(['ok.md']);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.message).toMatch(/microplan\.config\.yaml: rulez: unknown key; did you mean "rules"\?/);
  });

  it('stops on an explicit --config that is broken, before linting anything', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'language: [1]\n');
    await expect(lintFiles(['x.md'], { cwd: dir, configPath: join(dir, 'bad.yaml') })).rejects.toThrow(InputError);
  });

  it('keeps only errors with quiet', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), PLAN + 'colour\n');
    const all = await lintFiles(['plan.md'], { cwd: dir, rules: [spelling] });
    expect(all.warningCount).toBe(1);
    const quiet = await lintFiles(['plan.md'], { cwd: dir, rules: [spelling], quiet: true });
    expect(quiet.warningCount).toBe(0);
    expect(quiet.files[0]!.diagnostics).toEqual([]);
  });

  it('runs a rule named with ruleIds even where the config turns it off', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'microplan.config.yaml'), 'rules:\n  title-format: off\n');
    writeFileSync(join(dir, 'plan.md'), PLAN);
    expect((await lintFiles(['plan.md'], { cwd: dir, ruleIds: ['title-format'] })).errorCount).toBe(1);
  });

  it('runs only the rules named with ruleIds, and rejects an unknown id naming the close ones', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), PLAN + 'colour\n');
    const only = await lintFiles(['plan.md'], { cwd: dir, rules: [spelling], ruleIds: ['us-spelling'] });
    expect(only.files[0]!.diagnostics.map((d) => d.ruleId)).toEqual(['us-spelling']);
    await expect(lintFiles(['plan.md'], { cwd: dir, ruleIds: ['title-fromat'] })).rejects.toThrow(
      '--rule title-fromat: unknown rule id; did you mean "title-format"?',
    );
  });

  it('runs grounding rules against the repository given with --repo', async () => {
    const repo = tempDir();
    execFileSync('git', ['init', '-q'], { cwd: repo });
    writeFileSync(join(repo, 'plan.md'), PLAN);
    const grounded: Rule = { ...spelling, id: 'grounded', needsRepo: true, check: (_p, ctx) => (ctx.grounding ? [{ message: `grounded in ${ctx.grounding.label}`, span: span(1, 1, 1, 2) }] : []) };
    const without = await lintFiles(['plan.md'], { cwd: repo, rules: [grounded] });
    expect(without.files[0]!.diagnostics).toEqual([]);
    const report = await lintFiles(['plan.md'], { cwd: repo, rules: [grounded], repo });
    expect(report.files[0]!.diagnostics.map((d) => d.message)).toEqual(['grounded in the working tree']);
  });

  it('refuses a revision that does not exist before linting anything', async () => {
    const repo = tempDir();
    execFileSync('git', ['init', '-q'], { cwd: repo });
    writeFileSync(join(repo, 'plan.md'), PLAN);
    await expect(lintFiles(['plan.md'], { cwd: repo, repo, base: 'no-such-branch' })).rejects.toThrow(/revision "no-such-branch" does not exist/);
  });

  it('asks for --repo when --base is given without it', async () => {
    await expect(lintFiles(['plan.md'], { cwd: tempDir(), base: 'main' })).rejects.toThrow('--base reads a repository: add --repo <dir> (e.g. --repo .).');
  });
});

describe('lintFiles with fix', () => {
  it('applies every fix, writes the file back and reports what remains', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), PLAN + 'colour and colour\n');
    const report = await lintFiles(['plan.md'], { cwd: dir, rules: [spelling], fix: true });
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe(PLAN + 'color and color\n');
    expect(report.files[0]).toMatchObject({ fixesApplied: 2, diagnostics: [] });
    expect(report.notices).toEqual(['plan.md: 2 fixes applied']);
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('keeps the file\'s BOM and CRLF line endings', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), '\ufeff' + (PLAN + 'colour\n').replace(/\n/g, '\r\n'));
    await lintFiles(['plan.md'], { cwd: dir, rules: [spelling], fix: true });
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('\ufeff' + (PLAN + 'color\n').replace(/\n/g, '\r\n'));
  });

  it('does not write a file that has nothing to fix', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), PLAN);
    const report = await lintFiles(['plan.md'], { cwd: dir, rules: [spelling], fix: true });
    expect(report.notices).toEqual([]);
    expect(report.files[0]!.fixesApplied).toBe(0);
  });

  it('does not write standard input back anywhere, and reports the fixes it could have made', async () => {
    const report = await lintFiles(['-'], { rules: [spelling], fix: true, stdin: Readable.from([PLAN + 'colour\n']) });
    expect(report.notices).toEqual([expect.stringContaining('standard input cannot be written back')]);
    expect(report.files[0]!.warningCount).toBe(1);
  });
});
