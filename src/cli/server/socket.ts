/**
 * Where the lint server of this build listens: one socket per build, Node version, architecture
 * and user, so an upgraded microplan (or another Node) never talks to an old server. The
 * directory is the user's own (mode 700): whoever can connect can have files linted and fixed
 * as that user. bin/lint-client.cjs computes the same path without loading the bundle; a test
 * holds the two together.
 */
import { lstatSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** MICROPLAN_SERVER_DIR, else $XDG_RUNTIME_DIR/microplan, else <tmpdir>/microplan-<uid>. */
export function serverDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MICROPLAN_SERVER_DIR) return path.resolve(env.MICROPLAN_SERVER_DIR);
  if (env.XDG_RUNTIME_DIR) return path.join(path.resolve(env.XDG_RUNTIME_DIR), 'microplan');
  return path.join(os.tmpdir(), `microplan-${process.getuid?.() ?? 'user'}`);
}

/** The socket's path for this build, or undefined where there is no server (Windows; a run from the sources). */
export function serverSocket(buildId: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (buildId === undefined || process.platform === 'win32') return undefined;
  return path.join(serverDir(env), `lint-${buildId}-${process.version}-${process.arch}.sock`);
}

/**
 * Makes the socket's directory, and says whether it is safe to listen in: a directory of this
 * user's that no one else can enter. A directory someone else made (in a shared /tmp) is not used.
 */
export function ensurePrivateDir(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    return st.isDirectory() && st.uid === process.getuid?.() && (st.mode & 0o077) === 0;
  } catch {
    return false;
  }
}

/** Whether the lint server is wanted at all: MICROPLAN_SERVER=off (or 0, false, no) turns it off. */
export function serverDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(?:off|0|false|no)$/i.test(env.MICROPLAN_SERVER ?? '');
}
