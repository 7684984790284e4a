/** `microplan verify <plan> --base <rev>`: the PR's git history checked against its plan. */
import type { Command } from '../commander.js';
import { checkFormat, formatOption } from '../format-option.js';
import { EXIT, InputError } from '../errors.js';
import type { SetExit } from './index.js';

interface VerifyCliOptions {
  base: string;
  head: string;
  repo: string;
  format: 'table' | 'json';
  run?: boolean;
  timeout: string;
  setup?: string;
}

/** Colour on a terminal; NO_COLOR turns it off and FORCE_COLOR on (https://no-color.org, https://force-color.org). */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return stream.isTTY === true;
}

function parseTimeout(raw: string): number {
  if (!/^\d+(?:\.\d+)?$/.test(raw.trim()) || Number(raw) <= 0) throw new InputError(`--timeout ${raw}: expected a number of seconds > 0`);
  return Number(raw);
}

export function registerVerify(program: Command, setExit: SetExit): void {
  program
    .command('verify')
    .description(
      "check the PR's git history (base..head) against its plan, task by task: a commit per task whose conventional message names the task's contracts, only the task's files, the test-strategy tests present in head; with --run, replay each task's red → green steps (exit 0: every promise kept; 1: a promise broken; 2: usage or input error)",
    )
    .argument('<plan>', 'the plan Markdown file the PR executed')
    .requiredOption('--base <rev>', 'where the PR starts (e.g. main or origin/main)')
    .option('--head <rev>', 'the last commit of the PR', 'HEAD')
    .option('--repo <dir>', 'the repository', '.')
    .addOption(formatOption(['table', 'json'], 'table'))
    .option(
      '--run',
      "replay each task's commands (sh -c) in a temporary git worktree: Step 2 must fail before the task, Step 4 and lint must pass at its commit. The checkout is clean — nothing installed or built; use --setup",
    )
    .option('--timeout <seconds>', 'time limit per command with --run', '300')
    .option('--setup <cmd>', 'with --run: command run after every checkout in the temporary worktree, before the task commands (e.g. "npm ci")')
    .action(async (planPath: string, opts: VerifyCliOptions) => {
      checkFormat(opts.format, ['table', 'json']);
      const timeoutSeconds = parseTimeout(opts.timeout);
      if (opts.setup !== undefined && !opts.run) throw new InputError('--setup only applies with --run: add --run to replay the commands');
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE') throw err;
      });
      const [{ formatJson, formatTable }, { replayLedger }, { verifyPlan }] = await Promise.all([
        import('../../output/verify.js'),
        import('../../verify/replay.js'),
        import('../../verify/verify.js'),
      ]);
      const verification = await verifyPlan({ planPath, repo: opts.repo, base: opts.base, head: opts.head });
      const report = opts.run
        ? await replayLedger(verification, {
            timeoutSeconds,
            setup: opts.setup,
            log: (line) => process.stderr.write(`${line}\n`),
            exitOnSignal: true,
          })
        : verification.report;
      const range = `${opts.base}..${opts.head}`;
      const table = (): string => formatTable(report, range, { width: process.stdout.isTTY ? process.stdout.columns : undefined, color: useColor(process.stdout) });
      process.stdout.write(opts.format === 'json' ? formatJson(report) : table());
      setExit(report.ok ? EXIT.ok : EXIT.findings);
    });
}
