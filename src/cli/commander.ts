/**
 * commander, required rather than imported: it is CommonJS, and Node's ESM translation of a
 * CommonJS package (a lexer pass over its source, set up on first use) costs a CLI run ~10 ms of
 * start-up that `require` does not. The types are commander's own.
 */
import { createRequire } from 'node:module';
import type * as Commander from 'commander';

const commander = createRequire(import.meta.url)('commander') as typeof Commander;

export const { Command, CommanderError, Option } = commander;
export type Command = Commander.Command;
export type CommanderError = Commander.CommanderError;
export type Option = Commander.Option;
