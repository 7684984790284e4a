/** `microplan mcp` started by a person in a terminal says what it is instead of waiting in silence. */
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MCP_TERMINAL_HINT } from '../../src/cli/commands/mcp.js';
import { BIN, requireBuild } from '../write/draft-helpers.js';

// util-linux `script` gives the command a pseudo-terminal as its standard input.
const hasScript = spawnSync('script', ['--version']).status === 0;

/** Output of `mcp` for the first `ms`, then it is stopped (by its pid). */
function firstOutput(command: string, args: string[], ms: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), ms);
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ stdout, stderr });
    });
  });
}

describe('microplan mcp in a terminal', () => {
  it.skipIf(!hasScript)('prints a one-line hint to standard error', async () => {
    requireBuild();
    // In the pseudo-terminal stderr and stdout arrive together, on script's stdout.
    const { stdout } = await firstOutput('script', ['-qec', `${process.execPath} ${BIN} mcp`, '/dev/null'], 4000);
    expect(stdout.replace(/\r/g, '')).toContain(`${MCP_TERMINAL_HINT}\n`);
  });

  it('prints nothing when an agent starts it with pipes', async () => {
    requireBuild();
    const { stdout, stderr } = await firstOutput(process.execPath, [BIN, 'mcp'], 1500);
    expect(stderr).toBe('');
    expect(stdout).toBe('');
  });
});
