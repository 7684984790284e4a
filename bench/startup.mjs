/**
 * Start-up cost of one `microplan lint` process, as CPU time (user + system) against `node -e 0`:
 * what an agent or a pre-commit hook pays on every call. The commands run interleaved (A B A B …)
 * so the machine's load hits both alike. CPU time of a finished child is read from
 * /proc/self/stat (cutime + cstime, in clock ticks: the sums over many runs are what is compared,
 * so a tick's rounding stays small); where there is no /proc, wall time stands in, and it says so.
 * A command served by the lint server is charged the server's CPU over its run as well
 * (/proc/<pid>/stat, utime + stime): the work moved there is still paid for.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/* global performance */

const PROC = '/proc/self/stat';
const TICK_MS = 10; // USER_HZ is 100 on Linux

/** Fields of /proc/<pid>/stat after the command name, which is in parentheses and may contain spaces. */
const statFields = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');

function childCpuMs() {
  const fields = statFields('self');
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

/** The CPU a running process (the lint server) has used so far. */
export function processCpuMs(pid) {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/**
 * Mean cost per run of each command, `runs` interleaved runs after one warm-up of each (the warm-up
 * also fills microplan's code cache, as any first run on a machine does). A command is its
 * arguments, or `{ args, env, server }` with an environment of its own and the pid of a server
 * whose CPU its runs are charged.
 */
export function startupCost(commands, { runs, cwd, env }) {
  const cpu = existsSync(PROC);
  const list = commands.map((c) => (Array.isArray(c) ? { args: c } : c));
  const totals = list.map(() => 0);
  const servers = list.map(() => 0);
  const run = (c) => spawnSync(process.execPath, c.args, { cwd, env: c.env ?? env, stdio: 'ignore' });
  const served = (c) => (cpu && c.server ? processCpuMs(c.server) : 0);
  const used = () => (cpu ? childCpuMs() : performance.now());
  for (const c of list) run(c);
  for (let i = 0; i < runs; i++) {
    list.forEach((c, j) => {
      const before = [used(), served(c)];
      run(c);
      const server = served(c) - before[1];
      servers[j] += server;
      totals[j] += used() - before[0] + server;
    });
  }
  // perRun includes the server's part, serverPerRun is that part alone.
  return { measure: cpu ? 'CPU' : 'wall time', perRun: totals.map((t) => t / runs), serverPerRun: servers.map((t) => t / runs) };
}
