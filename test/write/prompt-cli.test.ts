import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from './helpers/server.js';
import { REPO, requireBuild, runCli } from './draft-helpers.js';

const TOKEN = 'ghp_promptTEST0123456789abcdefABCDEF';

let cwd: string;
/** An empty PATH: no gh, so issues go through the REST API and the local server. */
let emptyBin: string;
let server: TestServer | undefined;
beforeAll(async () => {
  requireBuild();
  cwd = await mkdtemp(join(tmpdir(), 'microplan-prompt-cli-'));
  emptyBin = join(cwd, 'empty-bin');
  await mkdir(emptyBin);
  await writeFile(join(cwd, 'feature.md'), '# Warn on a short horizon\n\nWhen --horizon is below the first arrival, print a warning.\n');
  await copyFile(join(REPO, 'test/fixtures/sources/kv-capacity-macro-plan.md'), join(cwd, 'macro.md'));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const env = (extra: Record<string, string> = {}) => ({ HOME: cwd, PATH: emptyBin, ...extra });
const prompt = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) =>
  runCli(['prompt', ...args], { cwd, env: options.env ?? env(), ...(options.input !== undefined ? { input: options.input } : {}) });

/** What prompt says on stderr in a repository without a config (these temporary directories). */
const NO_CONFIG = 'microplan: no microplan.config.yaml found: using rules that fit any project (no project commands, test names, antipatterns or invariants); run "microplan init" to write one\n';

describe('microplan prompt', () => {
  it('prints the instructions for a file source with the default plan path', async () => {
    const run = await prompt(['--source', 'feature.md']);
    expect(run.stderr).toBe(NO_CONFIG);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Write a micro-plan\n/);
    expect(run.stdout).toContain('`title-format` (must)');
    expect(run.stdout).toContain('## Source of work\n\nFrom: feature.md\n\n<source>\n# Warn on a short horizon\n\nWhen --horizon is below the first arrival, print a warning.\n</source>');
    expect(run.stdout).toMatch(/Write the plan to `docs\/plans\/\d{4}-\d\d-\d\d-warn-on-a-short-horizon-plan\.md`\.\n$/);
    expect(run.stdout).toMatch(/Run `microplan lint docs\/plans\/\d{4}-\d\d-\d\d-warn-on-a-short-horizon-plan\.md`/);
    expect(run.stdout).not.toContain('Phase 0 facts found by microplan'); // no facts provider in this build
  });

  it('uses --out as the plan path', async () => {
    const run = await prompt(['--source', 'feature.md', '--out', 'plans/horizon.md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Write the plan to `plans/horizon.md`.');
    expect(run.stdout).toContain('Run `microplan lint plans/horizon.md`');
  });

  it('reads the source from stdin with --source -', async () => {
    const run = await prompt(['--source', '-'], { input: '# Log level flag\n\nAdd --log-level.\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('From: stdin\n\n<source>\n# Log level flag\n\nAdd --log-level.\n</source>');
    expect(run.stdout).toMatch(/docs\/plans\/\d{4}-\d\d-\d\d-log-level-flag-plan\.md/);
  });

  it('takes one macro-plan section with --section, named after the section heading', async () => {
    const run = await prompt(['--source', 'macro.md', '--section', 'PR Plan, PR 2']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('From: macro.md, section "KV Capacity Auto-Calculation Macro Plan › I) PR Plan › PR 2: Auto-Calculate KV Blocks in Roofline Mode (depends on PR 1)"');
    expect(run.stdout).toContain('<source>\n### PR 2: Auto-Calculate KV Blocks in Roofline Mode');
    expect(run.stdout).not.toContain('### PR 1: Add GPU Memory Capacity');
    expect(run.stdout).toMatch(/\d{4}-\d\d-\d\d-pr-2-auto-calculate-kv-blocks-in-roofline-mode-plan\.md/);
  });

  it('fetches "#N" issues through the GitHub REST API at GITHUB_API_URL', async () => {
    server = await startServer((req) =>
      json(200, { number: Number(req.url.split('/').pop()), title: req.url.endsWith('/7') ? 'Horizon warning' : 'Log level', body: 'Details.', html_url: `https://github.com/acme/widgets/issues/${req.url.split('/').pop()}` }),
    );
    const run = await prompt(['--source', '#7,#9', '--github-repo', 'acme/widgets'], { env: env({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.url }) });
    expect(run.stderr).toBe(NO_CONFIG);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('From: GitHub issues #7, #9 (acme/widgets)');
    expect(run.stdout).toContain('# #7: Horizon warning\n\n<https://github.com/acme/widgets/issues/7>\n\nDetails.');
    expect(run.stdout).toMatch(/docs\/plans\/\d{4}-\d\d-\d\d-7-horizon-warning-9-log-level-plan\.md/);
    expect(server.requests.map((r) => r.url).sort()).toEqual(['/repos/acme/widgets/issues/7', '/repos/acme/widgets/issues/9']);
    expect(server.requests[0]!.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(run.stdout).not.toContain(TOKEN);
  });

  describe('errors: one message, exit 2, nothing on stdout', () => {
    const cases: Array<[string, string[], RegExp, { input?: string; env?: Record<string, string> }?]> = [
      ['a missing file', ['--source', 'missing.md'], /^microplan: missing\.md does not exist\n$/],
      ['a directory', ['--source', '.'], /^microplan: \. is a directory; pass a Markdown file\n$/],
      ['no --source', [], /required option '--source <source>' not specified/],
      ['a section that does not exist', ['--source', 'macro.md', '--section', 'PR 9'], /^microplan: no heading in macro\.md matches --section "PR 9"\./],
      ['--section with stdin', ['--source', '-', '--section', 'PR 2'], /^microplan: --section needs a file source; it cannot select from stdin\n$/, { input: '# x\n' }],
      ['--github-repo with a file', ['--source', 'feature.md', '--github-repo', 'a/b'], /^microplan: --github-repo only applies to GitHub issue sources/],
      ['empty stdin', ['--source', '-'], /^microplan: stdin was empty; pipe the source of work in\n$/, { input: '' }],
      ['issues without gh or GITHUB_TOKEN', ['--source', '#7', '--github-repo', 'acme/widgets'], /^microplan: cannot fetch GitHub issues: the gh CLI is not installed and GITHUB_TOKEN is not set;/],
    ];
    for (const [what, args, message, options] of cases) {
      it(`refuses ${what}`, async () => {
        const run = await prompt(args, options);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(message);
      });
    }

    it('reports an issue GitHub does not have', async () => {
      server = await startServer([json(404, { message: 'Not Found' })]);
      const run = await prompt(['--source', '#404', '--github-repo', 'acme/widgets'], { env: env({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.url }) });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('microplan: issue #404 was not found in acme/widgets (or GITHUB_TOKEN cannot see that repository)\n');
    });
  });
});
