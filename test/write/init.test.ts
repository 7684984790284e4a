import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseConfig } from '../../src/config/load.js';
import { AGENTS } from '../../src/write/init/detect.js';
import { init } from '../../src/write/init/init.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of a fixture repository (or an empty directory), removed after the test. */
function fixture(name: string | undefined, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `mp-init-${name ?? 'empty'}-`));
  made.push(dir);
  if (name) cpSync(join('test/fixtures/init', name), dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');

/** Front matter of a Markdown command file, parsed as YAML. */
function frontMatter(text: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  expect(m, 'file starts with YAML front matter').not.toBeNull();
  return parseYaml(m![1]!) as Record<string, unknown>;
}

describe('init: the config', () => {
  it('writes a Go config with go test and golangci-lint, and a Claude command when CLAUDE.md is present', () => {
    const root = fixture('go');
    const r = init({ root });
    expect(r.agents).toEqual(['claude']);
    expect(r.missing).toEqual([]);
    const config = parseYaml(read(root, 'microplan.config.yaml'));
    expect(config).toMatchObject({ language: 'go', commands: { test: 'go test ./...', lint: 'golangci-lint run ./...' }, antipatterns: [], invariants: [] });
    const cmd = read(root, '.claude/commands/micro-plan.md');
    expect(frontMatter(cmd)).toMatchObject({ description: expect.stringContaining('micro-plan'), 'argument-hint': expect.any(String) });
    expect(cmd).toContain('$ARGUMENTS');
    expect(cmd).toContain('microplan lint');
  });

  it('writes a TypeScript config from package.json scripts', () => {
    const root = fixture('ts');
    init({ root });
    const text = read(root, 'microplan.config.yaml');
    expect(parseYaml(text)).toMatchObject({ language: 'typescript', commands: { test: 'npm test', lint: 'npm run lint' } });
    expect(text).not.toMatch(/golangci|go test/);
    expect(text).toContain("- 'All new code will pass npm run lint.'");
  });

  it('runs scripts with the package manager the lock file names', () => {
    const root = fixture(undefined, { 'package.json': '{"scripts":{"test":"vitest run","lint":"eslint ."}}', 'pnpm-lock.yaml': '' });
    expect(init({ root }).stack).toMatchObject({ language: 'javascript', test: 'pnpm run test', lint: 'pnpm run lint' });
  });

  it("does not take npm's placeholder test script for a test command", () => {
    const root = fixture(undefined, { 'package.json': '{"scripts":{"test":"echo \\"Error: no test specified\\" && exit 1"}}' });
    const r = init({ root });
    expect(r.stack.test).toBeUndefined();
    expect(r.missing.map((m) => m.key)).toEqual(['commands.test', 'commands.lint']);
  });

  it('writes a Python config with pytest and ruff', () => {
    const root = fixture('py');
    init({ root });
    expect(parseYaml(read(root, 'microplan.config.yaml'))).toMatchObject({ language: 'python', commands: { test: 'pytest', lint: 'ruff check .' } });
  });

  it('in a repository it cannot detect, writes a config that loads, leaves out what it does not know and says so', () => {
    const root = fixture(undefined, { 'README.md': '# A project\n' });
    const r = init({ root });
    const text = read(root, 'microplan.config.yaml');
    // The config the tool itself then reads: it must load, with no empty command in it.
    const config = parseConfig(text, 'microplan.config.yaml');
    expect(config.commands).toEqual({});
    expect(config.language).toBeUndefined();
    expect(text).not.toMatch(/: ''/);
    expect(text).toMatch(/# commands\.test, commands\.lint: not detected/);
    expect(r.missing.map((m) => m.what)).toEqual(['the language', 'the test command', 'the lint command']);
  });

  it('takes make targets in a repository with only a Makefile', () => {
    const root = fixture(undefined, { Makefile: 'CFLAGS := -O2\n\ntest: build\n\t./run-tests\n\nlint:\n\tshellcheck *.sh\n' });
    const r = init({ root });
    expect(r.stack).toMatchObject({ marker: 'Makefile', test: 'make test', lint: 'make lint' });
    expect(parseConfig(read(root, 'microplan.config.yaml'), 'c.yaml').commands).toEqual({ test: 'make test', lint: 'make lint' });
  });
});

describe('init: agent commands', () => {
  it('installs each requested agent where its current documentation says, in its format', () => {
    const root = fixture('ts');
    init({ root, agents: ['claude,codex,copilot,cursor,gemini,opencode'] });
    const copilot = read(root, '.github/prompts/micro-plan.prompt.md');
    // VS Code reports the old `mode:` key as deprecated; `agent:` replaces it.
    expect(frontMatter(copilot)).toMatchObject({ agent: 'agent', description: expect.any(String) });
    expect(frontMatter(copilot)).not.toHaveProperty('mode');
    expect(copilot).toContain('${input:source');
    expect(read(root, '.gemini/commands/micro-plan.toml')).toMatch(/^description = "[^"]+"\nprompt = """\n[\s\S]*\{\{args\}\}[\s\S]*\n"""\n$/);
    expect(frontMatter(read(root, '.opencode/commands/micro-plan.md'))).toHaveProperty('description');
    expect(existsSync(join(root, '.opencode/command'))).toBe(false);
    expect(frontMatter(read(root, '.agents/skills/micro-plan/SKILL.md'))).toMatchObject({ name: 'micro-plan', description: expect.any(String) });
    expect(existsSync(join(root, '.codex/skills'))).toBe(false);
    expect(read(root, '.cursor/commands/micro-plan.md')).toMatch(/^# Micro-plan\n/);
  });

  it('runs microplan as installed, never through npx (an unrelated registry name)', () => {
    const root = fixture('ts');
    const r = init({ root, agents: [AGENTS.join(',')] });
    expect(r.command).toBe('microplan');
    for (const f of r.files) expect(f.content, f.path).not.toMatch(/npx microplan|npx -y microplan|bunx microplan/);
    expect(read(root, '.claude/commands/micro-plan.md')).toContain('`microplan prompt --source');

    const local = fixture('ts', { 'node_modules/.bin/microplan': '#!/bin/sh\n' });
    const l = init({ root: local, agents: ['claude,codex'] });
    expect(l.command).toBe('./node_modules/.bin/microplan');
    expect(read(local, '.claude/commands/micro-plan.md')).toContain('`./node_modules/.bin/microplan lint <plan> --repo .`');
    expect(read(local, '.codex/config.toml')).toContain('command = "./node_modules/.bin/microplan"');
  });
});

describe('init: MCP registration', () => {
  it("registers the server in each agent's own project config", () => {
    const root = fixture('ts');
    init({ root, agents: [AGENTS.join(',')] });
    const json = (p: string): unknown => JSON.parse(read(root, p));
    expect(json('.mcp.json')).toEqual({ mcpServers: { microplan: { type: 'stdio', command: 'microplan', args: ['mcp'] } } });
    expect(json('.cursor/mcp.json')).toEqual({ mcpServers: { microplan: { command: 'microplan', args: ['mcp'] } } });
    expect(json('.vscode/mcp.json')).toEqual({ servers: { microplan: { type: 'stdio', command: 'microplan', args: ['mcp'] } } });
    expect(json('.gemini/settings.json')).toEqual({ mcpServers: { microplan: { command: 'microplan', args: ['mcp'] } } });
    expect(json('opencode.json')).toEqual({
      $schema: 'https://opencode.ai/config.json',
      mcp: { microplan: { type: 'local', command: ['microplan', 'mcp'], enabled: true } },
    });
    expect(read(root, '.codex/config.toml')).toBe('[mcp_servers.microplan]\ncommand = "microplan"\nargs = ["mcp"]\n');
  });

  it("adds its entry to the user's existing settings and keeps everything else", () => {
    const settings = { theme: 'dark', mcpServers: { other: { command: 'other-server' } } };
    const root = fixture('go', {
      '.gemini/settings.json': JSON.stringify(settings),
      '.codex/config.toml': 'model = "o4"\n\n[mcp_servers.other]\ncommand = "x"\n',
    });
    const r = init({ root, agents: ['gemini,codex'] });
    expect(JSON.parse(read(root, '.gemini/settings.json'))).toEqual({ ...settings, mcpServers: { ...settings.mcpServers, microplan: { command: 'microplan', args: ['mcp'] } } });
    expect(read(root, '.codex/config.toml')).toBe('model = "o4"\n\n[mcp_servers.other]\ncommand = "x"\n\n[mcp_servers.microplan]\ncommand = "microplan"\nargs = ["mcp"]\n');
    expect(r.results.filter((x) => x.path === '.gemini/settings.json' || x.path === '.codex/config.toml').map((x) => x.outcome)).toEqual(['updated', 'updated']);
    // Once added, a second run finds it there.
    expect(init({ root, agents: ['gemini,codex'] }).results.map((x) => x.outcome)).toEqual(Array(5).fill('unchanged'));
  });

  it("leaves the user's own microplan entry and files it cannot parse alone, saying why", () => {
    const mine = '{ "mcpServers": { "microplan": { "command": "node", "args": ["/opt/microplan/bin/microplan.js", "mcp"] } } }';
    const jsonc = '{\n  // my servers\n  "servers": {}\n}\n';
    const root = fixture('go', { '.cursor/mcp.json': mine, '.vscode/mcp.json': jsonc });
    const r = init({ root, agents: ['cursor,copilot'] });
    expect(read(root, '.cursor/mcp.json')).toBe(mine);
    expect(read(root, '.vscode/mcp.json')).toBe(jsonc);
    expect(r.results.find((x) => x.path === '.cursor/mcp.json')).toMatchObject({ outcome: 'kept', reason: 'has its own "microplan" server entry' });
    expect(r.results.find((x) => x.path === '.vscode/mcp.json')).toMatchObject({ outcome: 'kept', reason: expect.stringContaining('microplan mcp --help') });
  });
});

describe('init: re-runs', () => {
  it('changes nothing on a second run', () => {
    const root = fixture('go');
    init({ root });
    const before = statSync(join(root, 'microplan.config.yaml')).mtimeMs;
    const again = init({ root });
    expect(again.results.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(statSync(join(root, 'microplan.config.yaml')).mtimeMs).toBe(before);
  });

  it('keeps a file the user edited, and overwrites it only with force', () => {
    const root = fixture('go');
    init({ root });
    const path = join(root, 'microplan.config.yaml');
    writeFileSync(path, readFileSync(path, 'utf8') + 'invariants: [x]\n');
    const edited = readFileSync(path, 'utf8');
    const second = init({ root });
    expect(second.results[0]).toMatchObject({ path: 'microplan.config.yaml', outcome: 'kept', reason: 'edited since microplan wrote it' });
    expect(readFileSync(path, 'utf8')).toBe(edited);
    init({ root, force: true });
    expect(readFileSync(path, 'utf8')).not.toBe(edited);
  });

  it('keeps an existing file microplan never wrote', () => {
    const root = fixture('ts');
    writeFileSync(join(root, 'microplan.config.yaml'), 'language: typescript\n');
    const r = init({ root });
    expect(r.results[0]).toMatchObject({ outcome: 'kept', reason: 'not written by microplan' });
    expect(read(root, 'microplan.config.yaml')).toBe('language: typescript\n');
  });

  it('writes nothing on a dry run', () => {
    const root = fixture('py');
    const r = init({ root, dryRun: true });
    expect(r.results.map((x) => x.outcome)).toEqual(['would-create', 'would-create', 'would-create']);
    expect(existsSync(join(root, 'microplan.config.yaml'))).toBe(false);
    expect(existsSync(join(root, '.microplan'))).toBe(false);
  });

  it('refuses an unknown agent with the list of known ones', () => {
    expect(() => init({ root: fixture('go'), agents: ['vim'] })).toThrow(/unknown agent "vim"; choose from claude, codex/);
  });
});
