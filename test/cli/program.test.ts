/**
 * The program around the commands: its help, its version, and what it says to a mistyped
 * command. (A command named on the command line is the only one set up, so these also hold the
 * program to listing every command when none is named.)
 */
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const COMMANDS = ['lint', 'rules', 'context', 'sites', 'init', 'prompt', 'draft', 'verify', 'pr-body', 'mcp', 'server'];

describe('microplan (the program)', () => {
  it('lists every command in --help, in catalog order', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    const listed = [...r.stdout.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1]);
    expect(listed).toEqual([...COMMANDS, 'help']);
  });

  it('suggests the command meant after a typo, and exits 2', () => {
    const r = cli(['sitez', 'Config']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("microplan: unknown command 'sitez'\n(Did you mean sites?)\n");
  });

  it('prints one command\'s own help, with its options', () => {
    const r = cli(['sites', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: microplan sites \[options\] <types\.\.\.>/);
    expect(r.stdout).toContain('--no-cache');
  });

  it('prints its version', () => {
    expect(cli(['--version']).stdout).toBe('0.1.0\n');
  });

  it.each([
    ['lint', ['lint', '--format', 'xml', 'plan.md'], 'stylish, json, sarif, github'],
    ['rules', ['rules', '--format', 'xml'], 'table, md, json'],
    ['context', ['context', '--source', 'x.md', '--format', 'xml'], 'md, json'],
    ['sites', ['sites', 'Config', '--format', 'xml'], 'md, json'],
    ['verify', ['verify', 'plan.md', '--base', 'main', '--format', 'xml'], 'table, json'],
  ])('%s refuses an unknown --format in the one error style, exit 2', (_name, args, choices) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`microplan: --format xml: unknown format: use one of ${choices}\n`);
  });

  it("says commander's usage errors in the same style", () => {
    const r = cli(['lint']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("microplan: missing required argument 'paths'\n");
  });
});
