/**
 * A scripted HTTP server on 127.0.0.1 (port 0) for provider and GitHub tests: each request gets
 * the next scripted response, written in small pieces with pauses so clients see real chunk
 * boundaries. Nothing here talks to a remote service.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Scripted {
  status?: number;
  headers?: Record<string, string>;
  /** Body pieces, written one by one. */
  chunks?: string[];
  /** Pause between pieces, ms. */
  gapMs?: number;
  /** After the pieces, keep the connection open and send nothing more. */
  stall?: boolean;
}

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface TestServer {
  url: string;
  requests: Recorded[];
  close(): Promise<void>;
}

export async function startServer(script: Scripted[] | ((request: Recorded, index: number) => Scripted)): Promise<TestServer> {
  const requests: Recorded[] = [];
  const open = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (body += d));
    req.on('end', () => {
      const recorded: Recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(recorded);
      const index = requests.length - 1;
      const step = typeof script === 'function' ? script(recorded, index) : script[index];
      if (!step) {
        res.writeHead(599).end('no scripted response');
        return;
      }
      open.add(res);
      res.on('close', () => open.delete(res));
      void play(res, step);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function play(res: ServerResponse, step: Scripted): Promise<void> {
  res.writeHead(step.status ?? 200, { 'content-type': 'text/event-stream', ...step.headers });
  res.flushHeaders();
  for (const chunk of step.chunks ?? []) {
    if (res.destroyed) return;
    res.write(chunk);
    if (step.gapMs) await new Promise((r) => setTimeout(r, step.gapMs));
  }
  if (!step.stall) res.end();
}

/** Cuts text into pieces of `size` characters: boundaries land mid-line and mid-event. */
export function pieces(text: string, size = 7): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Scripted {
  return { status, headers: { 'content-type': 'application/json', ...headers }, chunks: [JSON.stringify(value)] };
}
