import { cpSync, mkdtempSync, readFileSync, existsSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { init } from '../../src/write/init/init.js';

function fixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mp-init-${name}-`));
  cpSync(join('test/fixtures/init', name), dir, { recursive: true });
  return dir;
}

/** Front matter of a Markdown command file, parsed as YAML. */
function frontMatter(text: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  expect(m, 'file starts with YAML front matter').not.toBeNull();
  return parseYaml(m![1]!) as Record<string, unknown>;
}

describe('init', () => {
  it('writes a Go config with go test and golangci-lint, and a Claude command when CLAUDE.md is present', () => {
    const root = fixture('go');
    const r = init({ root });
    expect(r.agents).toEqual(['claude']);
    const config = parseYaml(readFileSync(join(root, 'microplan.config.yaml'), 'utf8'));
    expect(config).toMatchObject({ language: 'go', commands: { test: 'go test ./...', lint: 'golangci-lint run ./...' }, antipatterns: [], invariants: [] });
    const cmd = readFileSync(join(root, '.claude/commands/micro-plan.md'), 'utf8');
    expect(frontMatter(cmd)).toMatchObject({ description: expect.stringContaining('micro-plan'), 'argument-hint': expect.any(String) });
    expect(cmd).toContain('$ARGUMENTS');
    expect(cmd).toContain('microplan lint');
  });

  it('writes a TypeScript config from package.json scripts and a Cursor command when .cursor exists', () => {
    const root = fixture('ts');
    const r = init({ root });
    expect(r.agents).toEqual(['cursor']);
    const config = parseYaml(readFileSync(join(root, 'microplan.config.yaml'), 'utf8'));
    expect(config).toMatchObject({ language: 'typescript', commands: { test: 'npm test', lint: 'npm run lint' } });
    expect(readFileSync(join(root, 'microplan.config.yaml'), 'utf8')).not.toMatch(/golangci|go test/);
    expect(readFileSync(join(root, '.cursor/commands/micro-plan.md'), 'utf8')).toMatch(/^# Micro-plan\n/);
  });

  it('writes a Python config with pytest and ruff, and a Codex skill when AGENTS.md is present', () => {
    const root = fixture('py');
    init({ root });
    const config = parseYaml(readFileSync(join(root, 'microplan.config.yaml'), 'utf8'));
    expect(config).toMatchObject({ language: 'python', commands: { test: 'pytest', lint: 'ruff check .' } });
    expect(frontMatter(readFileSync(join(root, '.codex/skills/micro-plan/SKILL.md'), 'utf8'))).toMatchObject({ name: 'micro-plan' });
  });

  it('installs each requested agent in its own location and format', () => {
    const root = fixture('ts');
    init({ root, agents: ['claude,codex,copilot,cursor,gemini,opencode'] });
    const copilot = readFileSync(join(root, '.github/prompts/micro-plan.prompt.md'), 'utf8');
    expect(frontMatter(copilot)).toMatchObject({ mode: 'agent' });
    expect(copilot).toContain('${input:source');
    const gemini = readFileSync(join(root, '.gemini/commands/micro-plan.toml'), 'utf8');
    expect(gemini).toMatch(/^description = "[^"]+"\nprompt = """\n[\s\S]*\{\{args\}\}[\s\S]*\n"""\n$/);
    expect(frontMatter(readFileSync(join(root, '.opencode/command/micro-plan.md'), 'utf8'))).toHaveProperty('description');
  });

  it('changes nothing on a second run', () => {
    const root = fixture('go');
    init({ root });
    const before = statSync(join(root, 'microplan.config.yaml')).mtimeMs;
    const again = init({ root });
    expect(again.results.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged']);
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
    expect(readFileSync(join(root, 'microplan.config.yaml'), 'utf8')).toBe('language: typescript\n');
  });

  it('writes nothing on a dry run', () => {
    const root = fixture('py');
    const r = init({ root, dryRun: true });
    expect(r.results.map((x) => x.outcome)).toEqual(['would-create', 'would-create']);
    expect(existsSync(join(root, 'microplan.config.yaml'))).toBe(false);
    expect(existsSync(join(root, '.microplan'))).toBe(false);
  });

  it('refuses an unknown agent with the list of known ones', () => {
    expect(() => init({ root: fixture('go'), agents: ['vim'] })).toThrow(/unknown agent "vim"; choose from claude, codex/);
  });
});
