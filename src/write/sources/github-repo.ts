/**
 * Which GitHub repository the issues live in: an explicit "owner/name", else the origin remote of
 * the git repository in cwd. Remote URLs can embed tokens (https://user:token@github.com/…), so
 * messages never quote the URL itself.
 */
import { InputError } from '../../errors.js';
import { run } from './exec.js';

export interface RepoSlug {
  owner: string;
  name: string;
}

const SLUG = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;

export function parseRepoSlug(value: string): RepoSlug {
  const match = SLUG.exec(value.trim());
  if (!match) throw new InputError(`--github-repo "${value}" is not owner/name (e.g. --github-repo inference-sim/blis)`);
  return { owner: match[1]!, name: match[2]!.replace(/\.git$/, '') };
}

/** owner/name from any remote URL form: scp-like (git@host:o/r.git), ssh://, https://. */
export function slugFromRemote(url: string): RepoSlug | undefined {
  let path: string | undefined;
  const scp = /^[^/@:]+@[^:/]+:(.+)$/.exec(url.trim());
  if (scp) path = scp[1];
  else {
    try {
      path = new URL(url.trim()).pathname;
    } catch {
      return undefined;
    }
  }
  const segments = (path ?? '')
    .replace(/\.git\/?$/, '')
    .split('/')
    .filter((s) => s !== '');
  if (segments.length < 2) return undefined;
  const [owner, name] = segments.slice(-2) as [string, string];
  return SLUG.test(`${owner}/${name}`) ? { owner, name } : undefined;
}

export async function detectRepo(cwd: string, env: Readonly<Record<string, string | undefined>>): Promise<RepoSlug> {
  const result = await run('git', ['remote', 'get-url', 'origin'], { cwd, env, timeoutMs: 10_000 });
  const hint = 'pass --github-repo owner/name';
  if (result.missing) throw new InputError(`cannot tell which GitHub repository to read issues from: git is not installed; ${hint}`);
  if (result.code !== 0) {
    throw new InputError(`cannot tell which GitHub repository to read issues from: ${cwd} is not a git repository with an "origin" remote; ${hint}`);
  }
  const slug = slugFromRemote(result.stdout);
  if (!slug) throw new InputError(`cannot tell which GitHub repository to read issues from: the "origin" remote is not owner/name; ${hint}`);
  return slug;
}
