import { execFileSync } from 'node:child_process';
import { chmodSync, openSync, closeSync, ftruncateSync, writeFileSync, mkdirSync, readFileSync, readdirSync, symlinkSync, lstatSync, linkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { md } from '../helpers.js';
import { cli, ROOT, tempDir } from './run-cli.js';

const GOOD = md(
  '# Widget Cache Implementation Plan',
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
const BAD_TITLE = GOOD.replace('# Widget Cache Implementation Plan', '# Widget Cache');
const NOT_A_PLAN = md('# Design notes', '', 'Prose about a design.');

/** Only the rules registered today can be relied on; title-format is the one every plan meets. */
function onlyTitle(): string[] {
  return ['--rule', 'title-format'];
}

/** A directory with these files; a config file unless `unconfigured` (a run without one says so on stderr). */
function workspace(files: Record<string, string | Buffer>, { unconfigured = false } = {}): string {
  const dir = tempDir();
  const all = unconfigured ? files : { 'microplan.config.yaml': '', ...files };
  for (const [name, content] of Object.entries(all)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('microplan lint: exit codes', () => {
  it('exits 0 and prints nothing for a clean plan', () => {
    const r = cli(['lint', ...onlyTitle(), 'plan.md'], { cwd: workspace({ 'plan.md': GOOD }) });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('says in one line that it used the defaults when no config is found and findings are reported', () => {
    const r = cli(['lint', ...onlyTitle(), 'plan.md'], { cwd: workspace({ 'plan.md': BAD_TITLE }, { unconfigured: true }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'microplan: no microplan.config.yaml found: using rules that fit any project (no project commands, test names, antipatterns or invariants); run "microplan init" to write one\n',
    );
    // A clean run stays silent, config or not.
    const clean = cli(['lint', ...onlyTitle(), 'plan.md'], { cwd: workspace({ 'plan.md': GOOD }, { unconfigured: true }) });
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 and prints the finding in stylish format when a plan has an error', () => {
    const r = cli(['lint', ...onlyTitle(), 'plan.md'], { cwd: workspace({ 'plan.md': BAD_TITLE }) });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('plan.md\n  1:3  error  Title "Widget Cache" must end with "Implementation Plan"');
    expect(r.stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
    expect(r.stderr).toBe('');
  });

  it('exits 2 with a usage message when no path is given', () => {
    const r = cli(['lint']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'paths'");
  });

  it('exits 2 for an unknown format, naming the choices', () => {
    const r = cli(['lint', '--format', 'xml', 'plan.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/stylish, json, sarif, github/);
  });

  it('exits 2 for an unknown --rule id, suggesting the close one', () => {
    const r = cli(['lint', '--rule', 'title-fromat', 'plan.md'], { cwd: workspace({ 'plan.md': GOOD }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('microplan: --rule title-fromat: unknown rule id; did you mean "title-format"?\n');
  });
});

describe('microplan lint --spec', () => {
  const SP_PLAN = md(
    '# Installer Implementation Plan',
    '',
    '**Goal:** Install in one command.',
    '',
    '**Tech Stack:** Bash',
    '',
    '### Task 1: Write install.sh',
    '',
    '**Files:**',
    '- Create: `install.sh`',
    '',
    '- [ ] **Step 1: Write the script**',
  );

  it('reports the requirement no task covers, and gives the coverage in the JSON report', () => {
    const dir = workspace({ 'plan.md': SP_PLAN, 'design.md': md('# Design', '', '## Files', '', '- `install.sh`: the script.', '- `CLAUDE.md`: a note.') });
    const r = cli(['lint', '--rule', 'spec-coverage', '--spec', 'design.md', '-f', 'json', 'plan.md'], { cwd: dir });
    expect(r.code).toBe(0);
    const file = (JSON.parse(r.stdout) as { files: Array<{ diagnostics: Array<{ message: string }>; specCoverage: unknown[] }> }).files[0]!;
    expect(file.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^design\.md:6 .*`CLAUDE\.md`, which no task mentions/)]);
    expect(file.specCoverage).toEqual([expect.objectContaining({ spec: 'design.md', requirements: 2, checkable: 2, covered: 1, reported: 1 })]);
  });

  it('exits 2 with one line naming a --spec that does not exist', () => {
    const r = cli(['lint', '--spec', 'nope-design.md', 'plan.md'], { cwd: workspace({ 'plan.md': SP_PLAN }) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^microplan: --spec nope-design\.md: no such file \(looked for .*nope-design\.md\); give the design spec the plan was written from\n$/);
  });
});

describe('microplan lint: warnings, --quiet and --max-warnings', () => {
  const warnConfig = 'rules:\n  title-format: warn\n';

  it('exits 0 with warnings only', () => {
    const r = cli(['lint', ...onlyTitle(), 'plan.md'], { cwd: workspace({ 'plan.md': BAD_TITLE, 'microplan.config.yaml': warnConfig }) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1:3  warning  Title');
  });

  it('exits 1 when warnings exceed --max-warnings, and says so', () => {
    const r = cli(['lint', ...onlyTitle(), '--max-warnings', '0', 'plan.md'], {
      cwd: workspace({ 'plan.md': BAD_TITLE, 'microplan.config.yaml': warnConfig }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('microplan: too many warnings (1; --max-warnings is 0)\n');
  });

  it('exits 0 when warnings are within --max-warnings', () => {
    const r = cli(['lint', ...onlyTitle(), '--max-warnings', '1', 'plan.md'], {
      cwd: workspace({ 'plan.md': BAD_TITLE, 'microplan.config.yaml': warnConfig }),
    });
    expect(r.code).toBe(0);
  });

  it('rejects a --max-warnings that is not a number', () => {
    const r = cli(['lint', '--max-warnings', 'lots', 'plan.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-warnings lots: expected a whole number');
  });

  it('hides warnings with --quiet', () => {
    const r = cli(['lint', ...onlyTitle(), '--quiet', 'plan.md'], { cwd: workspace({ 'plan.md': BAD_TITLE, 'microplan.config.yaml': warnConfig }) });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('microplan lint: config', () => {
  it('uses --config instead of the config found next to the plan', () => {
    const dir = workspace({ 'plan.md': BAD_TITLE, 'microplan.config.yaml': 'rules:\n  title-format: warn\n', 'strict.yaml': 'language: go\n' });
    expect(cli(['lint', ...onlyTitle(), 'plan.md'], { cwd: dir }).code).toBe(0);
    expect(cli(['lint', ...onlyTitle(), '--config', 'strict.yaml', 'plan.md'], { cwd: dir }).code).toBe(1);
  });

  it('exits 2 with the file, the key and the fix for an invalid config', () => {
    const r = cli(['lint', 'plan.md'], { cwd: workspace({ 'plan.md': GOOD, 'microplan.config.yaml': 'bugdets: {}\n' }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('microplan: microplan.config.yaml: bugdets: unknown key; did you mean "budgets"?\n');
  });

  it('exits 2 when the --config file does not exist', () => {
    const r = cli(['lint', '--config', 'nope.yaml', 'plan.md'], { cwd: workspace({ 'plan.md': GOOD }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('microplan: nope.yaml: config file not found: check the --config path\n');
  });
});

describe('microplan lint: inputs', () => {
  it('prints one "not a plan … skipped" line for a document that is not a plan, and exits 0', () => {
    const r = cli(['lint', 'notes.md'], { cwd: workspace({ 'notes.md': NOT_A_PLAN }) });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^notes\.md: not a plan \(.+\) — skipped\n$/);
  });

  it('treats an empty file as not a plan', () => {
    const r = cli(['lint', 'empty.md'], { cwd: workspace({ 'empty.md': '' }) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('empty.md: not a plan');
  });

  it('lints a directory\'s .md files and a glob', () => {
    const dir = workspace({ 'plans/a.md': BAD_TITLE, 'plans/b.md': GOOD, 'plans/c.txt': BAD_TITLE, 'other-plan.md': BAD_TITLE });
    const r = cli(['lint', ...onlyTitle(), '--format', 'json', 'plans', '*-plan.md'], { cwd: dir });
    expect(r.code).toBe(1);
    const files = (JSON.parse(r.stdout) as { files: Array<{ path: string }> }).files.map((f) => f.path);
    expect(files).toEqual(['plans/a.md', 'plans/b.md', 'other-plan.md']);
  });

  it('reads a plan from standard input with "-"', () => {
    const r = cli(['lint', ...onlyTitle(), '-'], { input: BAD_TITLE });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<stdin>\n  1:3  error');
  });

  it.each([
    ['a missing path', 'missing.md', {}, 'microplan: missing.md: no such file or directory: check the path'],
    ['a binary file', 'bin.md', { 'bin.md': Buffer.from([0x23, 0x20, 0x00, 0xff]) }, 'microplan: bin.md: binary file (it contains NUL bytes), not a Markdown plan: give the .md file of the plan'],
    ['a file that is not UTF-8', 'latin1.md', { 'latin1.md': Buffer.from('# Caf\xe9 Implementation Plan\n', 'latin1') }, 'microplan: latin1.md: not valid UTF-8 text: save the file as UTF-8 (most editors: "Save with encoding")'],
    ['a directory without .md files', 'empty-dir', { 'empty-dir/readme.txt': 'x' }, 'microplan: empty-dir: directory contains no .md files: give a plan file, or a directory that contains plans'],
    ['a glob that matches nothing', '*.plan', {}, 'microplan: *.plan: no such file, and no files match it as a glob pattern: check the path or the pattern'],
  ])('exits 2 with one line naming the file and the fix for %s, and still lints the other files', (_name, arg, files, message) => {
    const r = cli(['lint', ...onlyTitle(), arg, 'bad-title.md'], { cwd: workspace({ ...files, 'bad-title.md': BAD_TITLE }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${message}\n`);
    expect(r.stdout).toContain('bad-title.md\n  1:3  error');
  });

  it('refuses a 50 MB file without reading it, in one line', () => {
    const dir = workspace({});
    const fd = openSync(join(dir, 'huge.md'), 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const started = Date.now();
    const r = cli(['lint', 'huge.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('microplan: huge.md: file is 50.0 MB, over the 10.0 MB limit for a plan: check that this is the right file\n');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.skipIf(process.getuid?.() === 0)('exits 2 with one line for an unreadable file', () => {
    const dir = workspace({ 'secret.md': GOOD });
    chmodSync(join(dir, 'secret.md'), 0o000);
    const r = cli(['lint', 'secret.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('microplan: secret.md: permission denied: make the file readable (e.g. chmod u+r)\n');
  });

  it('gives the same findings, lines and columns for CRLF line endings and a BOM as for LF', () => {
    const dir = workspace({ 'lf.md': BAD_TITLE, 'crlf.md': '\ufeff' + BAD_TITLE.replace(/\n/g, '\r\n') });
    const lint = (f: string) => (JSON.parse(cli(['lint', '--format', 'json', f], { cwd: dir }).stdout) as { files: Array<{ diagnostics: unknown[] }> }).files[0]!.diagnostics;
    const lf = lint('lf.md');
    expect(lf.length).toBeGreaterThan(0);
    expect(lint('crlf.md')).toEqual(lf);
  });
});

describe('microplan lint: formats', () => {
  it('prints JSON with "format":"none" and no diagnostics for a document that is not a plan', () => {
    const r = cli(['lint', '--format', 'json', 'notes.md'], { cwd: workspace({ 'notes.md': NOT_A_PLAN }) });
    expect(JSON.parse(r.stdout)).toEqual({ files: [{ path: 'notes.md', format: 'none', diagnostics: [] }], errorCount: 0, warningCount: 0 });
  });

  it('prints SARIF 2.1.0 with a result per finding', () => {
    const r = cli(['lint', ...onlyTitle(), '--format', 'sarif', 'plan.md'], { cwd: workspace({ 'plan.md': BAD_TITLE }) });
    const log = JSON.parse(r.stdout) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.map((x) => x.ruleId)).toEqual(['title-format']);
  });

  it('prints GitHub workflow commands', () => {
    const r = cli(['lint', ...onlyTitle(), '--format', 'github', 'plan.md'], { cwd: workspace({ 'plan.md': BAD_TITLE }) });
    expect(r.stdout).toMatch(/^::error file=plan\.md,line=1,col=3,endLine=1,endColumn=\d+,title=title-format::Title "Widget Cache"/);
  });

  it('keeps standard output pure JSON when there are input problems (they go to standard error)', () => {
    const r = cli(['lint', '--format', 'json', 'missing.md', 'plan.md'], { cwd: workspace({ 'plan.md': GOOD }) });
    expect(r.code).toBe(2);
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    expect(r.stderr).toContain('missing.md');
  });

  it('colours nothing when standard output is not a terminal', () => {
    const r = cli(['lint', ...onlyTitle(), 'plan.md'], { cwd: workspace({ 'plan.md': BAD_TITLE }), env: { NO_COLOR: '' } });
    expect(r.stdout).not.toContain('\u001b[');
  });
});

describe('microplan lint: grounding flags', () => {
  it('refuses --repo on a directory that is not a git repository, in one line, exit 2', () => {
    const r = cli(['lint', ...onlyTitle(), '--repo', '.', 'plan.md'], { cwd: workspace({ 'plan.md': GOOD }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^microplan: \S+ is not a git repository; run `git init` there or give a directory inside a git repository\n$/);
  });

  it('refuses a --base revision that does not exist, exit 2', () => {
    const dir = workspace({ 'plan.md': GOOD });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const r = cli(['lint', ...onlyTitle(), '--base', 'no-such-rev', 'plan.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/revision "no-such-rev" does not exist/);
  });

  it('runs the grounding rules with --repo: a citation of a missing file is an error', () => {
    const dir = workspace({ 'plan.md': GOOD.replace('**Goal:**', 'See `src/missing.go:12`.\n\n**Goal:**') });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const r = cli(['lint', '--rule', 'citation-exists', '--repo', '.', '--format', 'json', 'plan.md'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { files: Array<{ diagnostics: Array<{ ruleId: string; message: string }> }> };
    expect(report.files[0]!.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'citation-exists', message: 'Cited file src/missing.go does not exist in the working tree: fix the path or drop the citation.' }),
    ]);
  });

  it('keeps construction-site results in the cache with --repo, finds the same with them, and neither reads nor writes it with --no-cache', () => {
    const audit = 'Construction sites of `Widget`:\n\n- `w.go:3`\n\n**Goal:**';
    const dir = workspace({
      'plan.md': GOOD.replace('**Goal:**', audit),
      'w.go': 'package w\n\nvar a = Widget{}\n\ntype Widget struct{}\n\nfunc b() Widget { return Widget{} }\n',
    });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const lint = (cacheDir: string, ...extra: string[]) =>
      cli(['lint', '--rule', 'construction-sites-complete', '--repo', '.', '--format', 'json', ...extra, 'plan.md'], {
        cwd: dir,
        env: { MICROPLAN_CACHE_DIR: cacheDir },
      });
    const cacheDir = tempDir();
    const first = lint(cacheDir);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('misses 1 of 2 sites: w.go:7 (b)');
    expect(readdirSync(join(cacheDir, 'sites'))).toHaveLength(1);
    expect(lint(cacheDir).stdout).toBe(first.stdout);
    const untouched = tempDir();
    expect(lint(untouched, '--no-cache').stdout).toBe(first.stdout);
    expect(readdirSync(untouched)).toEqual([]);
  });
});

describe('microplan lint: parsed configs in the cache directory', () => {
  it('reads a YAML config from the cache when its text is unchanged, parses it again when it changes, and keeps none with --no-cache', () => {
    const dir = workspace({ 'plan.md': BAD_TITLE, 'microplan.config.yaml': 'bannedWords: [should]\n' });
    const lint = (cacheDir: string, ...extra: string[]) => cli(['lint', ...onlyTitle(), '--format', 'json', ...extra, 'plan.md'], { cwd: dir, env: { MICROPLAN_CACHE_DIR: cacheDir } });
    const cacheDir = tempDir();
    const first = lint(cacheDir);
    expect(first.code).toBe(1);
    const entries = readdirSync(join(cacheDir, 'config'));
    expect(entries).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(cacheDir, 'config', entries[0]!), 'utf8'))).toEqual({ text: 'bannedWords: [should]\n', value: { bannedWords: ['should'] } });
    expect(lint(cacheDir)).toEqual(first);
    // A config that no longer parses is reported as ever: its old entry is not used.
    writeFileSync(join(dir, 'microplan.config.yaml'), 'bannedWords: [should\n');
    const broken = lint(cacheDir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('microplan.config.yaml:2:1: invalid YAML');
    expect(readdirSync(join(cacheDir, 'config'))).toHaveLength(1);
    const untouched = tempDir();
    writeFileSync(join(dir, 'microplan.config.yaml'), 'bannedWords: [should]\n');
    expect(lint(untouched, '--no-cache')).toEqual(first);
    expect(readdirSync(untouched)).toEqual([]);
  });

  it('keeps no entry for a config JSON cannot give back exactly (YAML aliases share one value)', () => {
    const dir = workspace({ 'plan.md': GOOD, 'microplan.config.yaml': 'bannedWords: &w [should]\n' });
    const cacheDir = tempDir();
    const lint = () => cli(['lint', ...onlyTitle(), 'plan.md'], { cwd: dir, env: { MICROPLAN_CACHE_DIR: cacheDir } });
    // An anchor alone shares nothing: kept.
    expect(lint().code).toBe(0);
    expect(readdirSync(join(cacheDir, 'config'))).toHaveLength(1);
    writeFileSync(join(dir, 'microplan.config.yaml'), 'bannedWords: &w [should]\nplanSpecificChecks: *w\n');
    expect(lint().code).toBe(0);
    expect(readdirSync(join(cacheDir, 'config'))).toHaveLength(1);
  });
});

describe('microplan lint --fix', () => {
  it('leaves a plan without fixable findings byte-for-byte unchanged', () => {
    const dir = workspace({ 'plan.md': BAD_TITLE });
    const r = cli(['lint', '--fix', ...onlyTitle(), 'plan.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe(BAD_TITLE);
  });
});

describe("microplan lint --fix: the file stays the user's file", () => {
  // A full plan without its executing-agent line (whatever agent it names): agent-line offers the fix that inserts it.
  const FIXABLE = readFileSync(join(ROOT, 'examples', 'lint-stats-plan.md'), 'utf8').replace(/^> \*\*For [^*]+:\*\*.*\n\n/m, '');
  const fix = (dir: string, file: string) => cli(['lint', '--fix', '--rule', 'agent-line', file], { cwd: dir });

  it('fixes the target of a symlink and leaves the link a link', () => {
    const dir = workspace({ 'real/plan.md': FIXABLE });
    symlinkSync(join(dir, 'real', 'plan.md'), join(dir, 'link.md'));
    const r = fix(dir, 'link.md');
    expect(r.stderr).toContain('link.md: 1 fix applied');
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'plan.md'), 'utf8')).not.toBe(FIXABLE);
    expect(readdirSync(join(dir, 'real'))).toEqual(['plan.md']);
  });

  it('keeps a hard link shared and the mode as it was', () => {
    const dir = workspace({ 'plan.md': FIXABLE });
    linkSync(join(dir, 'plan.md'), join(dir, 'other-name.md'));
    chmodSync(join(dir, 'plan.md'), 0o604);
    const before = statSync(join(dir, 'plan.md'));
    fix(dir, 'plan.md');
    const after = statSync(join(dir, 'plan.md'));
    expect(after.ino).toBe(before.ino);
    expect(after.nlink).toBe(2);
    expect(after.mode & 0o777).toBe(0o604);
    expect(after.uid).toBe(before.uid);
    expect(readFileSync(join(dir, 'other-name.md'), 'utf8')).toBe(readFileSync(join(dir, 'plan.md'), 'utf8'));
  });

  it('refuses a read-only file with one line naming it, exit 2, and leaves it alone', () => {
    const dir = workspace({ 'plan.md': FIXABLE });
    chmodSync(join(dir, 'plan.md'), 0o444);
    const r = fix(dir, 'plan.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('microplan: plan.md: read-only file, fixes not written: make it writable (chmod u+w) to apply them\n');
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe(FIXABLE);
  });
});

