/**
 * `microplan server start|stop|status`: the lint server of this build, seen from outside. The
 * server itself is bin/lint-server.cjs running serve.ts; lints find it through the same socket.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { InputError } from '../../errors.js';
import { toolBuildId, toolRoot } from '../../output/meta.js';
import { PROTOCOL, type ServerStatus } from './protocol.js';
import { ensurePrivateDir, serverDisabled, serverSocket } from './socket.js';

/** This build's socket, in a directory of this user's alone, or an InputError saying why there is no server. */
export function socketOrExplain(env: NodeJS.ProcessEnv = process.env): string {
  if (serverDisabled(env)) throw new InputError('the lint server is turned off (MICROPLAN_SERVER=off): unset it to use one');
  const socket = serverSocket(toolBuildId(), env);
  if (socket === undefined) {
    throw new InputError(process.platform === 'win32' ? 'the lint server needs a Unix socket: on Windows every lint runs in its own process' : 'the lint server runs from a build: run "npm run build" first');
  }
  const dir = path.dirname(socket);
  if (!ensurePrivateDir(dir)) throw new InputError(`${dir}: not a directory of this user's that others cannot enter; set MICROPLAN_SERVER_DIR to one`);
  return socket;
}

/** How long a server may take to answer `status` or `stop` (it answers at once, between lints). */
export const ANSWER_MS = 5000;

/**
 * What a server said to a control request: its answer; `busy` when it took the connection but did not
 * answer in time (one long lint holds it: lints run one at a time); undefined when none is there.
 */
type Answer = { answer: unknown } | 'busy' | undefined;

function ask(socket: string, type: 'status' | 'stop'): Promise<Answer> {
  return new Promise((resolve) => {
    if (!existsSync(socket)) {
      resolve(undefined);
      return;
    }
    let connected = false;
    let timedOut = false;
    const connection = net.connect(socket, () => {
      connected = true;
      connection.write(`${JSON.stringify({ v: PROTOCOL, type })}\n`);
    });
    connection.setTimeout(ANSWER_MS, () => {
      timedOut = true;
      connection.destroy();
    });
    let text = '';
    connection.setEncoding('utf8');
    connection.on('data', (data: string) => (text += data));
    connection.on('error', () => resolve(undefined));
    connection.on('close', () => {
      try {
        resolve({ answer: JSON.parse(text) });
      } catch {
        resolve(connected && timedOut && text === '' ? 'busy' : undefined);
      }
    });
  });
}

/** The server's status; `busy` when it is in the middle of a lint that takes longer than the answer time. */
export async function serverStatus(socket: string): Promise<ServerStatus | 'busy' | undefined> {
  const said = await ask(socket, 'status');
  return said === 'busy' || said === undefined ? said : (said.answer as ServerStatus);
}

export async function stopServer(socket: string): Promise<boolean> {
  const said = await ask(socket, 'stop');
  return said !== undefined && said !== 'busy';
}

const START_TIMEOUT_MS = 10_000;

/** Starts the server detached and waits until it answers; resolves to its status. */
export async function startServer(socket: string, idleMinutes: number): Promise<ServerStatus> {
  spawn(process.execPath, [path.join(toolRoot(), 'bin', 'lint-server.cjs'), socket, String(idleMinutes)], { detached: true, stdio: 'ignore' }).unref();
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const status = await serverStatus(socket);
    if (status !== undefined && status !== 'busy') return status;
    await sleep(50);
  }
  throw new InputError(`the lint server did not start within ${START_TIMEOUT_MS / 1000} s (socket ${socket})`);
}
