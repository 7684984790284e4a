/**
 * The program around the commands: its help, its version, and what it says to a mistyped
 * command. (A command named on the command line is the only one set up, so these also hold the
 * program to listing every command when none is named.)
 */
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const COMMANDS = ['lint', 'rules', 'context', 'sites', 'init', 'prompt', 'draft', 'verify', 'pr-body', 'mcp'];

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
    expect(r.stderr).toBe("error: unknown command 'sitez'\n(Did you mean sites?)\n");
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
});
