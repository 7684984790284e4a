/** The program around a table of commands; main.ts passes them all, lint-main.ts only `lint`. */
import { Command, CommanderError } from './commander.js';
import { InputError, EXIT } from './errors.js';
import { fileSystemMessage, isSystemError } from '../errors.js';
import { RepoError } from '../repo/types.js';
import { registerCommands, type CommandTable } from './commands/registry.js';

export async function runProgram(argv: string[], commands: CommandTable): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('microplan')
    .description('Lint, ground, write and verify micro-plans for coding agents.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      writeOut: (s) => process.stdout.write(s),
      // commander's own usage errors in the CLI's one style: "microplan: …", as every other error.
      outputError: (s, write) => write(s.replace(/^error: /, 'microplan: ')),
    });
  registerCommands(
    program,
    commands,
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
    // A file that cannot be read or written is the user's to fix, not a bug: one line, exit 2.
    if (isSystemError(err)) {
      process.stderr.write(`microplan: ${fileSystemMessage(err, process.cwd())}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  return exitCode;
}

const VERSION = '0.1.0';
