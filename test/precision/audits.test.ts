/**
 * Construction-site audit detection on real plans: every corpus plan that mentions construction
 * sites is labelled by hand (audits.json: which audits it has, at which line, of which type, and
 * why the other mentions are not audits). The reader must find exactly those audits, and the
 * construction-sites-complete rule must report on nothing else, once per type.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { parsePlan } from '../../src/plan/parse.js';
import { constructionSitesComplete } from '../../src/rules/grounding/construction-sites-complete.js';
import type { Grounding } from '../../src/ground/types.js';
import type { ConstructionSite } from '../../src/repo/types.js';

interface Label {
  plan: string;
  verdict: 'audit' | 'no-audit';
  reason: string;
  audits: Array<{ line: number; type: string; text: string }>;
  mentions: Array<{ line: number; text: string }>;
}

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/plans/', import.meta.url));
const labels = (JSON.parse(readFileSync(new URL('./audits.json', import.meta.url), 'utf8')) as { plans: Label[] }).plans;
const haveCorpus = existsSync(CORPUS);
const read = (plan: string): string => readFileSync(`${CORPUS}${plan}`, 'utf8');

describe.skipIf(!haveCorpus)('construction-site audits on the corpus', () => {
  it('labels every corpus plan that mentions construction sites, on the text it rests on', () => {
    const mentioning = labels.map((l) => l.plan).sort();
    expect(mentioning.length).toBe(75);
    for (const label of labels) {
      const lines = read(label.plan).split('\n');
      for (const m of [...label.mentions, ...label.audits]) expect(lines[m.line - 1]?.trim().slice(0, 400), `${label.plan}:${m.line}`).toBe(m.text);
      expect(label.verdict === 'audit').toBe(label.audits.length > 0);
    }
  });

  it.each(labels.map((l) => [l.plan, l] as const))('%s: the reader finds exactly the labelled audits', (plan, label) => {
    const found = parsePlan(read(plan), plan).audits.map((a) => `${a.line} ${a.typeName}`);
    expect(found, label.reason).toEqual(label.audits.map((a) => `${a.line} ${a.type}`));
  });

  it('the rule reports on labelled audits only, once per type', async () => {
    // An index that finds one unlisted site of every type: every audit the rule checks shows.
    const site: ConstructionSite = { file: 'nowhere/unlisted.go', line: 1, column: 1, endLine: 1, kind: 'composite-literal', enclosing: undefined };
    const grounding = { index: { constructionSites: async () => [site] } } as unknown as Grounding;
    for (const label of labels) {
      const findings = await constructionSitesComplete.check(parsePlan(read(label.plan), label.plan), { config: defaultConfig(), grounding });
      const expected = label.audits.filter((a, i) => label.audits.findIndex((b) => b.type === a.type) === i).map((a) => a.line);
      expect(findings.map((f) => f.span.start.line), label.plan).toEqual(expected);
    }
  });
});
