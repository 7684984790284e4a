import type { Command } from 'commander';
import { resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { AGENTS } from '../../write/init/detect.js';
import { InputError, EXIT } from '../errors.js';
import type { SetExit } from './index.js';

export function registerInit(program: Command, setExit: SetExit): void {
  program
    .command('init')
    .description('write microplan.config.yaml and a "write a micro-plan" command for your agents')
    .option('--agents <list>', `agents to install the command for (${AGENTS.join(',')}); default: those found in the repo`)
    .option('--repo <dir>', 'repository root', '.')
    .option('--dry-run', 'print what would be written, write nothing')
    .option('--force', 'overwrite files even if you edited them')
    .action(async (opts: { agents?: string; repo: string; dryRun?: boolean; force?: boolean }) => {
      const { init } = await import('../../write/init/init.js');
      const root = resolve(opts.repo);
      if (!existsSync(root) || !statSync(root).isDirectory()) throw new InputError(`${opts.repo}: not a directory; pass the repository root with --repo.`);
      const result = init({ root, agents: opts.agents !== undefined ? [opts.agents] : undefined, dryRun: opts.dryRun ?? false, force: opts.force ?? false });
      const out: string[] = [];
      const s = result.stack;
      out.push(
        s.marker
          ? `Detected ${s.language} (${s.marker}): test \`${s.test ?? '?'}\`, lint \`${s.lint ?? '?'}\``
          : 'No known stack marker (go.mod, package.json, pyproject.toml, Cargo.toml): fill in the commands in microplan.config.yaml',
      );
      if (result.agents.length === 0) out.push(`No agent files found: pass --agents ${AGENTS.join(',')} (any of them) to install the plan command.`);
      for (const r of result.results) {
        out.push(`${r.outcome.padEnd(12)} ${r.path}${r.reason ? ` (${r.reason}; --force overwrites it)` : ''}`);
      }
      if (opts.dryRun) {
        for (const f of result.files) {
          const r = result.results.find((x) => x.path === f.path);
          if (r?.outcome.startsWith('would')) out.push('', `--- ${f.path}`, f.content.trimEnd());
        }
      }
      process.stdout.write(out.join('\n') + '\n');
      setExit(EXIT.ok);
    });
}
