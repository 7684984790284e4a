import type { Command } from 'commander';
import { PROVIDER_IDS } from '../../write/providers/types.js';
import type { DraftArgs } from '../../write/draft/draft-run.js';
import { DEFAULT_ROUNDS, EXIT_INTERRUPTED } from '../../write/draft/limits.js';
import { FORMAT_IDS } from '../../formats/types.js';
import type { SetExit } from './index.js';

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
    .option('--out <path>', 'plan file (default: <plansDir>/<date>-<slug>-plan.md; superpowers: <date>-<slug>.md)')
    .option('--format <format>', `the plan format to write (${FORMAT_IDS.join(', ')}); default: the config's (micro-plan for auto)`)
    .addHelpText(
      'after',
      [
        '',
        'Files: every round is saved as it arrives, beside the plan: <name>.round-1.md, <name>.round-2.md, …;',
        'on Ctrl-C, what has streamed so far goes to <name>.round-N.partial.md. The plan is the round with the',
        'fewest errors (then warnings; the later round wins a tie). An existing file is never overwritten: if',
        'the plan path (or its round files) exists, the run writes <name>.draft.md (then .draft-2.md, …) instead.',
        '',
        'Exit codes: 0 the plan is clean, 1 errors remain, 2 usage or provider error, 130 interrupted.',
      ].join('\n'),
    )
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
        const [{ runDraft }, { writeDeps }] = await Promise.all([import('../../write/draft/draft-run.js'), import('./shared-config.js')]);
        setExit(await runDraft(opts, io, writeDeps));
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
}
