import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/errors.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { renderConfigDoc } from '../../src/config/docs.js';
import { ConfigResolver, loadConfigFile, parseConfig } from '../../src/config/load.js';

const FILE = 'microplan.config.yaml';

/** The InputError message parseConfig throws for a config text. */
function configError(text: string, path = FILE): string {
  try {
    parseConfig(text, path);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'microplan-config-'));
}

describe('config: parsing and merging', () => {
  it('treats an empty file as the defaults, remembering where it came from', () => {
    expect(parseConfig('', FILE)).toEqual({ ...defaultConfig(), path: FILE });
  });

  it('overrides one budget and keeps every other budget at the spec value', () => {
    const config = parseConfig('budgets:\n  tasks: [4, 12]\n', FILE);
    expect(config.budgets.tasks).toEqual([4, 12]);
    expect(config.budgets.contracts).toEqual(defaultConfig().budgets.contracts);
    expect(config.budgets.part1Lines).toBe(120);
  });

  it('overrides one command and keeps the other', () => {
    const config = parseConfig('commands:\n  test: npx vitest run\n', FILE);
    expect(config.commands).toEqual({ test: 'npx vitest run' });
    expect(parseConfig('extends: inference-sim\ncommands:\n  test: make test\n', FILE).commands).toEqual({ test: 'make test', lint: 'golangci-lint run ./...' });
  });

  it('replaces lists instead of appending to them', () => {
    expect(parseConfig('bannedWords: [should, might]\n', FILE).bannedWords).toEqual(['should', 'might']);
  });

  it('reads antipatterns written as "R1: text" strings and as { id, text } mappings', () => {
    const config = parseConfig('antipatterns:\n  - "R1: No silent catch"\n  - id: R2\n    text: No any\n', FILE);
    expect(config.antipatterns).toEqual([
      { id: 'R1', text: 'No silent catch' },
      { id: 'R2', text: 'No any' },
    ]);
  });

  it('reads plan-specific checks as id-less entries', () => {
    expect(parseConfig('planSpecificChecks: ["No dead code."]\n', FILE).planSpecificChecks).toEqual([{ id: undefined, text: 'No dead code.' }]);
  });

  it('maps the severity "warn" to "warning" and accepts "off"', () => {
    expect(parseConfig('rules:\n  title-format: warn\n', FILE).rules).toEqual({ 'title-format': 'warning' });
    expect(parseConfig('rules:\n  title-format: off\n', FILE).rules).toEqual({ 'title-format': 'off' });
  });

  it('reads a JSON config and ignores its $schema key', () => {
    const config = parseConfig('{ "$schema": "./schema.json", "language": "typescript" }', 'microplan.config.json');
    expect(config.language).toBe('typescript');
  });
});

