/**
 * Command-line inputs → plan texts. Arguments are files, directories (their `**\/*.md`, skipping
 * node_modules and .git), globs, or `-` for standard input. Every bad input becomes one
 * InputProblem — a one-line message naming the file and the fix — and the other inputs are
 * still read: nothing here throws on a user's files, and nothing waits on a terminal.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';

/** Plans are text; anything bigger than this is almost certainly the wrong file. */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

export const STDIN_PATH = '<stdin>';

export interface InputRef {
  /** As shown to the user: the argument itself, or the argument joined with the match. */
  path: string;
  /** Absolute path; undefined for standard input. */
  absPath: string | undefined;
}

export interface InputProblem {
  /** The input as the user named it; '' when the message names its own file (a config). */
  path: string;
  message: string;
}

/** The one line shown for a problem. */
export function problemLine(p: InputProblem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

export interface PlanInput extends InputRef {
  /** Decoded text, BOM and line endings as in the file (the parser normalises). */
  text: string;
  /** The bytes as read, so `--fix` can tell whether the file changed since. */
  bytes: Buffer | undefined;
}

export interface StdinLike extends AsyncIterable<Buffer | string> {
  isTTY?: boolean;
}

const IGNORE = ['**/node_modules/**', '**/.git/**'];

/** tinyglobby (with picomatch) loads only for a directory or a glob: a lint of named files skips it. */
const globber = (): Promise<typeof import('tinyglobby')> => import('tinyglobby');

/** Expands arguments into file references (deduplicated, in argument order) and problems. */
export async function expandInputs(args: readonly string[], cwd: string = process.cwd()): Promise<{ refs: InputRef[]; problems: InputProblem[] }> {
  const refs: InputRef[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const add = (path: string, absPath: string | undefined): void => {
    const key = absPath ?? path;
    if (seen.has(key)) return;
    seen.add(key);
    refs.push({ path, absPath });
  };
  // Synchronous, as in readInput: a CLI statting local paths gains nothing from the thread pool,
  // and node:fs/promises would load a dozen of Node's modules on every run (~4 ms of CPU).
  const stats = args.map((arg) => (arg === '-' ? undefined : statOrError(resolve(cwd, arg))));
  for (const [i, arg] of args.entries()) {
    if (arg === '-') {
      add(STDIN_PATH, undefined);
      continue;
    }
    const abs = resolve(cwd, arg);
    const st = stats[i]!;
    if (!(st instanceof Error)) {
      if (st.isDirectory()) {
        const { glob } = await globber();
        const matches = await glob('**/*.md', { cwd: abs, ignore: IGNORE, onlyFiles: true });
        if (matches.length === 0) {
          problems.push({ path: arg, message: 'directory contains no .md files: give a plan file, or a directory that contains plans' });
        }
        for (const m of matches.sort()) add(join(arg, m), join(abs, m));
      } else {
        add(arg, abs);
      }
      continue;
    }
    if (st.code !== 'ENOENT' && st.code !== 'ENOTDIR') {
      problems.push({ path: arg, message: `cannot access (${st.code ?? st.message}): check the path and its permissions` });
      continue;
    }
    const { glob, isDynamicPattern } = await globber();
    if (isDynamicPattern(arg)) {
      const matches = await glob(arg, { cwd, ignore: IGNORE, onlyFiles: true });
      if (matches.length === 0) problems.push({ path: arg, message: 'no such file, and no files match it as a glob pattern: check the path or the pattern' });
      for (const m of matches.sort()) add(m, resolve(cwd, m));
      continue;
    }
    problems.push({ path: arg, message: 'no such file or directory: check the path' });
  }
  return { refs, problems };
}

function statOrError(path: string): Stats | NodeJS.ErrnoException {
  try {
    return statSync(path);
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Bytes → text, or the reason they are not a plan's text. */
export function decodePlanBytes(bytes: Uint8Array): { text: string } | { problem: string } {
  if (bytes.includes(0)) return { problem: 'binary file (it contains NUL bytes), not a Markdown plan: give the .md file of the plan' };
  try {
    // ignoreBOM keeps a BOM in the text, so --fix can write it back; the parser strips it.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { problem: 'not valid UTF-8 text: save the file as UTF-8 (most editors: "Save with encoding")' };
  }
}

/** Reads one input; a problem instead of an exception for anything wrong with it. */
export async function readInput(ref: InputRef, stdin?: StdinLike): Promise<PlanInput | InputProblem> {
  // process.stdin only when it is read: making it costs Node a stream (and its modules) per run.
  if (ref.absPath === undefined) return readStdin(ref, stdin ?? process.stdin);
  const problem = (message: string): InputProblem => ({ path: ref.path, message });
  try {
    // Size first, so a huge file is refused without reading it. Synchronous on purpose: linting
    // keeps the event loop busy, so each async hop (stat, open, read, close) would wait for the
    // current plan to finish — a CLI reading local files is faster without them.
    const st = statSync(ref.absPath);
    if (st.isDirectory()) return problem('is a directory: give the directory itself as an argument to lint the plans in it');
    if (!st.isFile()) return problem('is not a regular file (a device, socket or pipe): give a plan file');
    if (st.size > MAX_PLAN_BYTES) {
      return problem(`file is ${megabytes(st.size)}, over the ${megabytes(MAX_PLAN_BYTES)} limit for a plan: check that this is the right file`);
    }
    const bytes = readFileSync(ref.absPath);
    const decoded = decodePlanBytes(bytes);
    if ('problem' in decoded) return problem(decoded.problem);
    return { ...ref, text: decoded.text, bytes };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return problem('permission denied: make the file readable (e.g. chmod u+r)');
    if (code === 'ENOENT') return problem('no such file (it disappeared while linting): check the path');
    return problem(`cannot read (${code ?? (err instanceof Error ? err.message : String(err))}): check the file`);
  }
}

async function readStdin(ref: InputRef, stdin: StdinLike): Promise<PlanInput | InputProblem> {
  const problem = (message: string): InputProblem => ({ path: ref.path, message });
  if (stdin.isTTY) {
    return problem('"-" reads a plan from standard input, but standard input is a terminal: pipe a plan in (cat plan.md | microplan lint -) or give a file path');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buf.length;
    // Stop reading as soon as the limit is passed, rather than buffering an endless stream.
    if (size > MAX_PLAN_BYTES) return problem(`input is over the ${megabytes(MAX_PLAN_BYTES)} limit for a plan: check what is being piped in`);
    chunks.push(buf);
  }
  const decoded = decodePlanBytes(Buffer.concat(chunks));
  if ('problem' in decoded) return problem(decoded.problem);
  return { ...ref, text: decoded.text, bytes: undefined };
}

export function isProblem(x: PlanInput | InputProblem): x is InputProblem {
  return 'message' in x;
}
