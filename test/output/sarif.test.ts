import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { formatSarif, toSarif } from '../../src/output/sarif.js';
import { RULES } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/types.js';
import { sampleReport } from './fixtures.js';

// The official SARIF 2.1.0 schema (2.1.0-rtm.5), as Microsoft's SARIF test matchers ship it. It is
// written for JSON Schema draft-04; without its draft-04 markers ($schema, a top-level id) ajv 8
// reads the same keywords (it uses no draft-04-only form such as a boolean exclusiveMinimum).
const require = createRequire(import.meta.url);
const schemaFile = join(dirname(require.resolve('@microsoft/jest-sarif')), 'schemas', 'sarif-2.1.0-rtm.5.json');
const { $schema: _draft, id: _id, ...schema } = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;

function validator() {
  // unicodeRegExp off: the schema's `language` pattern has a stray `]`, legal only without the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  return ajv.compile(schema);
}

const budgetRule: Rule = {
  id: 'some-budget',
  family: 'structure',
  severity: 'warning',
  formats: ['full'],
  description: 'Part 1 stays within its line budget. Reviewers read it whole.',
  instruction: 'Keep Part 1 short.',
  check: () => [],
};
const rules = [...RULES, budgetRule];

type Sarif = {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<Record<string, unknown>> } };
    results: Array<Record<string, unknown>>;
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: unknown[] }>;
  }>;
};

describe('sarif formatter', () => {
  it('produces a log that validates against the official SARIF 2.1.0 schema', () => {
    const validate = validator();
    const log = JSON.parse(formatSarif(sampleReport(), { cwd: process.cwd(), rules })) as unknown;
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema rejects a malformed log, so the validation above can fail', () => {
    const validate = validator();
    const log = toSarif(sampleReport(), { cwd: process.cwd(), rules }) as Sarif;
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(log)).toBe(false);
    const log2 = toSarif(sampleReport(), { cwd: process.cwd(), rules }) as Sarif;
    (log2.runs[0]!.results[0]! as { locations: Array<{ physicalLocation: { region: { startLine: number } } }> }).locations[0]!.physicalLocation.region.startLine = 0;
    expect(validate(log2)).toBe(false);
  });

  it('describes the tool and each rule from the catalog, with a help link to its entry in docs/rules.md', () => {
    const log = toSarif(sampleReport(), { cwd: process.cwd(), rules }) as Sarif;
    const driver = log.runs[0]!.tool.driver;
    expect(log.version).toBe('2.1.0');
    expect(driver.name).toBe('microplan');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    const title = driver.rules.find((r) => r.id === 'title-format')!;
    expect(title.shortDescription).toEqual({ text: expect.stringMatching(/^The plan starts with a level-1 heading.*\.$/) });
    expect(title.fullDescription).toEqual({ text: RULES.find((r) => r.id === 'title-format')!.description });
    expect(title.helpUri).toMatch(/#title-format$/);
    expect(driver.rules.find((r) => r.id === 'some-budget')!.shortDescription).toEqual({ text: 'Part 1 stays within its line budget.' });
  });

  it('reports each diagnostic with its level, message, relative uri and region', () => {
    const log = toSarif(sampleReport(), { cwd: process.cwd(), rules }) as Sarif;
    expect(log.runs[0]!.results).toEqual([
      {
        ruleId: 'title-format',
        ruleIndex: rules.findIndex((r) => r.id === 'title-format'),
        level: 'error',
        message: { text: 'Title "Cache" must end with "Implementation Plan".' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'docs/plans/cache-plan.md', uriBaseId: '%SRCROOT%' },
              region: { startLine: 1, startColumn: 3, endLine: 1, endColumn: 8 },
            },
          },
        ],
      },
      expect.objectContaining({ ruleId: 'some-budget', ruleIndex: rules.length - 1, level: 'warning' }),
    ]);
  });

  it('records unreadable inputs as tool execution notifications', () => {
    const report = sampleReport();
    report.problems = [{ path: 'big.md', message: 'file is 50.0 MB, over the 10.0 MB limit for a plan: check that this is the right file' }];
    const log = toSarif(report, { cwd: process.cwd(), rules }) as Sarif;
    expect(log.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
    expect(log.runs[0]!.invocations[0]!.toolExecutionNotifications).toEqual([
      { level: 'error', message: { text: expect.stringMatching(/^big\.md: file is 50\.0 MB/) } },
    ]);
    expect(validator()(log)).toBe(true);
  });
});
