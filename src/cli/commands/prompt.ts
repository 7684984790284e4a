import type { Command } from 'commander';
import { FORMAT_IDS } from '../../formats/types.js';
import type { SetExit } from './index.js';

export function registerPrompt(program: Command, setExit: SetExit): void {
  program
    .command('prompt')
    .description('print the full instructions for writing one plan, for any agent or model')
    .requiredOption('--source <source>', 'the source of work: a Markdown file, - for stdin, or GitHub issues "#183,#189"')
    .option('--section <heading>', 'one section of a macro-plan file, e.g. "Phase 2, PR 4"')
    .option('--github-repo <owner/name>', 'repository of the issues (default: the origin remote)')
    .option('--out <path>', 'where the plan is to be written (default: <plansDir>/<date>-<slug>-plan.md; superpowers: <date>-<slug>.md)')
    .option('--format <format>', `the plan format to write (${FORMAT_IDS.join(', ')}); default: the config's (micro-plan for auto)`)
    .action(async (opts: { source: string; section?: string; githubRepo?: string; out?: string; format?: string }) => {
      const io = { cwd: process.cwd(), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
      const [{ runPrompt }, { writeDeps }] = await Promise.all([import('../../write/draft/prompt-run.js'), import('./shared-config.js')]);
      setExit(await runPrompt(opts, io, writeDeps));
    });
}
