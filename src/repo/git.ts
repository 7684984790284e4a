/**
 * Running git: always `execFile` with an argument vector (no shell, so paths and revisions are
 * never interpreted), output as bytes because paths and file contents need not be UTF-8.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { RepoError } from './types.js';

export interface GitOutcome {
  /** Process exit code (0 success). */
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Generous: `ls-tree -r` of a large monorepo is tens of megabytes. */
const MAX_BUFFER = 512 * 1024 * 1024;

export interface RunGitOptions {
  /** Written to git's standard input (e.g. object ids for `cat-file --batch`). */
  input?: string | Buffer;
  /** Receives the git process, so an interrupt can stop it. */
  onSpawn?: (child: ChildProcess) => void;
  /** Receives standard output as it arrives, besides its being collected for the outcome. */
  onStdout?: (chunk: Buffer) => void;
}

/** Runs git in `cwd` and resolves with its exit code and output; rejects only when git cannot start. */
export function runGit(cwd: string, args: readonly string[], options: RunGitOptions = {}): Promise<GitOutcome> {
  return new Promise((resolve, reject) => {
    let listenerError: unknown;
    const child = execFile(
      'git',
      args,
      { cwd, encoding: 'buffer', maxBuffer: MAX_BUFFER, windowsHide: true, env: gitEnv() },
      (error, stdout, stderr) => {
        if (listenerError !== undefined) {
          reject(listenerError instanceof Error ? listenerError : new Error(String(listenerError)));
          return;
        }
        const errno = error as (NodeJS.ErrnoException & { code?: number | string }) | null;
        if (errno && typeof errno.code === 'string') {
          reject(
            errno.code === 'ENOENT'
              ? new RepoError('git is not installed or not on PATH; install git to read repositories')
              : new RepoError(`cannot run git in ${cwd}: ${errno.message}`),
          );
          return;
        }
        resolve({
          code: errno ? Number(errno.code ?? 1) : 0,
          stdout,
          stderr: stderr.toString('utf8').trim(),
        });
      },
    );
    options.onSpawn?.(child);
    const onStdout = options.onStdout;
    if (onStdout) {
      // A throwing listener would be an uncaught exception inside the stream: stop git and reject instead.
      child.stdout?.on('data', (chunk: Buffer) => {
        if (listenerError !== undefined) return;
        try {
          onStdout(chunk);
        } catch (error) {
          listenerError = error ?? new Error('stdout listener failed');
          child.kill();
        }
      });
    }
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Runs git and returns stdout, or throws RepoError with git's own first line of complaint. */
export async function gitOutput(
  cwd: string,
  args: readonly string[],
  okCodes: readonly number[] = [0],
  options: RunGitOptions = {},
): Promise<Buffer> {
  const outcome = await runGit(cwd, args, options);
  if (!okCodes.includes(outcome.code)) {
    const reason = outcome.stderr.split('\n')[0] ?? `exit code ${outcome.code}`;
    throw new RepoError(`git ${args[0] ?? ''} failed in ${cwd}: ${reason}`);
  }
  return outcome.stdout;
}

/** Whether this git greps with -P (PCRE), learnt on first use: builds without libpcre refuse it. */
let perlRegex: boolean | undefined;

/**
 * `git grep <flags> -F|-E|-P -e <pattern>… <rest>` and its output (exit code 1, no match, is
 * fine). Regex patterns must lie in the common subset of POSIX ERE and PCRE: they run with -P
 * where git has PCRE, as fast as a fixed string there and markedly faster than -E, else with -E.
 * With `onRecord` (and `-z` among the flags), each NUL-terminated record of the output is also
 * handed over as git prints it: git finds files over tens of milliseconds, and a caller can read
 * the first ones meanwhile.
 */
export async function gitGrep(
  cwd: string,
  flags: readonly string[],
  patterns: readonly string[],
  regex: boolean,
  rest: readonly string[],
  onRecord?: (record: string) => void,
): Promise<Buffer> {
  const args = (mode: string): string[] => ['grep', ...flags, mode, ...patterns.flatMap((p) => ['-e', p]), ...rest];
  const options = (): RunGitOptions => (onRecord ? { onStdout: nulRecords(onRecord) } : {});
  if (regex && perlRegex !== false) {
    // Without PCRE, git refuses -P before it searches, so no record has been handed over then.
    const outcome = await runGit(cwd, args('-P'), options());
    if (outcome.code === 0 || outcome.code === 1) {
      perlRegex = true;
      return outcome.stdout;
    }
    if (!/perl|pcre/i.test(outcome.stderr)) {
      throw new RepoError(`git grep failed in ${cwd}: ${outcome.stderr.split('\n')[0] ?? `exit code ${outcome.code}`}`);
    }
    perlRegex = false;
  }
  return gitOutput(cwd, args(regex ? '-E' : '-F'), [0, 1], options());
}

/** Splits NUL-terminated git output (`-z`) into strings. */
export function splitNul(output: Buffer): string[] {
  const text = output.toString('utf8');
  return text.split('\0').filter((part) => part.length > 0);
}

/**
 * A chunk handler that hands each complete, non-empty NUL-terminated record to `onRecord`. A
 * record may be split across chunks (even inside a multi-byte character), so bytes are kept
 * until its NUL arrives and only then decoded.
 */
export function nulRecords(onRecord: (record: string) => void): (chunk: Buffer) => void {
  let pending: Buffer | undefined;
  return (chunk) => {
    let data = pending ? Buffer.concat([pending, chunk]) : chunk;
    let start = 0;
    for (let nul = data.indexOf(0, start); nul !== -1; nul = data.indexOf(0, start)) {
      if (nul > start) onRecord(data.toString('utf8', start, nul));
      start = nul + 1;
    }
    data = data.subarray(start);
    pending = data.length > 0 ? Buffer.from(data) : undefined;
  };
}

/** Variables that would redirect git to another repository or index (a hook exports them). */
const REDIRECTING = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
  'GIT_CEILING_DIRECTORIES',
];

/** The process environment minus git's redirecting variables; also used for commands `verify --run` replays. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of REDIRECTING) delete env[name];
  return { ...env, ...extra };
}

/**
 * Environment for git: the repository we were given (never one a hook's GIT_DIR points at), no
 * pager, no prompts, and a fixed C locale so messages we inspect are in English.
 */
export function gitEnv(): NodeJS.ProcessEnv {
  return cleanEnv({ GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C', LANG: 'C' });
}
