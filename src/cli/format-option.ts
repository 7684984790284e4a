/**
 * `-f, --format <format>`, the same in every command: the choices listed in the help, and an
 * unknown name refused in the one error style of the CLI (`microplan: --format x: …`, exit 2).
 */
import { Option } from './commander.js';
import { InputError } from './errors.js';

export function formatOption(names: readonly string[], defaultName: string): Option {
  return new Option('-f, --format <format>', `output format: ${names.join(', ')}`).default(defaultName);
}

export function checkFormat<T extends string>(value: string, names: readonly T[]): T {
  if ((names as readonly string[]).includes(value)) return value as T;
  throw new InputError(`--format ${value}: unknown format: use one of ${names.join(', ')}`);
}
