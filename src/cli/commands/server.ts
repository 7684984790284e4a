/** `microplan server start|stop|status`: the lint server that keeps `microplan lint` warm (src/cli/server/). */
import type { Command } from 'commander';
import { EXIT, InputError } from '../errors.js';
import type { ServerStatus } from '../server/protocol.js';
import type { SetExit } from './index.js';

const IDLE_MINUTES = 15;

function parseIdle(raw: string): number {
  const minutes = Number(raw);
  if (!/^\d+(?:\.\d+)?$/.test(raw.trim()) || minutes <= 0) throw new InputError(`--idle ${raw}: expected a number of minutes > 0`);
  return minutes;
}

function describe(s: ServerStatus): string {
  return `pid ${s.pid}, build ${s.build}, Node ${s.node}, since ${s.startedAt}, ${s.served} lint${s.served === 1 ? '' : 's'} served, stops after ${s.idleMinutes} idle minutes`;
}

export function registerServer(program: Command, setExit: SetExit): void {
  program
    .command('server')
    .description('start, stop or show the lint server, which keeps `microplan lint` loaded between calls (lint starts it by itself outside CI)')
    .argument('<action>', 'start, stop or status')
    .option('--idle <minutes>', 'with start: stop after this many minutes without a lint', String(IDLE_MINUTES))
    .addHelpText(
      'after',
      '\nA lint that finds no server runs in its own process and starts one for the next call, except in CI (CI set) and with MICROPLAN_SERVER=off.\n' +
        'MICROPLAN_SERVER_IDLE sets the idle minutes of a server a lint starts; MICROPLAN_SERVER_DIR where its socket lives.',
    )
    .action(async (action: string, opts: { idle: string }) => {
      const { ANSWER_MS, serverStatus, socketOrExplain, startServer, stopServer } = await import('../server/control.js');
      if (!['start', 'stop', 'status'].includes(action)) throw new InputError(`server ${action}: expected start, stop or status`);
      const idle = parseIdle(opts.idle);
      const socket = socketOrExplain();
      const running = await serverStatus(socket);
      if (running === 'busy') {
        // It took the connection but did not answer: one long lint holds it (lints run one at a time).
        // It cannot stop in the middle of one, and a second server would only take its socket.
        const busy = `busy with a lint (no answer within ${ANSWER_MS / 1000} s)`;
        if (action === 'stop') throw new InputError(`the lint server is running, ${busy}: run "microplan server stop" again when the lint is done`);
        process.stdout.write(`microplan: the lint server is ${action === 'start' ? 'already ' : ''}running, ${busy}\n`);
        setExit(EXIT.ok);
        return;
      }
      if (action === 'status') {
        process.stdout.write(running ? `microplan: the lint server is running (${describe(running)})\n` : 'microplan: no lint server is running\n');
      } else if (action === 'stop') {
        const stopped = running !== undefined && (await stopServer(socket));
        process.stdout.write(stopped ? `microplan: stopped the lint server (pid ${running.pid})\n` : 'microplan: no lint server is running\n');
      } else if (running) {
        process.stdout.write(`microplan: the lint server is already running (${describe(running)})\n`);
      } else {
        process.stdout.write(`microplan: started the lint server (${describe(await startServer(socket, idle))})\n`);
      }
      setExit(EXIT.ok);
    });
}
