/**
 * Start-up cost of one `microplan lint` process, as CPU time (user + system) against `node -e 0`:
 * what an agent or a pre-commit hook pays on every call. The commands run interleaved (A B A B …)
 * so the machine's load hits both alike. CPU time of a finished child is read from
 * /proc/self/stat (cutime + cstime, in clock ticks: the sums over many runs are what is compared,
 * so a tick's rounding stays small); where there is no /proc, wall time stands in, and it says so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/* global performance */

const PROC = '/proc/self/stat';
const TICK_MS = 10; // USER_HZ is 100 on Linux

function childCpuMs() {
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = readFileSync(PROC, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

/**
 * Mean cost per run of each command, `runs` interleaved runs after one warm-up of each (the warm-up
 * also fills microplan's code cache, as any first run on a machine does).
 */
export function startupCost(commands, { runs, cwd, env }) {
  const cpu = existsSync(PROC);
  const totals = commands.map(() => 0);
  const run = (args) => spawnSync(process.execPath, args, { cwd, env, stdio: 'ignore' });
  for (const args of commands) run(args);
  for (let i = 0; i < runs; i++) {
    commands.forEach((args, j) => {
      const before = cpu ? childCpuMs() : performance.now();
      run(args);
      totals[j] += (cpu ? childCpuMs() : performance.now()) - before;
    });
  }
  return { measure: cpu ? 'CPU' : 'wall time', perRun: totals.map((t) => t / runs) };
}
