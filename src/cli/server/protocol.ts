/**
 * What a lint client and the lint server say to each other over the socket: one JSON line each
 * way. A request carries all a process would have had (arguments, directory, environment, what
 * its standard streams are); the answer carries what the process would have written, in order,
 * and its exit code — or asks the client to run the lint itself. A lint request is first answered
 * with ACCEPTED, at once, then with the answer when its turn has come and the lint has run.
 */
export const PROTOCOL = 1;
export const ACCEPTED = '{"accepted":true}';

export interface StreamInfo {
  isTTY?: boolean;
  columns?: number;
}

export interface LintRequest {
  v: typeof PROTOCOL;
  type: 'lint';
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  stdout: StreamInfo;
  stderr: StreamInfo;
}

export type Request = LintRequest | { v: typeof PROTOCOL; type: 'status' } | { v: typeof PROTOCOL; type: 'stop' };

/** 1: standard output, 2: standard error. */
export type Output = Array<[1 | 2, string]>;

export type LintAnswer = { output: Output; code: number } | { fallback: string };

export interface ServerStatus {
  pid: number;
  build: string;
  node: string;
  startedAt: string;
  served: number;
  idleMinutes: number;
}
