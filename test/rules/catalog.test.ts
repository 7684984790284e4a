import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { RULES } from '../../src/rules/index.js';
import { ruleInstruction } from '../../src/write/prompt.js';

function testSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : testSources(path);
    return name.endsWith('.test.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('rule catalog', () => {
  it('has unique, stable kebab-case ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('documents every rule for the reference docs and the agents', () => {
    for (const rule of RULES) {
      expect(rule.description.length, rule.id).toBeGreaterThan(40);
      expect(ruleInstruction(rule, defaultConfig()).length, rule.id).toBeGreaterThan(20);
      expect(rule.formats.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('has a specification (a describe block named after the rule) for every rule', () => {
    const sources = testSources('test').join('\n');
    const untested = RULES.map((r) => r.id).filter((id) => !sources.includes(`describe('${id}'`));
    expect(untested).toEqual([]);
  });
});
