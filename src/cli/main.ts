/**
 * The `microplan` command line: a thin layer over the library. Each command lives in
 * `./commands/<name>.ts` and registers itself on the program; its action returns an exit code.
 */
import { Command, CommanderError } from './commander.js';
import { InputError, EXIT } from './errors.js';
import { RepoError } from '../repo/types.js';
import { registerCommands } from './commands/index.js';

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('microplan')
    .description('Lint, ground, write and verify micro-plans for coding agents.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      writeOut: (s) => process.stdout.write(s),
    });
  registerCommands(
    program,
    (code) => {
      exitCode = code;
    },
    argv[0],
  );
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; anything else commander rejects is a usage error.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof InputError || err instanceof RepoError) {
      process.stderr.write(`microplan: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  return exitCode;
}

const VERSION = '0.1.0';
