/**
 * The lint server: a process that keeps the lint loaded and warm, so that a `microplan lint` an
 * agent or a hook runs costs a small client and the lint itself, not Node's compiling and
 * warming the whole program every time (docs/benchmarks.md). Requests run one at a time, each as
 * if it were its own process (as-process.ts). It stops after `idleMinutes` without a request, on
 * `microplan server stop`, when another server takes its socket, and on any error of its own —
 * a client that gets no answer runs the lint itself, so a server that fails costs only speed.
 */
import { rmSync, statSync } from 'node:fs';
import net from 'node:net';
import { runAsProcess } from './as-process.js';
import { ACCEPTED, PROTOCOL, type LintAnswer, type LintRequest, type Request, type ServerStatus } from './protocol.js';

export interface ServeOptions {
  socket: string;
  build: string;
  idleMinutes: number;
  main: (argv: string[]) => Promise<number>;
}

/** Reads one JSON line from a connection. */
function readLine(socket: net.Socket, onLine: (line: string) => void): void {
  let buffered = '';
  socket.setEncoding('utf8');
  socket.on('data', (data: string) => {
    buffered += data;
    const end = buffered.indexOf('\n');
    if (end < 0) return;
    socket.removeAllListeners('data');
    onLine(buffered.slice(0, end));
  });
  socket.on('error', () => socket.destroy());
}

/** Listens on the socket; a stale one (its server gone) is replaced, a live one is left alone (resolves false). */
async function listen(server: net.Server, socket: string): Promise<boolean> {
  const attempt = (): Promise<NodeJS.ErrnoException | undefined> =>
    new Promise((resolve) => {
      server.once('error', resolve);
      server.listen(socket, () => {
        server.off('error', resolve);
        resolve(undefined);
      });
    });
  const err = await attempt();
  if (err === undefined) return true;
  if (err.code !== 'EADDRINUSE') throw err;
  const alive = await new Promise<boolean>((resolve) => {
    const probe = net.connect(socket, () => {
      probe.destroy();
      resolve(true);
    });
    probe.on('error', () => resolve(false));
  });
  if (alive) return false;
  rmSync(socket, { force: true });
  const again = await attempt();
  if (again !== undefined) throw again;
  return true;
}

export async function serve(options: ServeOptions): Promise<void> {
  const startedAt = new Date().toISOString();
  let served = 0;
  let queue: Promise<void> = Promise.resolve();
  let idle: NodeJS.Timeout | undefined;

  const server = net.createServer((connection) => {
    readLine(connection, (line) => {
      let request: Request;
      try {
        request = JSON.parse(line) as Request;
      } catch {
        connection.destroy();
        return;
      }
      if (request.v !== PROTOCOL) {
        connection.end(`${JSON.stringify({ fallback: `protocol ${String(request.v)}` } satisfies LintAnswer)}\n`);
      } else if (request.type === 'stop') {
        connection.end(`${JSON.stringify({ stopped: true })}\n`, stop);
      } else if (request.type === 'status') {
        const status: ServerStatus = { pid: process.pid, build: options.build, node: process.version, startedAt, served, idleMinutes: options.idleMinutes };
        connection.end(`${JSON.stringify(status)}\n`);
      } else {
        // Said at once, before the lints queued ahead of it: a client that hears nothing soon
        // takes the server for hung and runs the lint itself.
        connection.write(`${ACCEPTED}\n`);
        queue = queue.then(() => answer(connection, request));
      }
    });
  });

  function stop(): void {
    clearTimeout(idle);
    clearInterval(watch);
    server.close();
    // Only its own socket: a newer server may have taken the path.
    if (ours()) rmSync(options.socket, { force: true });
  }
  function ours(): boolean {
    try {
      return statSync(options.socket).ino === inode;
    } catch {
      return false;
    }
  }
  function rearm(): void {
    clearTimeout(idle);
    idle = setTimeout(stop, options.idleMinutes * 60_000);
  }

  async function answer(connection: net.Socket, request: LintRequest): Promise<void> {
    let result: LintAnswer;
    try {
      result = await runAsProcess(request, options.main);
      served++;
    } catch (err) {
      // Could not become the client's process (its directory is gone): the client runs the lint.
      result = { fallback: err instanceof Error ? err.message : String(err) };
    }
    rearm();
    if (!connection.destroyed) connection.end(`${JSON.stringify(result)}\n`);
  }

  if (!(await listen(server, options.socket))) return;
  // The socket this server made: stop() removes it, and only it.
  const inode = statSync(options.socket).ino;
  // A server whose socket was removed, or taken by another server, can no longer be reached.
  const watch = setInterval(() => {
    if (!ours()) stop();
  }, 30_000);
  watch.unref();
  rearm();
  // A server that has failed somewhere cannot be trusted with the next request: it stops, and the
  // client that gets no answer runs the lint itself.
  const fail = (): void => {
    stop();
    process.exit(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => {
    stop();
    process.exit(0);
  });
  await new Promise<void>((resolve) => server.on('close', resolve));
}
