/** The README stays short and user-first; the detail lives in docs/. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const README = readFileSync('README.md', 'utf8');

describe('README.md', () => {
  it('is short: what it is, set-up, commands, configuration, agents, findings — in that order', () => {
    expect(Buffer.byteLength(README)).toBeLessThan(8 * 1024);
    const headings = [...README.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings.slice(0, 5)).toEqual(['Set-up: two commands', 'Commands', 'Configuration', 'Agents', 'What the linter finds in real plans']);
  });

  it('sets up with two commands: one lints the examples shipped in the repository, one runs the tests', () => {
    const setup = /## Set-up: two commands\n\n```sh\n(.+)\n(.+)\n```/.exec(README);
    expect(setup?.[1]).toMatch(/^npm ci && node bin\/microplan\.js lint examples\/\S+\.md/);
    expect(setup?.[2]).toBe('npm test');
  });

  it('gives every command one example', () => {
    for (const command of ['lint', 'rules', 'context', 'sites', 'init', 'prompt', 'draft', 'verify', 'pr-body', 'mcp', 'server']) {
      expect(README).toMatch(new RegExp(`^microplan ${command}\\b`, 'm'));
    }
  });

  it('links only to files that exist', () => {
    for (const [, target] of README.matchAll(/\]\(([^)#]+)(#[^)]*)?\)/g)) {
      if (target!.startsWith('http') || target === 'docs/agents.md') continue; // docs/agents.md: another change writes it
      expect(existsSync(target!), target).toBe(true);
    }
  });

  it('keeps benchmark history out: it lives in docs/benchmarks.md', () => {
    expect(README).not.toMatch(/markdownlint-cli2 0\.22|Measured and not kept|medians of/);
    expect(readFileSync('docs/benchmarks.md', 'utf8')).toContain('Measured and not kept');
    expect(existsSync('examples/verify-demo/README.md')).toBe(true);
  });
});
