/** `microplan prompt`: the full instructions for one plan, printed for any agent or model. */
import { NO_CONFIG_NOTICE } from '../../config/notice.js';
import type { Config } from '../../config/types.js';
import { parseFormatId } from '../../formats/index.js';
import type { CommandIo, WriteDeps } from './deps.js';
import { planInstructions } from './instructions.js';
import { loadSourceArg, type SourceArgs } from '../sources/source-arg.js';

export interface PromptArgs extends SourceArgs {
  out?: string | undefined;
  /** `--format`: the plan format to write, over the config's. */
  format?: string | undefined;
}

/** The config with the format `--format` names, if it names one. */
export function withFormat(config: Config, format: string | undefined): Config {
  return format === undefined ? config : { ...config, format: parseFormatId(format) };
}

/** Prints the instructions; input errors are thrown as InputError (exit 2). Returns the exit code. */
export async function runPrompt(args: PromptArgs, io: CommandIo, deps: WriteDeps): Promise<number> {
  // A bad --format is reported before any source is read.
  const config = withFormat(await deps.configFor(io.cwd), args.format);
  const source = await loadSourceArg(args, { cwd: io.cwd, env: io.env, stdin: io.stdin, ...(io.fetch ? { fetch: io.fetch } : {}) });
  const { prompt } = await planInstructions({
    config,
    source,
    cwd: io.cwd,
    out: args.out,
    facts: deps.factsFor(config, io.cwd),
    today: io.today?.() ?? new Date(),
  });
  io.stdout.write(prompt);
  // After the prompt, so an input error stays the only line: the instructions use the defaults.
  if (config.path === undefined) io.stderr.write(`microplan: ${NO_CONFIG_NOTICE}\n`);
  return 0;
}
