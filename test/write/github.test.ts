import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/errors.js';
import { loadGithubIssues, parseIssueNumbers } from '../../src/write/sources/github.js';
import { parseRepoSlug, slugFromRemote } from '../../src/write/sources/github-repo.js';
import { json, startServer, type TestServer } from './helpers/server.js';

const TOKEN = 'ghp_testTOKEN0123456789abcdefABCDEF';

let dir: string;
/** A PATH with git but without gh, so no test can reach the real GitHub through an installed gh. */
let gitOnly: string;
let server: TestServer | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'microplan-github-'));
  gitOnly = join(dir, 'bin-git-only');
  await mkdir(gitOnly);
  const git = (process.env['PATH'] ?? '').split(delimiter).map((d) => join(d, 'git')).find((p) => existsSync(p));
  if (!git) throw new Error('git is needed for these tests');
  await symlink(git, join(gitOnly, 'git'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function rejection(promise: Promise<unknown>): Promise<InputError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}

function issue(number: number, title: string, body: string | null) {
  return { number, title, body, html_url: `https://github.com/acme/widgets/issues/${number}`, state: 'open' };
}

async function gitRepo(name: string, origin: string | undefined): Promise<string> {
  const repo = join(dir, name);
  await mkdir(repo);
  execFileSync('git', ['init', '-q'], { cwd: repo });
  if (origin) execFileSync('git', ['remote', 'add', 'origin', origin], { cwd: repo });
  return repo;
}

describe('GitHub issues source over the REST API', () => {
  it('fetches each issue with GITHUB_TOKEN and joins them into one source', async () => {
    server = await startServer((req) =>
      req.url.endsWith('/183') ? json(200, issue(183, 'Horizon warning', 'Warn when the horizon is too short.')) : json(200, issue(189, 'Log level', null)),
    );
    const source = await loadGithubIssues('#183, #189', {
      cwd: dir,
      repo: 'acme/widgets',
      env: { PATH: gitOnly, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: `${server.url}/` },
    });
    expect(source).toEqual({
      kind: 'github-issues',
      title: '#183 Horizon warning; #189 Log level',
      text:
        '# #183: Horizon warning\n\n<https://github.com/acme/widgets/issues/183>\n\nWarn when the horizon is too short.\n' +
        '\n---\n\n' +
        '# #189: Log level\n\n<https://github.com/acme/widgets/issues/189>\n\n(no description)\n',
      origin: 'GitHub issues #183, #189 (acme/widgets)',
      issues: [183, 189],
    });
    const urls = server.requests.map((r) => r.url).sort();
    expect(urls).toEqual(['/repos/acme/widgets/issues/183', '/repos/acme/widgets/issues/189']);
    expect(server.requests[0]!.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(server.requests[0]!.headers['accept']).toBe('application/vnd.github+json');
  });

  it('reads owner/name from the origin remote of the repository in cwd', async () => {
    const repo = await gitRepo('with-origin', 'git@github.com:acme/widgets.git');
    server = await startServer([json(200, issue(7, 'Seven', 'body'))]);
    const source = await loadGithubIssues([7], { cwd: repo, env: { PATH: gitOnly, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.url } });
    expect(source.origin).toBe('GitHub issue #7 (acme/widgets)');
    expect(server.requests[0]!.url).toBe('/repos/acme/widgets/issues/7');
  });

  it('asks for --github-repo when cwd has no origin remote', async () => {
    const repo = await gitRepo('no-origin', undefined);
    const err = await rejection(loadGithubIssues('#1', { cwd: repo, env: { PATH: gitOnly, GITHUB_TOKEN: TOKEN } }));
    expect(err.message).toMatch(/is not a git repository with an "origin" remote; pass --github-repo owner\/name$/);
  });

  it('says which issue is missing on a 404', async () => {
    server = await startServer([json(404, { message: 'Not Found' })]);
    const err = await rejection(loadGithubIssues('#999', { cwd: dir, repo: 'acme/widgets', env: { PATH: gitOnly, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.url } }));
    expect(err.message).toBe('issue #999 was not found in acme/widgets (or GITHUB_TOKEN cannot see that repository)');
  });

  it('reports a rejected token without leaking it', async () => {
    server = await startServer([json(401, { message: `Bad credentials: ${TOKEN}` })]);
    const err = await rejection(loadGithubIssues('#1', { cwd: dir, repo: 'acme/widgets', env: { PATH: gitOnly, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.url } }));
    expect(err.message).toMatch(/^GitHub rejected GITHUB_TOKEN \(HTTP 401: Bad credentials: \[redacted\]\)/);
    expect(err.message).not.toContain(TOKEN);
  });

  it('reports an exhausted rate limit', async () => {
    server = await startServer([json(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0' })]);
    const err = await rejection(loadGithubIssues('#1', { cwd: dir, repo: 'acme/widgets', env: { PATH: gitOnly, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.url } }));
    expect(err.message).toMatch(/rate limit is exhausted/);
  });

  it('reports an unreachable API with its address', async () => {
    server = await startServer([]);
    const url = server.url;
    await server.close();
    server = undefined;
    const err = await rejection(loadGithubIssues('#1', { cwd: dir, repo: 'acme/widgets', env: { PATH: gitOnly, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: url } }));
    expect(err.message).toBe(`cannot reach the GitHub API at ${url} (ECONNREFUSED)`);
  });
});

describe('GitHub issues source without gh or a token', () => {
  it('explains both ways to get access when gh is not installed and GITHUB_TOKEN is unset', async () => {
    const err = await rejection(loadGithubIssues('#183', { cwd: dir, repo: 'acme/widgets', env: { PATH: gitOnly } }));
    expect(err.message).toMatch(/^cannot fetch GitHub issues: the gh CLI is not installed and GITHUB_TOKEN is not set; run `gh auth login`/);
    expect(err.message).toContain('set GITHUB_TOKEN');
  });
});

describe('GitHub issues source through the gh CLI', () => {
  /** A stand-in `gh` that records its arguments and answers like the real one. */
  async function fakeGh(name: string, loggedIn: boolean): Promise<{ bin: string; log: string }> {
    const bin = join(dir, name);
    await mkdir(bin);
    const log = join(bin, 'calls.log');
    const script = `#!/bin/sh
echo "$@" >> "${log}"
if [ "$1" = auth ]; then ${loggedIn ? 'exit 0' : 'echo "You are not logged into any GitHub hosts." >&2; exit 1'}; fi
if [ "$1" = issue ] && [ "$3" = 404 ]; then echo "GraphQL: Could not resolve to an issue or pull request with the number of 404." >&2; exit 1; fi
printf '{"number":%s,"title":"From gh","body":"gh body","url":"https://github.com/acme/widgets/issues/%s"}\\n' "$3" "$3"
`;
    await writeFile(join(bin, 'gh'), script);
    await chmod(join(bin, 'gh'), 0o755);
    await symlink(join(gitOnly, 'git'), join(bin, 'git'));
    return { bin, log };
  }

  it('uses gh when it is installed and logged in, even with GITHUB_TOKEN set', async () => {
    const { bin, log } = await fakeGh('gh-ready', true);
    const source = await loadGithubIssues('#12', { cwd: dir, repo: 'acme/widgets', env: { PATH: bin, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: 'http://127.0.0.1:9' } });
    expect(source).toMatchObject({ title: '#12 From gh', origin: 'GitHub issue #12 (acme/widgets)', issues: [12] });
    expect(source.text).toContain('gh body');
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual(['auth status', 'issue view 12 --repo acme/widgets --json number,title,body,url']);
  });

  it("passes on gh's own message when an issue cannot be fetched", async () => {
    const { bin } = await fakeGh('gh-404', true);
    const err = await rejection(loadGithubIssues('#404', { cwd: dir, repo: 'acme/widgets', env: { PATH: bin } }));
    expect(err.message).toBe('gh could not fetch issue #404 from acme/widgets: GraphQL: Could not resolve to an issue or pull request with the number of 404.');
  });

  it('falls back to the REST API when gh is not logged in but GITHUB_TOKEN is set', async () => {
    const { bin } = await fakeGh('gh-logged-out', false);
    server = await startServer([json(200, issue(3, 'Via REST', 'b'))]);
    const source = await loadGithubIssues('#3', { cwd: dir, repo: 'acme/widgets', env: { PATH: bin, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.url } });
    expect(source.title).toBe('#3 Via REST');
  });

  it('says gh is not logged in when there is no token either', async () => {
    const { bin } = await fakeGh('gh-logged-out-2', false);
    const err = await rejection(loadGithubIssues('#3', { cwd: dir, repo: 'acme/widgets', env: { PATH: bin } }));
    expect(err.message).toMatch(/the gh CLI is not logged in and GITHUB_TOKEN is not set/);
  });
});

describe('issue numbers and repository names', () => {
  it('parses issue lists in the forms people type', () => {
    expect(parseIssueNumbers('#183,#189')).toEqual([183, 189]);
    expect(parseIssueNumbers(' 183 , #189 #183 ')).toEqual([183, 189]);
    expect(() => parseIssueNumbers('#abc')).toThrow('"#abc" is not an issue number; expected e.g. --issues "#183,#189"');
    expect(() => parseIssueNumbers(' , ')).toThrow(/no issue numbers given/);
  });

  it.each([
    ['git@github.com:acme/widgets.git', 'acme/widgets'],
    ['https://github.com/acme/widgets', 'acme/widgets'],
    ['https://x-access-token:secret@github.com/acme/widgets.git/', 'acme/widgets'],
    ['ssh://git@github.example.com:2222/acme/widgets.git', 'acme/widgets'],
  ])('reads owner/name from the remote %s', (remote, expected) => {
    const slug = slugFromRemote(remote);
    expect(slug && `${slug.owner}/${slug.name}`).toBe(expected);
  });

  it('rejects a malformed --github-repo', () => {
    expect(() => parseRepoSlug('widgets')).toThrow(/is not owner\/name/);
    expect(parseRepoSlug('acme/widgets.git')).toEqual({ owner: 'acme', name: 'widgets' });
  });
});