describe('config: strict validation with messages that name the file, the key and the fix', () => {
  it('suggests the closest key for a misspelt top-level key', () => {
    expect(configError('bugdets:\n  tasks: [4, 12]\n')).toBe('microplan.config.yaml: bugdets: unknown key; did you mean "budgets"?');
  });

  it('suggests the closest key for a misspelt nested key, with its full path', () => {
    expect(configError('commands:\n  tset: npm test\n')).toBe('microplan.config.yaml: commands.tset: unknown key; did you mean "test"?');
  });

  it('lists the known keys when nothing is close to an unknown key', () => {
    expect(configError('zzzzzzzzzz: 1\n')).toMatch(/zzzzzzzzzz: unknown key \(known keys here: extends, format, language, commands, .*rules\)/);
  });

  it('names the expected type when a value has the wrong type', () => {
    expect(configError('bannedWords: should\n')).toBe('microplan.config.yaml: bannedWords: must be a list of strings, not the string "should"');
    expect(configError('budgets:\n  part1Lines: lots\n')).toContain('budgets.part1Lines: must be a whole number ≥ 0, not the string "lots"');
    expect(configError('commands: npm test\n')).toContain('commands: must be a mapping of keys (test, lint)');
  });

  it('rejects a range written as a single number or with min above max', () => {
    expect(configError('budgets:\n  tasks: 12\n')).toContain('budgets.tasks: must be a range [min, max] of two whole numbers ≥ 0 (e.g. [3, 15]), not number 12');
    expect(configError('budgets:\n  tasks: [12, 6]\n')).toContain('budgets.tasks: has min 12 greater than max 6: write [6, 12]');
  });

  it('rejects a severity other than error, warn, warning or off', () => {
    expect(configError('rules:\n  title-format: fatal\n')).toBe(
      'microplan.config.yaml: rules.title-format: severity must be error, warn, warning or off, not the string "fatal"',
    );
  });

  it('rejects an unknown rule id and names the close ids', () => {
    expect(configError('rules:\n  title-fromat: warn\n')).toBe('microplan.config.yaml: rules.title-fromat: unknown rule id; did you mean "title-format"?');
  });

  it('points at "microplan rules" when no rule id is close', () => {
    expect(configError('rules:\n  no-such-thing-at-all: warn\n')).toContain('run "microplan rules" to list the rule ids');
  });

  it('rejects a testNamePattern that does not compile as a regular expression', () => {
    expect(configError('testNamePattern: "^Test(["\n')).toMatch(/testNamePattern: is not a valid regular expression \(.*\); escape special characters or fix the pattern/);
  });

  it('rejects an antipattern string without an id, and repeated ids', () => {
    expect(configError('antipatterns: ["No silent catch"]\n')).toContain('antipatterns[0]: must start with an id, like "R1: No silent catch", or be { id, text }');
    expect(configError('antipatterns: ["R1: a", "R1: b"]\n')).toContain('antipatterns[1]: repeats the id R1');
  });

  it('reports every problem at once, one per line', () => {
    const message = configError('bugdets: 1\nlanguage: 3\nrules:\n  title-format: loud\n');
    expect(message.split('\n')).toHaveLength(4);
    expect(message).toMatch(/^3 problems in the config:/);
  });

  it('reports a YAML syntax error with its line and column', () => {
    expect(configError('language: go\ncommands: [\n')).toMatch(/^microplan\.config\.yaml:\d+:\d+: invalid YAML \(.+\): fix the syntax$/);
  });

  it('rejects duplicate keys in YAML', () => {
    expect(configError('language: go\nlanguage: python\n')).toMatch(/invalid YAML/);
  });

  it('reports a JSON syntax error with its line and column', () => {
    expect(configError('{\n  "language": "go",\n}\n', 'microplan.config.json')).toMatch(/^microplan\.config\.json:3:1: invalid JSON/);
  });

  it('rejects a document that is not a mapping', () => {
    expect(configError('- a\n- b\n')).toContain('microplan.config.yaml: must be a mapping of keys');
  });
});

describe('config: finding the file', () => {
  it('uses the nearest config above the plan, walking up through directories without one', () => {
    const root = tempDir();
    mkdirSync(join(root, 'docs', 'plans'), { recursive: true });
    writeFileSync(join(root, 'microplan.config.yaml'), 'language: typescript\n');
    const resolver = new ConfigResolver();
    const config = resolver.forDirectory(join(root, 'docs', 'plans'));
    expect(config.language).toBe('typescript');
    expect(config.path).toContain('microplan.config.yaml');
  });

  it('prefers .yaml over .yml over .json in the same directory', () => {
    const root = tempDir();
    writeFileSync(join(root, 'microplan.config.json'), '{"language": "json"}');
    writeFileSync(join(root, 'microplan.config.yml'), 'language: yml\n');
    expect(new ConfigResolver().forDirectory(root).language).toBe('yml');
    writeFileSync(join(root, 'microplan.config.yaml'), 'language: yaml\n');
    expect(new ConfigResolver().forDirectory(root).language).toBe('yaml');
  });

  it('lets a nearer config win over one further up', () => {
    const root = tempDir();
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, 'microplan.config.yaml'), 'language: outer\n');
    writeFileSync(join(root, 'sub', 'microplan.config.yaml'), 'language: inner\n');
    const resolver = new ConfigResolver();
    expect(resolver.forDirectory(join(root, 'sub')).language).toBe('inner');
    expect(resolver.forDirectory(root).language).toBe('outer');
  });

  it('reads each config once per resolver, however many plans sit under it', () => {
    const root = tempDir();
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'microplan.config.yaml'), 'language: first\n');
    const resolver = new ConfigResolver();
    expect(resolver.forDirectory(join(root, 'a')).language).toBe('first');
    writeFileSync(join(root, 'microplan.config.yaml'), 'language: second\n');
    expect(resolver.forDirectory(root).language).toBe('first');
    expect(new ConfigResolver().forDirectory(root).language).toBe('second');
  });

  it('uses an explicit --config file for every directory', () => {
    const root = tempDir();
    const file = join(root, 'custom.yaml');
    writeFileSync(file, 'language: python\n');
    writeFileSync(join(root, 'microplan.config.yaml'), 'language: ignored\n');
    expect(new ConfigResolver({ configPath: file }).forDirectory(root).language).toBe('python');
  });

  it('refuses a --config path that does not exist, saying how to fix it', () => {
    expect(() => loadConfigFile('/no/such/microplan.config.yaml')).toThrow('/no/such/microplan.config.yaml: config file not found: check the --config path');
  });

  it('refuses a config file that is not UTF-8', () => {
    const file = join(tempDir(), 'microplan.config.yaml');
    writeFileSync(file, Buffer.from([0x6c, 0x3a, 0x20, 0xff, 0xfe]));
    expect(() => loadConfigFile(file)).toThrow('not valid UTF-8');
  });
});

