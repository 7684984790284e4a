/**
 * GitHub issues as the source of work. The gh CLI is preferred when installed and logged in (it
 * already holds the user's credentials, including for GitHub Enterprise); otherwise the REST API
 * with GITHUB_TOKEN. The token never appears in a message.
 */
import { InputError } from '../../errors.js';
import { makeRedactor, oneLine, type Redactor } from '../redact.js';
import { run } from './exec.js';
import { detectRepo, parseRepoSlug, type RepoSlug } from './github-repo.js';
import type { Source } from './types.js';

export interface GithubOptions {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** "owner/name"; default: the origin remote of the git repository in cwd. */
  repo?: string;
  /** Injectable for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  url: string;
}

/** "#183,#189", "183, 189", "#183 #189" → [183, 189] (duplicates dropped, order kept). */
export function parseIssueNumbers(spec: string): number[] {
  const items = spec.split(/[\s,]+/).filter((s) => s !== '');
  const numbers: number[] = [];
  for (const item of items) {
    const match = /^#?(\d+)$/.exec(item);
    if (!match || Number(match[1]) === 0) throw new InputError(`"${item}" is not an issue number; expected e.g. --issues "#183,#189"`);
    const n = Number(match[1]);
    if (!numbers.includes(n)) numbers.push(n);
  }
  if (numbers.length === 0) throw new InputError('no issue numbers given; expected e.g. --issues "#183,#189"');
  return numbers;
}

export async function loadGithubIssues(spec: string | number[], options: GithubOptions): Promise<Source> {
  const numbers = typeof spec === 'string' ? parseIssueNumbers(spec) : spec;
  const explicit = options.repo !== undefined ? parseRepoSlug(options.repo) : undefined;
  const token = nonEmpty(options.env['GITHUB_TOKEN']) ?? nonEmpty(options.env['GH_TOKEN']);
  const redact = makeRedactor([token]);

  const gh = await ghStatus(options);
  let issues: Issue[];
  let slug: RepoSlug;
  if (gh === 'ready') {
    slug = explicit ?? (await detectRepo(options.cwd, options.env));
    issues = await Promise.all(numbers.map((n) => viaGh(n, slug, options, redact)));
  } else if (token) {
    slug = explicit ?? (await detectRepo(options.cwd, options.env));
    issues = await Promise.all(numbers.map((n) => viaRest(n, slug, token, options, redact)));
  } else {
    const why = gh === 'missing' ? 'the gh CLI is not installed' : 'the gh CLI is not logged in';
    throw new InputError(
      `cannot fetch GitHub issues: ${why} and GITHUB_TOKEN is not set; run \`gh auth login\` (https://cli.github.com), or set GITHUB_TOKEN, or save the issue to a file and pass that instead`,
    );
  }
  return toSource(issues, slug);
}

type GhState = 'ready' | 'missing' | 'logged-out';

async function ghStatus(options: GithubOptions): Promise<GhState> {
  const result = await run('gh', ['auth', 'status'], { cwd: options.cwd, env: options.env, timeoutMs: 15_000 });
  if (result.missing) return 'missing';
  return result.code === 0 ? 'ready' : 'logged-out';
}

async function viaGh(n: number, slug: RepoSlug, options: GithubOptions, redact: Redactor): Promise<Issue> {
  const repo = `${slug.owner}/${slug.name}`;
  const result = await run('gh', ['issue', 'view', String(n), '--repo', repo, '--json', 'number,title,body,url'], {
    cwd: options.cwd,
    env: options.env,
    timeoutMs: options.timeoutMs ?? 60_000,
  });
  if (result.code !== 0) {
    throw new InputError(`gh could not fetch issue #${n} from ${repo}: ${redact(oneLine(result.stderr || 'no output', 200))}`);
  }
  return parseIssue(result.stdout, n, repo);
}

async function viaRest(n: number, slug: RepoSlug, token: string, options: GithubOptions, redact: Redactor): Promise<Issue> {
  const repo = `${slug.owner}/${slug.name}`;
  const apiBase = (nonEmpty(options.env['GITHUB_API_URL']) ?? 'https://api.github.com').replace(/\/+$/, '');
  const url = `${apiBase}/repos/${encodeURIComponent(slug.owner)}/${encodeURIComponent(slug.name)}/issues/${n}`;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'microplan',
      },
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    const code = cause instanceof Error && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
    const reason = err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : (code ?? (cause instanceof Error ? cause.message : String(cause)));
    throw new InputError(`cannot reach the GitHub API at ${apiBase} (${redact(oneLine(reason, 120))})`);
  }
  const body = await response.text();
  if (response.ok) return parseIssue(body, n, repo);
  const detail = redact(oneLine(messageOf(body), 200));
  if (response.status === 401) throw new InputError(`GitHub rejected GITHUB_TOKEN (HTTP 401: ${detail}); set a valid token`);
  if (response.status === 404) {
    throw new InputError(`issue #${n} was not found in ${repo} (or GITHUB_TOKEN cannot see that repository)`);
  }
  if ((response.status === 403 || response.status === 429) && response.headers.get('x-ratelimit-remaining') === '0') {
    throw new InputError(`GitHub's API rate limit is exhausted (HTTP ${response.status}); try again later`);
  }
  throw new InputError(`GitHub answered HTTP ${response.status} for issue #${n} in ${repo}: ${detail}`);
}

/** Both gh --json and the REST API give number/title/body; the link is "url" or "html_url". */
function parseIssue(json: string, n: number, repo: string): Issue {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new InputError(`GitHub sent something that is not JSON for issue #${n} in ${repo}`);
  }
  const obj = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const title = obj['title'];
  if (typeof title !== 'string') throw new InputError(`GitHub's answer for issue #${n} in ${repo} has no title`);
  const body = typeof obj['body'] === 'string' ? obj['body'] : '';
  const url = typeof obj['html_url'] === 'string' ? obj['html_url'] : typeof obj['url'] === 'string' ? obj['url'] : '';
  return { number: typeof obj['number'] === 'number' ? obj['number'] : n, title, body, url };
}

function toSource(issues: Issue[], slug: RepoSlug): Source {
  const repo = `${slug.owner}/${slug.name}`;
  const numbers = issues.map((i) => i.number);
  const list = numbers.map((n) => `#${n}`).join(', ');
  const text = issues
    .map((i) => `# #${i.number}: ${i.title}\n\n${i.url ? `<${i.url}>\n\n` : ''}${i.body.trim() === '' ? '(no description)' : i.body.trim()}\n`)
    .join('\n---\n\n');
  return {
    kind: 'github-issues',
    title: issues.map((i) => `#${i.number} ${i.title}`).join('; '),
    text,
    origin: `GitHub ${issues.length === 1 ? 'issue' : 'issues'} ${list} (${repo})`,
    issues: numbers,
  };
}

function messageOf(body: string): string {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)['message'] === 'string') {
      return (value as Record<string, string>)['message']!;
    }
  } catch {
    // not JSON: use the text as is
  }
  return body === '' ? '(empty body)' : body;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}
