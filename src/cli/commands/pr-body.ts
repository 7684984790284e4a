/** `microplan pr-body <plan> [--verify <verify.json>]`: the PR description from the plan. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { VerifySummary } from '../../verify/pr-body.js';
import { EXIT, InputError } from '../errors.js';
import type { SetExit } from './index.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function registerPrBody(program: Command, setExit: SetExit): void {
  program
    .command('pr-body')
    .description('print the PR description: summary (Goal, What this PR adds, Why), behavioral contracts, test verification, closing keywords')
    .argument('<plan>', 'the plan Markdown file')
    .option('--verify <file>', 'the output of "microplan verify <plan> --base <rev> --format json" (- for standard input)')
    .action(async (planPath: string, opts: { verify?: string }) => {
      const [{ checkReportMatchesPlan, parseVerifyJson, renderPrBody }, { loadPlan }] = await Promise.all([import('../../verify/pr-body.js'), import('../../verify/verify.js')]);
      const plan = await loadPlan(planPath);
      let verify: VerifySummary | undefined;
      if (opts.verify !== undefined) {
        let text: string;
        try {
          text = opts.verify === '-' ? await readStdin() : await readFile(opts.verify, 'utf8');
        } catch {
          throw new InputError(`cannot read ${opts.verify}: give the file "microplan verify … --format json" wrote`);
        }
        const source = opts.verify === '-' ? '<stdin>' : opts.verify;
        verify = parseVerifyJson(text, source);
        checkReportMatchesPlan(plan, verify, source);
      }
      process.stdout.write(renderPrBody(plan, verify));
      setExit(EXIT.ok);
    });
}
