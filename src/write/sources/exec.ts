/**
 * Runs a helper program (git, gh) without a shell, without stdin and with a timeout, so a
 * credential prompt or a hung network call can never hang microplan.
 */
import { execFile } from 'node:child_process';

export interface RunResult {
  /** Exit code; null when killed (timeout) or when the program is missing. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** The program is not installed (not on PATH). */
  missing: boolean;
}

export interface RunOptions {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  timeoutMs?: number;
}

export function run(program: string, args: string[], options: RunOptions): Promise<RunResult> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.env)) if (v !== undefined) env[k] = v;
  // Never ask for anything: no terminal prompts from git or gh.
  env['GIT_TERMINAL_PROMPT'] = '0';
  env['GH_PROMPT_DISABLED'] = '1';
  env['NO_COLOR'] = '1';
  return new Promise((resolve) => {
    const child = execFile(
      program,
      args,
      { cwd: options.cwd, env, timeout: options.timeoutMs ?? 60_000, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ code: 0, stdout, stderr, missing: false });
          return;
        }
        const code = (error as NodeJS.ErrnoException).code;
        resolve({
          code: typeof code === 'number' ? code : null,
          stdout,
          stderr: stderr || error.message,
          missing: code === 'ENOENT',
        });
      },
    );
    child.stdin?.end();
  });
}
