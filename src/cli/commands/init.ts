import type { Command } from 'commander';
import { resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { AGENTS } from '../../write/init/detect.js';
import { FORMAT_IDS } from '../../formats/types.js';
import { InputError, EXIT } from '../errors.js';
import type { SetExit } from './index.js';

/** Reasons writeFiles gives for a file it kept, which --force overrides. */
const FORCEABLE = new Set(['edited since microplan wrote it', 'not written by microplan']);

export function registerInit(program: Command, setExit: SetExit): void {
  program
    .command('init')
    .description('write microplan.config.yaml, a "write a plan" command for your agents and their MCP registration')
    .option('--agents <list>', `agents to install the command for (${AGENTS.join(',')}); default: those found in the repo`)
    .option(
      '--format <format>',
      `the plan format the team writes (${FORMAT_IDS.join(', ')}); default: the config's, else superpowers where docs/superpowers/plans/ holds plans, else micro-plan`,
    )
    .option('--repo <dir>', 'repository root', '.')
    .option('--dry-run', 'print what would be written, write nothing')
    .option('--force', 'overwrite files even if you edited them')
    .action(async (opts: { agents?: string; format?: string; repo: string; dryRun?: boolean; force?: boolean }) => {
      const { init } = await import('../../write/init/init.js');
      const root = resolve(opts.repo);
      if (!existsSync(root) || !statSync(root).isDirectory()) throw new InputError(`${opts.repo}: not a directory; pass the repository root with --repo.`);
      const result = init({
        root,
        agents: opts.agents !== undefined ? [opts.agents] : undefined,
        format: opts.format,
        dryRun: opts.dryRun ?? false,
        force: opts.force ?? false,
      });
      const out: string[] = [];
      const s = result.stack;
      const found = [s.test ? `test \`${s.test}\`` : undefined, s.lint ? `lint \`${s.lint}\`` : undefined].filter(Boolean).join(', ');
      out.push(
        s.language
          ? `Detected ${s.language} (${s.marker})${found ? `: ${found}` : ''}`
          : `No known stack marker (go.mod, package.json, pyproject.toml, Cargo.toml)${found ? `; from ${s.marker}: ${found}` : ''}`,
      );
      if (result.missing.length > 0) {
        out.push(
          `Not detected: ${result.missing.map((m) => m.what).join(', ')}. The config leaves ${result.missing.length === 1 ? 'it' : 'them'} out (${result.missing.map((m) => m.key).join(', ')}): set ${result.missing.length === 1 ? 'it' : 'them'} in microplan.config.yaml; until then plans name the project's own.`,
        );
      }
      const f = result.formatSource;
      if (f.by === 'found') {
        out.push(
          `Found ${f.count} plan${f.count === 1 ? '' : 's'} in ${f.dir}/: set up for superpowers plans (format: superpowers, plansDir: ${f.dir}). For micro-plans instead: microplan init --format micro-plan.`,
        );
      } else if (f.by === 'option' && result.format !== 'micro-plan') {
        const { formatById } = await import('../../formats/index.js');
        out.push(`Set up for ${result.format} plans (format: ${result.format}, plansDir: ${formatById(result.format).plansDir}).`);
      } else if (f.by === 'config' && result.format !== 'micro-plan') {
        out.push(`Set up for ${result.format} plans, as ${f.file} says (--format changes it).`);
      }
      if (result.agents.length === 0) out.push(`No agent files found: pass --agents ${AGENTS.join(',')} (any of them) to install the plan command and the MCP server.`);
      else out.push(`Agents: ${result.agents.join(', ')}; their commands and MCP server run \`${result.command}\`.`);
      for (const r of result.results) {
        const hint = r.reason ? ` (${r.reason}${FORCEABLE.has(r.reason) ? '; --force overwrites it' : ''})` : '';
        out.push(`${r.outcome.padEnd(12)} ${r.path}${hint}`);
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
