/**
 * `microplan lint` through the lint server (src/cli/server/serve.ts): when a server of this build
 * runs, the lint is sent to it and this process only writes its answer, which spares every call
 * Node's compiling and warming the lint (docs/benchmarks.md). Without one — or when it gives no
 * answer — the lint runs here, as it always did, and then starts a server for the next call
 * (not in CI; MICROPLAN_SERVER=off turns the server off, `lint --no-server` skips it once).
 * Plain CommonJS that loads no bundle: this is all a served call runs. The socket's place mirrors
 * src/cli/server/socket.ts (a test holds the two together).
 */
'use strict';
/* global Buffer, setTimeout, clearTimeout */
const { existsSync, lstatSync, mkdirSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const ROOT = join(__dirname, '..');
const PROTOCOL = 1;
const IDLE_MINUTES = 15;

function serverDir(env) {
  if (env.MICROPLAN_SERVER_DIR) return resolve(env.MICROPLAN_SERVER_DIR);
  if (env.XDG_RUNTIME_DIR) return join(resolve(env.XDG_RUNTIME_DIR), 'microplan');
  return join(tmpdir(), `microplan-${process.getuid?.() ?? 'user'}`);
}

/** The socket of this build's server, or undefined where there is none (Windows, no build, turned off). */
function socketPath(env) {
  if (process.platform === 'win32' || /^(?:off|0|false|no)$/i.test(env.MICROPLAN_SERVER ?? '')) return undefined;
  let build;
  try {
    build = JSON.parse(readFileSync(join(ROOT, 'dist', 'build-id.json'), 'utf8')).id;
  } catch {
    return undefined;
  }
  return typeof build === 'string' ? join(serverDir(env), `lint-${build}-${process.version}-${process.arch}.sock`) : undefined;
}

/** A directory of this user's that no one else can enter: a server found anywhere else is not trusted with the environment. */
function privateDir(dir, make) {
  try {
    if (make) mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    return st.isDirectory() && st.uid === process.getuid?.() && (st.mode & 0o077) === 0;
  } catch {
    return false;
  }
}

/**
 * How long a server may take to accept a request (it says so at once, before running the lints
 * queued ahead): one that does not is taken for hung, and the lint runs here.
 */
const ACCEPT_MS = 2000;

/** A lint request's answer (the line after the server's acceptance), or undefined when none comes whole. */
function ask(socket, request) {
  return new Promise((done) => {
    const chunks = [];
    // Read into one buffer, past the readable stream's machinery: this is most of a served call.
    const onread = {
      buffer: Buffer.allocUnsafe(64 * 1024),
      callback: (n, buf) => {
        chunks.push(Buffer.from(buf.subarray(0, n)));
        if (buf.subarray(0, n).includes(10)) clearTimeout(hung);
      },
    };
    const connection = require('node:net').connect({ path: socket, onread });
    const hung = setTimeout(() => connection.destroy(), ACCEPT_MS);
    connection.on('connect', () => connection.write(`${JSON.stringify(request)}\n`));
    connection.on('error', () => {});
    connection.on('close', () => {
      clearTimeout(hung);
      const lines = Buffer.concat(chunks).toString('utf8').trimEnd().split('\n');
      try {
        // The acceptance, then the answer: a single line is the acceptance of a server that then failed.
        done(lines.length === 2 ? JSON.parse(lines[1]) : undefined);
      } catch {
        done(undefined);
      }
    });
  });
}

const streamInfo = (stream) => ({ isTTY: stream.isTTY === true, columns: stream.columns });

/** Starts a server for the next call, detached: it outlives this process, and holds none of its streams. */
function startServer(socket, env) {
  if (!privateDir(join(socket, '..'), true)) return;
  const idle = Number(env.MICROPLAN_SERVER_IDLE) > 0 ? env.MICROPLAN_SERVER_IDLE : String(IDLE_MINUTES);
  try {
    require('node:child_process').spawn(process.execPath, [join(__dirname, 'lint-server.cjs'), socket, idle], { detached: true, stdio: 'ignore' }).unref();
  } catch {
    // No server: the next call runs the lint itself, as this one did.
  }
}

function autoStart(env) {
  const ci = env.CI;
  return ci === undefined || ci === '' || /^(?:0|false)$/i.test(ci);
}

/** The server's answer to this lint, or undefined when there is no server or it gave none. */
async function served(argv, socket) {
  try {
    if (!existsSync(socket) || !privateDir(join(socket, '..'), false)) return undefined;
    const request = { v: PROTOCOL, type: 'lint', argv, cwd: process.cwd(), env: process.env, stdout: streamInfo(process.stdout), stderr: streamInfo(process.stderr) };
    return await ask(socket, request);
  } catch {
    // A working directory that is gone, say: the lint's own process reports it as it always has.
    return undefined;
  }
}

/** Runs `microplan lint …`, served when it can be; resolves to the exit code. */
async function lint(argv) {
  const env = process.env;
  // Standard input belongs to this process; --no-server asks for a run of its own.
  const socket = argv.includes('-') || argv.includes('--no-server') ? undefined : socketPath(env);
  const answer = socket === undefined ? undefined : await served(argv, socket);
  if (answer !== undefined && Array.isArray(answer.output) && typeof answer.code === 'number') {
    // As the lint itself does: `microplan lint … | head` closing the pipe early is not an error.
    process.stdout.on('error', (err) => {
      if (err.code !== 'EPIPE') throw err;
    });
    for (const [fd, text] of answer.output) (fd === 1 ? process.stdout : process.stderr).write(text);
    return answer.code;
  }
  const code = await require('./code-cache.cjs').runCached('lint', argv);
  // A server that answered (asking this process to run the lint) is alive: only a missing or dead one is replaced.
  if (socket !== undefined && answer === undefined && autoStart(env)) startServer(socket, env);
  return code;
}

module.exports = { lint, socketPath };
