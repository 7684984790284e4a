/**
 * `microplan lint` through the lint server (bin/lint-client.cjs, src/cli/server/): a lint that
 * finds no server runs in its own process and starts one; later lints are sent to it and must
 * give exactly what a process of their own would have given.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { serverSocket } from '../../src/cli/server/socket.js';
import { cli, ROOT, tempDir, type CliResult } from './run-cli.js';

const EXAMPLE = join(ROOT, 'examples', 'lint-stats-plan.md');
const SUPERPOWERS = join(ROOT, 'examples', 'superpowers-plan.md');
/** A plan with findings (two commit steps without commands), in a directory with no config above it. */
function brokenPlan(): string {
  const dir = tempDir();
  const text = readFileSync(SUPERPOWERS, 'utf8').split('\n').filter((line) => !line.includes('git commit')).join('\n');
  writeFileSync(join(dir, 'plan.md'), text);
  return join(dir, 'plan.md');
}
const BUILD = (createRequire(import.meta.url)(join(ROOT, 'dist', 'build-id.json')) as { id: string }).id;

const dirs: string[] = [];

/** The environment of a user's shell with the server on, its socket in a directory of this test's own. */
function serverEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const dir = join(tempDir(), 's');
  dirs.push(dir);
  return { MICROPLAN_SERVER: '', CI: '', MICROPLAN_SERVER_DIR: dir, ...extra };
}

function socketOf(env: NodeJS.ProcessEnv): string {
  return join(env.MICROPLAN_SERVER_DIR!, `lint-${BUILD}-${process.version}-${process.arch}.sock`);
}

/** Something else listening on the server's socket, in its private directory: it does with each connection what `onConnection` says. */
async function fakeServer(env: NodeJS.ProcessEnv, onConnection: (c: net.Socket) => void): Promise<net.Server> {
  mkdirSync(env.MICROPLAN_SERVER_DIR!, { recursive: true, mode: 0o700 });
  const server = net.createServer(onConnection);
  await new Promise<void>((r) => server.listen(socketOf(env), r));
  return server;
}

/** The server's pid and how many lints it served, or undefined when none runs. */
function status(env: NodeJS.ProcessEnv): { pid: number; served: number } | undefined {
  const out = cli(['server', 'status'], { env }).stdout;
  const m = /pid (\d+), .* (\d+) lints? served/.exec(out);
  return m ? { pid: Number(m[1]), served: Number(m[2]) } : undefined;
}

async function until<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterEach(() => {
  for (const dir of dirs.splice(0)) {
    const env = { MICROPLAN_SERVER: '', MICROPLAN_SERVER_DIR: dir };
    const running = status(env);
    if (running) process.kill(running.pid, 'SIGKILL');
  }
});

/**
 * The CLI run asynchronously: a server this test process runs itself can answer only while the
 * test waits without blocking (cli() blocks the whole process until the command ends).
 */
async function cliAsync(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const r = await new Promise<{ error: { code?: number | string | null } | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin', 'microplan.js'), ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ error, stdout, stderr }),
    );
  });
  return { code: r.error ? (typeof r.error.code === 'number' ? r.error.code : null) : 0, stdout: r.stdout, stderr: r.stderr };
}

/** A lint's own process, for comparison: --no-server runs it there. */
function own(args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv }): CliResult {
  return cli(['lint', '--no-server', ...args.slice(1)], options);
}

/** `args` (starting with 'lint') served, checked to have been served by the server. */
function served(args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv }): CliResult {
  const before = status(options.env)!.served;
  const r = cli(args, options);
  expect(status(options.env)!.served).toBe(before + 1);
  return r;
}

