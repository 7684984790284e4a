import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { providerErrorLine } from '../../src/write/draft/errors.js';
import { chooseDraftFiles, writeNewFile, writePlan } from '../../src/write/draft/files.js';
import { defaultPlanPath, slugify } from '../../src/write/draft/plan-path.js';
import { ProgressLine } from '../../src/write/draft/progress.js';
import { isIssueSpec } from '../../src/write/sources/source-arg.js';
import { createStreamTap } from '../../src/write/draft/tap.js';
import { makeRedactor } from '../../src/write/redact.js';
import { ProviderError } from '../../src/write/providers/types.js';
import { pieces, startServer } from './helpers/server.js';
import { anthropicStream, openaiStream } from './helpers/wire.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'microplan-draft-parts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('draft files', () => {
  it('writes to the requested path when neither it nor round files of an earlier run exist', () => {
    const files = chooseDraftFiles(join(dir, 'a', 'x-plan.md'));
    expect(files.target).toBe(join(dir, 'a', 'x-plan.md'));
    expect(files.displaced).toBeUndefined();
    expect(files.roundPath(2)).toBe(join(dir, 'a', 'x-plan.round-2.md'));
    expect(files.partialPath(3)).toBe(join(dir, 'a', 'x-plan.round-3.partial.md'));
  });

  it('moves aside to <name>.draft.md, then .draft-2.md, when the plan or its round files exist', async () => {
    await writeFile(join(dir, 'y-plan.md'), 'mine');
    const first = chooseDraftFiles(join(dir, 'y-plan.md'));
    expect(first.target).toBe(join(dir, 'y-plan.draft.md'));
    expect(first.displaced).toBe(join(dir, 'y-plan.md'));
    expect(first.roundPath(1)).toBe(join(dir, 'y-plan.draft.round-1.md'));
    await writeFile(first.roundPath(1), 'earlier run');
    expect(chooseDraftFiles(join(dir, 'y-plan.md')).target).toBe(join(dir, 'y-plan.draft-2.md'));
  });

  it('never overwrites: writeNewFile refuses an existing file and writePlan picks the next free name', async () => {
    const path = join(dir, 'z-plan.md');
    const files = chooseDraftFiles(path);
    expect(writeNewFile(path, 'first')).toBe(true);
    expect(writeNewFile(path, 'second')).toBe(false);
    expect(await readFile(path, 'utf8')).toBe('first');
    // The file appeared after the run chose its target: the plan goes beside it.
    expect(writePlan(files, 'plan')).toBe(join(dir, 'z-plan.draft.md'));
    expect(await readFile(path, 'utf8')).toBe('first');
  });
});

describe('default plan path', () => {
  it('is <plansDir>/<date>-<slug>-plan.md with the slug from the source title', () => {
    const path = defaultPlanPath(defaultConfig(), 'PR 4: ClusterSimulator with Event Loop', '/repo', new Date(2026, 2, 5));
    expect(path).toBe('/repo/docs/plans/2026-03-05-pr-4-clustersimulator-with-event-loop-plan.md');
  });

  it('slugs accents, issue titles and "… Plan" titles without doubling "plan"', () => {
    expect(slugify('Répartir la charge')).toBe('repartir-la-charge');
    expect(slugify('#183 Horizon warning; #189 Log level')).toBe('183-horizon-warning-189-log-level');
    expect(slugify('KV Capacity Macro Plan')).toBe('kv-capacity');
    expect(slugify('PR 2: Auto-calculate KV blocks (depends on PR 1)')).toBe('pr-2-auto-calculate-kv-blocks');
    expect(slugify('(only an aside)')).toBe('only-an-aside');
    expect(slugify('!!!')).toBe('untitled');
    expect(slugify('a'.repeat(30) + ' ' + 'b'.repeat(40)).length).toBeLessThanOrEqual(60);
  });
});

describe('issue specs', () => {
  it('reads "#12", "#12,#13" and "12, #13" as issues but a plain "12" as a file name', () => {
    expect(isIssueSpec('#12')).toBe(true);
    expect(isIssueSpec('#12,#13')).toBe(true);
    expect(isIssueSpec('12, #13')).toBe(true);
    expect(isIssueSpec('12')).toBe(false);
    expect(isIssueSpec('docs/#12.md')).toBe(false);
  });
});

describe('progress line', () => {
  function sink(isTTY: boolean) {
    const out: string[] = [];
    return { out, stream: { isTTY, write: (s: string) => out.push(s) } };
  }

  it('redraws one line in place on a terminal', () => {
    let t = 0;
    const { out, stream } = sink(true);
    const p = new ProgressLine(stream, { now: () => t });
    p.start(1, 'asking m');
    t = 500;
    p.update(1, 12_345, 8100);
    t = 550; // throttled: too soon after the last redraw
    p.update(1, 12_400, 8150);
    p.done(1, 12_400, 8200, '2 errors, 0 warnings');
    expect(out).toEqual(['\r\x1b[2Kround 1: asking m…', '\r\x1b[2Kround 1: 12.3k chars, 8.1 s', '\r\x1b[2K', 'round 1: 12.4k chars, 8.2 s — 2 errors, 0 warnings\n']);
  });

  it('prints plain lines at most every few seconds when stderr is not a terminal', () => {
    let t = 0;
    const { out, stream } = sink(false);
    const p = new ProgressLine(stream, { now: () => t, plainEveryMs: 10_000 });
    p.start(1, 'asking m');
    for (t = 1000; t <= 25_000; t += 1000) p.update(1, t, t);
    p.done(1, 900, 25_500, 'clean');
    expect(out).toEqual(['round 1: asking m…\n', 'round 1: 10.0k chars, 10.0 s\n', 'round 1: 20.0k chars, 20.0 s\n', 'round 1: 900 chars, 25.5 s — clean\n']);
    expect(out.join('')).not.toContain('\r');
  });
});

describe('stream tap', () => {
  it('sees the text streamed so far in both wire formats, starting over on each request', async () => {
    const server = await startServer([
      { chunks: pieces(anthropicStream(['Hello', ', world']), 9) },
      { chunks: pieces(openaiStream(['Bon', 'jour']), 9) },
    ]);
    try {
      const tap = createStreamTap();
      await (await tap.fetch(server.url, { method: 'POST' })).text();
      expect(tap.text()).toBe('Hello, world');
      await (await tap.fetch(server.url, { method: 'POST' })).text();
      expect(tap.text()).toBe('Bonjour');
    } finally {
      await server.close();
    }
  });
});

describe('provider error lines', () => {
  const ctx = (provider: string) => ({ provider, model: 'claude-x', redact: makeRedactor(['sk-ant-SECRET-123456']) });

  it('names the key variable for auth, the model for a missing model, and --section for a long prompt', () => {
    expect(providerErrorLine(new ProviderError('auth', 'anthropic rejected the key sk-ant-SECRET-123456'), ctx('anthropic'))).toBe(
      'anthropic rejected the key [redacted]; set ANTHROPIC_API_KEY to a valid key',
    );
    expect(providerErrorLine(new ProviderError('model-not-found', 'the server says 404'), ctx('openai-compatible'))).toContain('model "claude-x"');
    expect(providerErrorLine(new ProviderError('context-length', 'the prompt is too long'), ctx('openai'))).toContain('use --section');
    expect(providerErrorLine(new ProviderError('auth', 'x\nrejected'), ctx('openai'))).toBe('x rejected; set OPENAI_API_KEY to a valid key');
  });
});
