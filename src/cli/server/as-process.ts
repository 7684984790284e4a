/**
 * Runs one request in the server as if it were its own `microplan lint` process: the client's
 * working directory and environment (git hooks set GIT_DIR and GIT_INDEX_FILE; NO_COLOR,
 * MICROPLAN_CACHE_DIR…), standard streams that record what is written and say what the client's
 * were (a terminal of some width, or not). The server runs one request at a time, so swapping
 * the process's own is safe; everything is set back afterwards.
 */
import { Writable } from 'node:stream';
import type { LintRequest, Output, StreamInfo } from './protocol.js';

type Main = (argv: string[]) => Promise<number>;

function recorder(fd: 1 | 2, info: StreamInfo, output: Output): Writable {
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      output.push([fd, typeof chunk === 'string' ? chunk : chunk.toString('utf8')]);
      done();
    },
  });
  return Object.assign(stream, { isTTY: info.isTTY === true ? true : undefined, columns: info.columns, fd });
}

function swapEnv(next: Record<string, string>): void {
  for (const key of Object.keys(process.env)) if (!Object.hasOwn(next, key)) delete process.env[key];
  Object.assign(process.env, next);
}

export async function runAsProcess(request: LintRequest, main: Main): Promise<{ output: Output; code: number }> {
  const output: Output = [];
  const saved = {
    cwd: process.cwd(),
    env: { ...process.env } as Record<string, string>,
    stdout: Object.getOwnPropertyDescriptor(process, 'stdout')!,
    stderr: Object.getOwnPropertyDescriptor(process, 'stderr')!,
  };
  const stdout = recorder(1, request.stdout, output);
  const stderr = recorder(2, request.stderr, output);
  process.chdir(request.cwd);
  swapEnv(request.env);
  Object.defineProperty(process, 'stdout', { configurable: true, enumerable: true, get: () => stdout });
  Object.defineProperty(process, 'stderr', { configurable: true, enumerable: true, get: () => stderr });
  try {
    const code = await main(request.argv);
    return { output, code };
  } catch (err) {
    // As bin/microplan.js reports what reaches it: a bug, in one line.
    output.push([2, `microplan: internal error: ${err instanceof Error ? err.message : String(err)}\n`]);
    return { output, code: 2 };
  } finally {
    Object.defineProperty(process, 'stdout', saved.stdout);
    Object.defineProperty(process, 'stderr', saved.stderr);
    swapEnv(saved.env);
    process.exitCode = undefined;
    process.chdir(saved.cwd);
  }
}