describe('microplan lint: the lint server', () => {
  it('is started by a lint that finds none; the next lint is served and gives the same output', async () => {
    const env = serverEnv();
    const first = cli(['lint', EXAMPLE], { env });
    const running = await until(() => status(env), 'the server to start');
    expect(running.served).toBe(0);
    expect(served(['lint', EXAMPLE], { env })).toEqual(first);
    expect(first.code).toBe(0);
  });

  it('gives what a process of its own gives: output, errors and exit code, for each format and mistake', async () => {
    const env = serverEnv();
    expect(cli(['server', 'start'], { env }).code).toBe(0);
    const broken = brokenPlan();
    const cases: string[][] = [
      ['lint', '--format', 'json', EXAMPLE, broken],
      ['lint', broken],
      ['lint', '--format', 'sarif', broken],
      ['lint', '--max-warnings', '0', broken],
      ['lint', 'no-such-plan.md'],
      ['lint', '--format', 'yaml', EXAMPLE],
      ['lint', '--no-such-option', EXAMPLE],
      ['lint', '--help'],
      ['lint', '--rule', 'no-such-rule', EXAMPLE],
    ];
    const codes = new Set<number | null>();
    for (const args of cases) {
      const mine = own(args, { env });
      expect(served(args, { env }), args.join(' ')).toEqual(mine);
      codes.add(mine.code);
    }
    expect([...codes].sort()).toEqual([0, 1, 2]);
  });

  it("runs each lint in its client's directory and environment", async () => {
    const env = serverEnv();
    expect(cli(['server', 'start'], { env }).code).toBe(0);
    // Two projects: one with a config that turns a rule off, one without a config (stderr says so).
    const a = tempDir();
    const b = tempDir();
    const text = readFileSync(brokenPlan(), 'utf8');
    writeFileSync(join(a, 'plan.md'), text);
    writeFileSync(join(b, 'plan.md'), text);
    writeFileSync(join(a, 'microplan.config.yaml'), 'rules:\n  sp-commit-step: off\n');
    const inA = served(['lint', 'plan.md'], { cwd: a, env });
    const inB = served(['lint', 'plan.md'], { cwd: b, env });
    expect(inA).toEqual(own(['lint', 'plan.md'], { cwd: a, env }));
    expect(inB).toEqual(own(['lint', 'plan.md'], { cwd: b, env }));
    expect(inB.stderr).toContain('no microplan.config.yaml found');
    expect(inA.stderr).not.toContain('no microplan.config.yaml found');
    // Colour follows the client's FORCE_COLOR, not the first client's.
    const coloured = served(['lint', 'plan.md'], { cwd: b, env: { ...env, NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[');
    expect(served(['lint', 'plan.md'], { cwd: b, env }).stdout).not.toContain('\u001b[');
  });

  it('fixes a plan in place as a process of its own does, through a symlink, in the client\'s directory', async () => {
    const env = serverEnv();
    expect(cli(['server', 'start'], { env }).code).toBe(0);
    // A full plan without its executing-agent line: agent-line offers the fix that inserts it.
    const fixable = readFileSync(EXAMPLE, 'utf8').replace(/^> \*\*For [^*]+:\*\*.*\n\n/m, '');
    const [a, b] = [tempDir(), tempDir()];
    for (const dir of [a, b]) {
      mkdirSync(join(dir, 'real'));
      writeFileSync(join(dir, 'real', 'plan.md'), fixable);
      symlinkSync(join(dir, 'real', 'plan.md'), join(dir, 'link.md'));
    }
    const args = ['lint', '--fix', '--rule', 'agent-line', 'link.md'];
    const fixed = served(args, { cwd: a, env });
    expect(fixed).toEqual(own(args, { cwd: b, env }));
    expect(fixed.stderr).toContain('link.md: 1 fix applied');
    expect(lstatSync(join(a, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(a, 'real', 'plan.md'), 'utf8')).not.toBe(fixable);
    expect(readFileSync(join(a, 'real', 'plan.md'), 'utf8')).toBe(readFileSync(join(b, 'real', 'plan.md'), 'utf8'));
  });

  it('answers lints run at the same time, each with its own output', async () => {
    const env = serverEnv();
    expect(cli(['server', 'start'], { env }).code).toBe(0);
    const run = promisify(execFile);
    const plans = [EXAMPLE, SUPERPOWERS, join(ROOT, 'examples', 'readme-exit-codes-plan.md'), SUPERPOWERS];
    const results = await Promise.all(
      plans.map((plan) =>
        run(process.execPath, [join(ROOT, 'bin', 'microplan.js'), 'lint', '--format', 'json', plan], { env: { ...process.env, ...env } }).then(
          (r) => r.stdout,
          (e: { stdout: string }) => e.stdout,
        ),
      ),
    );
    plans.forEach((plan, i) => expect(results[i]).toBe(own(['lint', '--format', 'json', plan], { env }).stdout));
    expect(status(env)!.served).toBe(plans.length);
  });

  it('writes its answer into a pipe closed early (`| head -1`) without an error', async () => {
    const env = serverEnv();
    expect(cli(['server', 'start'], { env }).code).toBe(0);
    // Many findings: far more output than `head` reads before it closes the pipe.
    const plans = Array.from({ length: 40 }, () => brokenPlan());
    const r = await promisify(execFile)('sh', ['-c', `"${process.execPath}" "${join(ROOT, 'bin', 'microplan.js')}" lint -f sarif "$@" | head -1`, 'sh', ...plans], {
      env: { ...process.env, ...env },
    });
    expect(r.stdout).toBe('{\n');
    // Only what a lint without a config says, nothing about the pipe.
    expect(r.stderr).toMatch(/^microplan: no microplan.config.yaml found[^\n]*\n$/);
    expect(status(env)!.served).toBe(1);
  });

  it('never serves standard input or a lint given --no-server', async () => {
    const env = serverEnv();
    expect(cli(['server', 'start'], { env }).code).toBe(0);
    const stdin = cli(['lint', '-'], { env, input: '# Notes\n\nNot a plan.\n' });
    expect(stdin.code).toBe(0);
    cli(['lint', '--no-server', EXAMPLE], { env });
    expect(status(env)!.served).toBe(0);
  });

  it('is neither used nor started with MICROPLAN_SERVER=off; is not started in CI', async () => {
    const ci = serverEnv({ CI: 'true' });
    expect(cli(['lint', EXAMPLE], { env: ci }).code).toBe(0);
    const off = serverEnv({ MICROPLAN_SERVER: 'off' });
    expect(cli(['lint', EXAMPLE], { env: off }).code).toBe(0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(existsSync(socketOf(ci))).toBe(false);
    expect(existsSync(socketOf(off))).toBe(false);
    // Off also means: not used when one runs.
    const env = serverEnv();
    expect(cli(['server', 'start'], { env }).code).toBe(0);
    expect(cli(['lint', EXAMPLE], { env: { ...env, MICROPLAN_SERVER: 'off' } }).code).toBe(0);
    expect(status(env)!.served).toBe(0);
    expect(cli(['server', 'start'], { env: off })).toMatchObject({ code: 2, stderr: expect.stringContaining('MICROPLAN_SERVER=off') });
  });

  it('costs only speed when it gives no answer: the lint runs in its own process, and a new server replaces it', async () => {
    const env = serverEnv();
    // A server that takes the connection and closes it unanswered.
    const mute = await fakeServer(env, (c) => c.destroy());
    try {
      expect(await cliAsync(['lint', '--format', 'json', EXAMPLE], env)).toEqual(own(['lint', '--format', 'json', EXAMPLE], { env }));
    } finally {
      await new Promise((r) => mute.close(r));
    }
  });

  it('takes a server that does not accept a lint within 2 s for hung, and runs the lint in its own process', async () => {
    const env = serverEnv();
    const hung = await fakeServer(env, () => {});
    try {
      const broken = brokenPlan();
      const started = Date.now();
      expect(await cliAsync(['lint', broken], env)).toEqual(own(['lint', broken], { env }));
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      hung.close();
    }
  });

  it('says a server that holds the connection unanswered is busy: status names it, stop refuses to guess', async () => {
    const env = serverEnv();
    // A server in the middle of one long lint: the connection is taken, nothing is answered.
    const busy = await fakeServer(env, () => {});
    try {
      expect(cli(['server', 'status'], { env })).toMatchObject({ code: 0, stdout: expect.stringContaining('running, busy with a lint') });
      const stop = cli(['server', 'stop'], { env });
      expect(stop.code).toBe(2);
      expect(stop.stderr).toContain('run "microplan server stop" again when the lint is done');
      expect(existsSync(socketOf(env))).toBe(true);
    } finally {
      busy.close();
    }
  });

  it('replaces a stale socket whose server was killed', async () => {
    const env = serverEnv();
    expect(cli(['server', 'start'], { env }).code).toBe(0);
    const killed = status(env)!.pid;
    process.kill(killed, 'SIGKILL');
    await until(() => (alive(killed) ? undefined : true), 'the server to die');
    expect(existsSync(socketOf(env))).toBe(true);
    expect(cli(['lint', EXAMPLE], { env })).toEqual(own(['lint', EXAMPLE], { env }));
    const next = await until(() => status(env), 'a new server');
    expect(next.pid).not.toBe(killed);
  });

  it('trusts no socket in a directory others can enter', async () => {
    const env = serverEnv();
    mkdirSync(env.MICROPLAN_SERVER_DIR!, { recursive: true });
    chmodSync(env.MICROPLAN_SERVER_DIR!, 0o777);
    // An impostor that would answer every lint with "clean" (the directory stays open to all: it exists already).
    const impostor = await fakeServer(env, (c) => c.end(`${JSON.stringify({ output: [], code: 0 })}\n`));
    try {
      const broken = brokenPlan();
      const r = await cliAsync(['lint', broken], env);
      expect(r).toEqual(own(['lint', broken], { env }));
      expect(r.stdout).toContain('sp-commit-step');
      expect(cli(['server', 'start'], { env })).toMatchObject({ code: 2, stderr: expect.stringContaining('MICROPLAN_SERVER_DIR') });
    } finally {
      await new Promise((r) => impostor.close(r));
    }
  });

  it('stops on `server stop` and after its idle minutes, removing its socket', async () => {
    const env = serverEnv();
    expect(cli(['server', 'start'], { env }).stdout).toMatch(/^microplan: started the lint server \(pid \d+/);
    expect(cli(['server', 'start'], { env }).stdout).toMatch(/already running/);
    const pid = status(env)!.pid;
    expect(cli(['server', 'stop'], { env }).stdout).toBe(`microplan: stopped the lint server (pid ${pid})\n`);
    await until(() => (alive(pid) ? undefined : true), 'the server to stop');
    expect(existsSync(socketOf(env))).toBe(false);
    expect(cli(['server', 'status'], { env }).stdout).toBe('microplan: no lint server is running\n');

    expect(cli(['server', 'start', '--idle', '0.02'], { env }).code).toBe(0);
    const idle = status(env)!.pid;
    await until(() => (alive(idle) ? undefined : true), 'the idle server to stop');
    expect(readdirSync(env.MICROPLAN_SERVER_DIR!)).toEqual([]);
    expect(cli(['server', 'start', '--idle', 'soon'], { env })).toMatchObject({ code: 2, stderr: 'microplan: --idle soon: expected a number of minutes > 0\n' });
    expect(cli(['server', 'restart'], { env })).toMatchObject({ code: 2, stderr: 'microplan: server restart: expected start, stop or status\n' });
  });

  it('is found at the same path by the lint client and by `microplan server`', () => {
    const client = createRequire(import.meta.url)(join(ROOT, 'bin', 'lint-client.cjs')) as { socketPath: (env: NodeJS.ProcessEnv) => string | undefined };
    for (const env of [{ MICROPLAN_SERVER_DIR: '/x/y' }, { XDG_RUNTIME_DIR: '/run/user/7' }, {}, { MICROPLAN_SERVER: 'off' }]) {
      const expected = env.MICROPLAN_SERVER === 'off' ? undefined : serverSocket(BUILD, env);
      expect(client.socketPath(env)).toBe(expected);
    }
  });
});
