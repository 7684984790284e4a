/**
 * The run's global set-up and tear-down. Tear-down removes the run's temporary directory (made in
 * vitest.config.ts, caches included), and stops any lint server a test started where a user's
 * would live (a command spawned with an environment of its own that left MICROPLAN_SERVER on),
 * saying which: `npm test` leaves nothing behind.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { serverDir } from '../src/cli/server/socket.js';

let startedAt = 0;

export function setup(): void {
  startedAt = Date.now();
}

/**
 * Where a lint started with a bare environment puts its server's socket: the system's /tmp (no
 * TMPDIR), this run's temporary directory, or the user's runtime directory.
 */
function userServerDirs(): string[] {
  const dirs = [join('/tmp', `microplan-${process.getuid?.() ?? 'user'}`), serverDir({})];
  if (process.env.XDG_RUNTIME_DIR) dirs.push(serverDir({ XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR }));
  return [...new Set(dirs)];
}

function stopServer(socket: string): Promise<void> {
  return new Promise((resolve) => {
    const c = net.connect(socket, () => c.end(`${JSON.stringify({ v: 1, type: 'stop' })}\n`));
    c.on('error', () => resolve());
    c.on('close', () => resolve());
  });
}

/** A lint starts its server after it has answered: one started by the last test may still be starting. */
const STARTING_MS = 2000;

export async function teardown(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, STARTING_MS));
  for (const dir of userServerDirs()) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const socket = join(dir, name);
      const made = statSync(socket, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (!name.endsWith('.sock') || made < startedAt) continue;
      process.stderr.write(`a test started a lint server (${socket}): give its command MICROPLAN_SERVER=off; stopped it\n`);
      await stopServer(socket);
    }
  }
  const dir = process.env.MICROPLAN_TEST_RUN_DIR;
  if (dir?.includes('microplan-test-run-')) rmSync(dir, { recursive: true, force: true });
}
