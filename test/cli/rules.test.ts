import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { renderRulesMarkdown, renderRulesTable } from '../../src/output/rules.js';
import { RULES } from '../../src/rules/index.js';
import { cli, ROOT, tempDir } from './run-cli.js';
import { writeFileSync } from 'node:fs';

describe('microplan rules', () => {
  it('prints the catalog as a table: id, family, severity and description', () => {
    const r = cli(['rules']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^RULE\s+FAMILY\s+SEVERITY\s+DESCRIPTION$/);
    expect(lines.find((l) => l.startsWith('title-format'))).toMatch(/^title-format\s+header\s+error\s+The plan starts with a level-1 heading/);
    expect(r.stdout).toContain(`${RULES.length} rule`);
  });

  it('fits 80 columns on a terminal: rules under their family, descriptions wrapped, nothing cut', () => {
    const out = renderRulesTable(RULES, 80);
    const lines = out.split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(lines).toContain('Header');
    const at = lines.findIndex((l) => /^ {2}title-format +error$/.test(l));
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 3).join(' ').replace(/\s+/g, ' ')).toContain('The plan starts with a level-1 heading of the form');
    for (const r of RULES) expect(out).toContain(`  ${r.id} `);
    // Every description whole: its words in order, only the line breaks differ.
    const flat = out.replace(/\s+/g, ' ');
    const first = (d: string) => (/^(.+?[.!?])(\s|$)/s.exec(d.trim())?.[1] ?? d).replace(/\s+/g, ' ');
    for (const r of RULES) expect(flat).toContain(first(r.description));
  });

  it('keeps one line per rule when there is no terminal, for grep', () => {
    expect(renderRulesTable(RULES).split('\n').filter((l) => l.startsWith('title-format '))).toHaveLength(1);
  });

  it('prints the catalog as JSON with each rule\'s instruction', () => {
    const rules = JSON.parse(cli(['rules', '--format', 'json']).stdout) as Array<Record<string, unknown>>;
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(rules.find((r) => r.id === 'title-format')).toEqual({
      id: 'title-format',
      family: 'header',
      severity: 'error',
      strict: false,
      formats: ['full', 'compact'],
      needsRepo: false,
      description: expect.any(String),
      instruction: expect.stringContaining('Implementation Plan'),
    });
  });

  it('prints the reference docs with --format md, with an anchor per rule', () => {
    const r = cli(['rules', '--format', 'md']);
    expect(r.stdout).toMatch(/^# Rules\n/);
    expect(r.stdout).toContain('### title-format\n');
    expect(r.stdout).toContain('[`title-format`](#title-format)');
  });

  it('rejects an unknown format', () => {
    const r = cli(['rules', '--format', 'html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('microplan: --format html: unknown format: use one of table, md, json\n');
  });

  it('renders the instructions with a project config given by --config', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.yaml'), 'rules:\n  title-format: off\n');
    const r = cli(['rules', '--format', 'json', '--config', join(dir, 'c.yaml')]);
    expect(r.code).toBe(0);
  });
});

describe('docs/rules.md', () => {
  it('is what the registered catalog renders (run "npm run docs" after adding or changing a rule)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8')).toBe(renderRulesMarkdown(RULES, defaultConfig()));
  });
});
