import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse.js';
import { CORPUS, HAS_CORPUS, NO_CORPUS } from './corpus.js';

interface Label {
  file: string;
  label: 'full' | 'compact' | 'superpowers' | 'none';
  kind: string;
  reason: string;
}

const { labels } = JSON.parse(readFileSync(new URL('./corpus-formats.json', import.meta.url), 'utf8')) as { labels: Label[] };

describe.skipIf(!HAS_CORPUS)('the classifier on every real corpus file, against hand labels', () => {
  it('labels every corpus file (so a new file is labelled before it counts)', async () => {
    const { readdirSync } = await import('node:fs');
    expect(labels.map((l) => l.file).sort()).toEqual(readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort());
  });

  it('agrees with every label: full, compact, superpowers, or not a plan', () => {
    const wrong = labels
      .map((l) => ({ ...l, got: parsePlan(readFileSync(join(CORPUS, l.file), 'utf8'), l.file).format }))
      .filter((l) => l.got !== l.label)
      .map((l) => `${l.file}: labelled ${l.label} (${l.kind}: ${l.reason}), classified ${l.got}`);
    expect(wrong).toEqual([]);
  });
});

if (!HAS_CORPUS) describe('the classifier on the corpus', () => it.skip(NO_CORPUS, () => undefined));
