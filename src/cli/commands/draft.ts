import type { Command } from 'commander';
import { PROVIDER_IDS } from '../../write/providers/resolve.js';
import { DEFAULT_ROUNDS, EXIT_INTERRUPTED, runDraft, type DraftArgs } from '../../write/draft/draft-run.js';
import type { SetExit } from './index.js';
import { writeDeps } from './shared-config.js';

export function registerDraft(program: Command, setExit: SetExit): void {
  program
    .command('draft')
    .description('draft a plan with a model, lint it and send the findings back until it is clean')
    .requiredOption('--source <source>', 'the source of work: a Markdown file, - for stdin, or GitHub issues "#183,#189"')
    .option('--section <heading>', 'one section of a macro-plan file, e.g. "Phase 2, PR 4"')
    .option('--github-repo <owner/name>', 'repository of the issues (default: the origin remote)')
    .option('--provider <id>', `${PROVIDER_IDS.join(' | ')}; keys come from ANTHROPIC_API_KEY, OPENAI_API_KEY or MICROPLAN_API_KEY`)
    .option('--base-url <url>', 'API base URL (required for openai-compatible, e.g. http://127.0.0.1:11434/v1)')
    .option('--model <name>', 'model to ask')
    .option('--rounds <n>', `model calls at most, first draft included (default ${DEFAULT_ROUNDS})`)
    .option('--max-tokens <n>', 'output-token limit per answer')
    .option('--timeout <seconds>', 'longest silence from the model before giving up (default 120)')
    .option('--out <path>', 'plan file (default: <plansDir>/<date>-<slug>-plan.md); an existing file is never overwritten')
    .action(async (opts: DraftArgs) => {
      const controller = new AbortController();
      // First Ctrl-C: stop the request and keep what streamed; a second one: leave at once.
      const onSigint = () => {
        if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
        controller.abort();
      };
      process.on('SIGINT', onSigint);
      try {
        const io = { cwd: process.cwd(), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, signal: controller.signal };
        setExit(await runDraft(opts, io, writeDeps));
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
}
