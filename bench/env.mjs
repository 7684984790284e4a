/**
 * The environment the benchmarks run child processes in. NODE_EXTRA_CA_CERTS is removed when set:
 * Node loads those certificates at start-up, before any of a tool's code runs (40–60 ms per
 * process on the machines this project is built on), and no tool measured here makes a TLS
 * connection. Both sides of every comparison get the same environment; `startupNote()` measures
 * and prints what the variable would have added, so nothing is hidden.
 */
import { spawnSync } from 'node:child_process';

/* global performance */

const VARIABLE = 'NODE_EXTRA_CA_CERTS';

export function benchEnv() {
  const env = { ...process.env };
  delete env[VARIABLE];
  return env;
}

function nodeStartMs(env, runs = 7) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { env });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** One line for the report: Node's own start-up, and what NODE_EXTRA_CA_CERTS adds when it is set. */
export function startupNote() {
  const bare = nodeStartMs(benchEnv());
  if (process.env[VARIABLE] === undefined) return `node start-up (node -e 0): ${bare.toFixed(0)} ms`;
  const withCerts = nodeStartMs(process.env);
  return (
    `node start-up (node -e 0): ${bare.toFixed(0)} ms. ${VARIABLE} is set here and would add ${(withCerts - bare).toFixed(0)} ms ` +
    `to every Node process (${withCerts.toFixed(0)} ms); child processes of this benchmark run without it`
  );
}
