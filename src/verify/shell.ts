/**
 * Runs one plan command through `sh -c` in its own process group, so a time limit (or an
 * interrupt) can stop the command and everything it started. Output is kept as a bounded tail.
 */
import { spawn } from 'node:child_process';
import { cleanEnv } from './git.js';

export interface ShellResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  durationMs: number;
  /** stdout and stderr as they arrived, last TAIL_BYTES only. */
  output: string;
}

const TAIL_BYTES = 64 * 1024;
/** After SIGTERM, how long a timed-out command gets before SIGKILL. */
const KILL_GRACE_MS = 2000;

export interface ShellOptions {
  cwd: string;
  timeoutMs: number;
  /** Called with the process group id when the command starts and with undefined when it ends. */
  onChild?: (pgid: number | undefined) => void;
}

export function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

export function runShell(command: string, options: ShellOptions): Promise<ShellResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    let chunks: Buffer[] = [];
    let size = 0;
    const keep = (chunk: Buffer): void => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > TAIL_BYTES * 2) {
        const all = Buffer.concat(chunks).subarray(-TAIL_BYTES);
        chunks = [all];
        size = all.length;
      }
    };
    // NODE_TEST_CONTEXT would make a nested `node --test` report to a parent runner instead of
    // printing; CI=true keeps test runners out of watch mode.
    const env = cleanEnv({ CI: process.env.CI ?? 'true' });
    delete env.NODE_TEST_CONTEXT;
    const child = spawn('sh', ['-c', command], { cwd: options.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pgid = child.pid;
    if (pgid !== undefined) options.onChild?.(pgid);
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);

    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      if (pgid === undefined) return;
      killGroup(pgid, 'SIGTERM');
      killTimer = setTimeout(() => killGroup(pgid, 'SIGKILL'), KILL_GRACE_MS);
    }, options.timeoutMs);

    let exit: { code: number | null; signal: string | null } | undefined;
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // Leftover background processes of the command must not outlive it (or hold its pipes).
      if (pgid !== undefined) killGroup(pgid, 'SIGKILL');
    });
    let done = false;
    const finish = (code: number | null, signal: string | null, extra = ''): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      options.onChild?.(undefined);
      resolve({
        exitCode: code,
        signal,
        timedOut,
        durationMs: Date.now() - started,
        output: Buffer.concat(chunks).subarray(-TAIL_BYTES).toString('utf8') + extra,
      });
    };
    child.on('error', (error) => finish(127, null, `\n${error.message}\n`));
    child.on('close', (code, signal) => finish(exit?.code ?? code, exit?.signal ?? signal));
  });
}

/** Last `lines` lines of an output, without terminal colour codes. */
export function tail(output: string, lines = 30): string {
  const plain = stripAnsi(output).replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const all = plain.split('\n');
  return all.slice(-lines).join('\n');
}

export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '');
}
