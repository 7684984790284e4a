/** Runs the built CLI (`node bin/microplan.js`) as a child process, as a user would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/microplan.js', import.meta.url));

export function requireBuild(): void {
  if (!existsSync(fileURLToPath(new URL('../../dist/bundle/main.js', import.meta.url)))) {
    throw new Error('the CLI bundle is missing: run `npm run build` (npm test does it) before these tests');
  }
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  /**
   * The whole environment of the child: nothing leaks in from the test runner's — except that
   * the lint server stays off unless the test turns it on (a lint would start one that outlives the run).
   */
  env: Record<string, string>;
  input?: string;
  /** Called once the child is running, e.g. to send it a signal. */
  started?: (child: ChildProcess, output: { stdout: () => string; stderr: () => string }) => void;
}

export function runCli(args: string[], options: CliOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env = { MICROPLAN_SERVER: 'off', ...options.env };
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
    options.started?.(child, { stdout: () => stdout, stderr: () => stderr });
  });
}