describe('docs/config.md', () => {
  const doc = readFileSync(new URL('../../docs/config.md', import.meta.url), 'utf8');

  it('is the output of the schema (run "npm run docs" after changing the schema)', () => {
    expect(doc).toBe(renderConfigDoc());
  });

  it('documents a YAML example that is a valid config', () => {
    const example = /## Example[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    expect(parseConfig(example, 'example.yaml').language).toBe('typescript');
  });

  it('documents the defaults in full as a config that reproduces them', () => {
    const defaults = /## The defaults, in full[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    expect(parseConfig(defaults, 'defaults.yaml')).toEqual({ ...defaultConfig(), path: 'defaults.yaml' });
  });
});

describe('defaults and presets', () => {
  it('defaults fit any project: no language, commands, test names, antipatterns or invariants, and no Go', () => {
    const config = parseConfig('', FILE);
    expect(config).toMatchObject({ language: undefined, commands: {}, testNamePattern: undefined, antipatterns: [], invariants: [] });
    expect(JSON.stringify(config)).not.toMatch(/golangci|go test|CLAUDE\.md|superpowers|Golden dataset/);
  });

  it('extends the inference-sim preset: the spec project\'s commands, checklist, R1–R23 and invariants', () => {
    const config = parseConfig('extends: inference-sim\n', FILE);
    expect(config).toMatchObject({ extends: 'inference-sim', language: 'go', commands: { test: 'go test ./...', lint: 'golangci-lint run ./...' } });
    expect(config.antipatterns.map((a) => a.id)).toEqual(Array.from({ length: 23 }, (_, i) => `R${i + 1}`));
    expect(config.planSpecificChecks.map((c) => c.text)).toContain('No stale references left in CLAUDE.md.');
    expect(config.invariants[0]).toMatch(/^Request conservation/);
    expect(config.agentLine).toContain('superpowers:executing-plans');
  });

  it("lets the file's own keys win over its preset", () => {
    const config = parseConfig('extends: inference-sim\ninvariants: [Mine]\nbudgets:\n  tasks: [2, 4]\n', FILE);
    expect(config.invariants).toEqual(['Mine']);
    expect(config.budgets.tasks).toEqual([2, 4]);
    expect(config.antipatterns).toHaveLength(23);
  });

  it('names the presets when extends names none of them', () => {
    expect(configError('extends: inference-sm\n')).toBe('microplan.config.yaml: extends: is not a preset; did you mean "inference-sim"?');
    expect(configError('extends: rails\n')).toBe('microplan.config.yaml: extends: is not a preset; the presets are inference-sim');
  });

  it('takes an agent line only as one blockquote line', () => {
    expect(parseConfig("agentLine: '> **For Codex:** run the plan-runner skill.'\n", FILE).agentLine).toBe('> **For Codex:** run the plan-runner skill.');
    expect(configError('agentLine: Use the skill\n')).toBe('microplan.config.yaml: agentLine: must be one Markdown blockquote line, starting with "> "');
  });
});
