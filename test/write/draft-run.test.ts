import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/errors.js';
import { writeDeps } from '../../src/cli/commands/shared-config.js';
import { runDraft, type DraftArgs, type DraftIo } from '../../src/write/draft/draft-run.js';
import { json, pieces, startServer, type TestServer } from './helpers/server.js';
import { anthropicStream, openaiStream } from './helpers/wire.js';
import { BAD_ANSWER, BAD_PLAN, GOOD_PLAN, deltas } from './draft-plans.js';

const KEYS = {
  ANTHROPIC_API_KEY: 'sk-ant-test-SECRET-anthropic-0123456789',
  OPENAI_API_KEY: 'sk-test-SECRET-openai-0123456789',
  MICROPLAN_API_KEY: 'local-SECRET-key-0123456789',
};
const PLAN = 'docs/plans/2026-03-05-rename-the-batch-receiver-plan.md';

let root: string;
let server: TestServer | undefined;
let n = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'microplan-draft-run-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  cwd: string;
  file(path: string): Promise<string>;
  files(): Promise<string[]>;
}

/** A fresh project directory with the source of work in it. */
async function project(): Promise<string> {
  const cwd = join(root, `p${++n}`);
  await mkdir(cwd);
  await writeFile(join(cwd, 'issue.md'), '# Rename the batch receiver\n\nThe function `recieveBatch` in sim/queue.go is misspelled.\n');
  return cwd;
}

async function draft(args: Partial<DraftArgs>, extra: Partial<DraftIo> & { cwd?: string } = {}): Promise<Run> {
  const cwd = extra.cwd ?? (await project());
  let stdout = '';
  let stderr = '';
  const io: DraftIo = {
    cwd,
    env: KEYS,
    stdin: { isTTY: true, [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }) }) },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    today: () => new Date(2026, 2, 5),
    retry: { attempts: 3, baseDelayMs: 1, sleep: async () => undefined, random: () => 0.5 },
    ...extra,
  };
  const code = await runDraft({ source: 'issue.md', model: 'test-model', ...args }, io, writeDeps);
  return {
    code,
    stdout,
    stderr,
    cwd,
    file: (p) => readFile(join(cwd, p), 'utf8'),
    files: async () => (existsSync(join(cwd, 'docs/plans')) ? (await readdir(join(cwd, 'docs/plans'))).sort() : []),
  };
}

/** Every byte a run showed or wrote, to check that no key leaked. */
async function everything(run: Run): Promise<string> {
  const contents = await Promise.all((await run.files()).map((f) => run.file(`docs/plans/${f}`)));
  return [run.stdout, run.stderr, ...contents].join('\n');
}

function expectNoKey(text: string): void {
  for (const key of Object.values(KEYS)) expect(text).not.toContain(key);
  expect(text).not.toContain('SECRET');
}

const WIRES = [
  { provider: 'anthropic', stream: (t: string) => anthropicStream(deltas(t)), url: (s: TestServer) => s.url, path: '/v1/messages' },
  { provider: 'openai', stream: (t: string) => openaiStream(deltas(t), { usage: true }), url: (s: TestServer) => s.url, path: '/v1/chat/completions' },
  { provider: 'openai-compatible', stream: (t: string) => openaiStream(deltas(t)), url: (s: TestServer) => `${s.url}/v1`, path: '/v1/chat/completions' },
] as const;

/** The last user message of a recorded request, whichever wire format. */
function lastUserMessage(body: string): string {
  const parsed = JSON.parse(body) as { messages: Array<{ role: string; content: string }> };
  return parsed.messages.filter((m) => m.role === 'user').at(-1)!.content;
}

describe('microplan draft against each provider wire format', () => {
  for (const wire of WIRES) {
    it(`${wire.provider}: repairs a defective first draft in round 2, keeping both drafts and sending the findings back`, async () => {
      server = await startServer([
        { chunks: pieces(wire.stream(BAD_ANSWER), 50), gapMs: 1 },
        { chunks: pieces(wire.stream(GOOD_PLAN), 50), gapMs: 1 },
      ]);
      const run = await draft({ provider: wire.provider, baseUrl: wire.url(server) });

      expect(run.stderr).toMatch(/round 1: .*chars.* — 2 errors, 0 warnings/);
      expect(run.stderr).toMatch(/round 2: .*chars.* — 0 errors, 0 warnings/);
      expect(run.code).toBe(0);
      expect(await run.files()).toEqual([
        '2026-03-05-rename-the-batch-receiver-plan.md',
        '2026-03-05-rename-the-batch-receiver-plan.round-1.md',
        '2026-03-05-rename-the-batch-receiver-plan.round-2.md',
      ]);
      expect(await run.file(PLAN)).toBe(GOOD_PLAN);
      expect(await run.file(PLAN.replace('.md', '.round-1.md'))).toBe(BAD_PLAN);
      expect(await run.file(PLAN.replace('.md', '.round-2.md'))).toBe(GOOD_PLAN);
      expect(run.stdout).toContain(`Wrote ${PLAN} from round 2 of 2: 0 errors, 0 warnings.`);

      expect(server.requests.map((r) => r.url)).toEqual([wire.path, wire.path]);
      const first = lastUserMessage(server.requests[0]!.body);
      expect(first).toContain('The function `recieveBatch` in sim/queue.go is misspelled.');
      expect(first).toContain(`Write the plan to \`${PLAN}\`.`);
      const revision = lastUserMessage(server.requests[1]!.body);
      expect(revision).toContain('1:3 title-format Title "Rename the Batch Receiver" must end with "Implementation Plan"');
      expect(revision).toMatch(/\d+:\d+ contract-banned-words .*"should"/);
      expect(revision).toContain('return the WHOLE corrected plan');
      expect(JSON.parse(server.requests[1]!.body).messages.some((m: { role: string; content: string }) => m.role === 'assistant' && m.content === BAD_PLAN)).toBe(true);
      expectNoKey(await everything(run));
    });
  }

  it('retries a 429 and then drafts normally', async () => {
    server = await startServer([
      json(429, { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } }, { 'retry-after': '0' }),
      { chunks: [anthropicStream(deltas(GOOD_PLAN))] },
    ]);
    const run = await draft({ provider: 'anthropic', baseUrl: server.url });
    expect(run.code).toBe(0);
    expect(server.requests).toHaveLength(2);
    expect(await run.file(PLAN)).toBe(GOOD_PLAN);
  });

  it('stops at a 401 with one line naming the key variable, exit 2, no key shown and no file written', async () => {
    server = await startServer([json(401, { error: { message: `Incorrect API key provided: ${KEYS.OPENAI_API_KEY}`, type: 'invalid_request_error', code: 'invalid_api_key' } })]);
    const run = await draft({ provider: 'openai', baseUrl: server.url });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^microplan: round 1 failed: openai rejected the API key \(HTTP 401: .*\); set OPENAI_API_KEY to a valid key$/);
    expect(run.stdout).toBe('');
    expect(await run.files()).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expectNoKey(await everything(run));
  });

  it('gives up on a model that goes silent after --timeout seconds, exit 2', async () => {
    server = await startServer([{ chunks: [anthropicStream(['# Half']).slice(0, 400)], stall: true }]);
    const started = Date.now();
    const run = await draft({ provider: 'anthropic', baseUrl: server.url, timeout: '0.2' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/round 1 failed: anthropic sent nothing for 200 ms; gave up waiting; a slow model may need a longer --timeout\n$/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports a stream cut off before its end marker as malformed, exit 2', async () => {
    server = await startServer([{ chunks: [anthropicStream(deltas(GOOD_PLAN), { end: false })] }]);
    const run = await draft({ provider: 'anthropic', baseUrl: server.url });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/round 1 failed: anthropic's stream ended before message_stop after \d+ characters; the answer is incomplete\n$/);
    expect(await run.files()).toEqual([]);
  });

  it('reports invalid JSON in the stream as malformed, exit 2', async () => {
    server = await startServer([{ chunks: ['data: {"choices":[{"delta":{"content":"# A"\n\n'] }]);
    const run = await draft({ provider: 'openai-compatible', baseUrl: server.url });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/round 1 failed: the server at http:\/\/127\.0\.0\.1:\d+ sent an event that is not valid JSON/);
  });

  it('keeps the best draft as the plan when a later round fails, and still exits 2', async () => {
    server = await startServer([{ chunks: [anthropicStream(deltas(BAD_ANSWER))] }, json(404, { type: 'error', error: { type: 'not_found_error', message: 'model: test-model' } })]);
    const run = await draft({ provider: 'anthropic', baseUrl: server.url });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/round 2 failed: anthropic does not know model "test-model"/);
    expect(await run.file(PLAN)).toBe(BAD_PLAN);
    expect(run.stdout).toContain(`Wrote ${PLAN} from round 1 of 1: 2 errors, 0 warnings.`);
  });

  it('exits 1 and prints the remaining findings when --rounds run out before the plan is clean', async () => {
    server = await startServer([{ chunks: [openaiStream([BAD_ANSWER])] }, { chunks: [openaiStream([BAD_PLAN])] }]);
    const run = await draft({ provider: 'openai', baseUrl: server.url, rounds: '2' });
    expect(run.code).toBe(1);
    expect(server.requests).toHaveLength(2);
    expect(run.stdout).toContain(`Wrote ${PLAN} from round 2 of 2: 2 errors, 0 warnings.`);
    expect(run.stdout).toContain(`${PLAN}:1:3 error title-format Title "Rename the Batch Receiver" must end with "Implementation Plan"`);
    expect(run.stdout).toContain('2 errors remain after 2 rounds');
    expect(await run.files()).toHaveLength(3);
  });

  it('tells a model that answered with prose instead of a plan that it is not a plan', async () => {
    server = await startServer([{ chunks: [openaiStream(['I cannot help with that.'])] }, { chunks: [openaiStream([GOOD_PLAN])] }]);
    const run = await draft({ provider: 'openai', baseUrl: server.url });
    expect(run.code).toBe(0);
    expect(lastUserMessage(server.requests[1]!.body)).toMatch(/1:1 not-a-plan This is not a micro-plan/);
  });

  it("drafts in the config's format: a superpowers project gets the superpowers system prompt and instructions, its plan path, and \"not a superpowers plan\"", async () => {
    const cwd = await project();
    await writeFile(join(cwd, 'microplan.config.yaml'), 'format: superpowers\nplansDir: docs/superpowers/plans\n');
    server = await startServer([{ chunks: [openaiStream(['I cannot help with that.'])] }, { chunks: [openaiStream(['Still no plan.'])] }]);
    const run = await draft({ provider: 'openai', baseUrl: server.url, rounds: '2' }, { cwd });
    const first = JSON.parse(server.requests[0]!.body) as { messages: Array<{ role: string; content: string }> };
    expect(first.messages.find((m) => m.role === 'system')!.content).toMatch(/^You write implementation plans in the superpowers writing-plans format/);
    expect(lastUserMessage(server.requests[0]!.body)).toMatch(/^# Write a superpowers implementation plan\n/);
    expect(lastUserMessage(server.requests[0]!.body)).toContain('Write the plan to `docs/superpowers/plans/2026-03-05-rename-the-batch-receiver.md`.');
    expect(lastUserMessage(server.requests[1]!.body)).toMatch(/1:1 not-a-plan This is not a superpowers plan/);
    expect(run.code).toBe(1);
  });

  it('never overwrites an existing plan: it writes <name>.draft.md beside it and says so', async () => {
    const cwd = await project();
    await writeFile(join(cwd, 'mine.md'), 'my own plan\n');
    server = await startServer([{ chunks: [anthropicStream(deltas(GOOD_PLAN))] }]);
    const run = await draft({ provider: 'anthropic', baseUrl: server.url, out: 'mine.md' }, { cwd });
    expect(run.code).toBe(0);
    expect(await run.file('mine.md')).toBe('my own plan\n');
    expect(await run.file('mine.draft.md')).toBe(GOOD_PLAN);
    expect(await run.file('mine.draft.round-1.md')).toBe(GOOD_PLAN);
    expect(run.stderr).toContain('mine.md already exists and is left untouched; this run writes mine.draft.md');
    expect(lastUserMessage(server.requests[0]!.body)).toContain('Write the plan to `mine.draft.md`.');
  });

  it('on interrupt keeps what streamed so far as .round-N.partial.md and exits 130', async () => {
    const stream = anthropicStream(['# Rename Implementation Plan\n\n**Goal:** half', ' a plan']);
    const cut = stream.indexOf('event: content_block_stop');
    server = await startServer([{ chunks: [stream.slice(0, cut)], stall: true }]);
    const controller = new AbortController();
    const running = draft({ provider: 'anthropic', baseUrl: server.url }, { signal: controller.signal });
    // Once the request is in and the server has sent its text, press Ctrl-C (generous wait: loaded CI machines).
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 800));
    controller.abort();
    const run = await running;
    expect(run.code).toBe(130);
    expect(await run.files()).toEqual(['2026-03-05-rename-the-batch-receiver-plan.round-1.partial.md']);
    expect(await run.file(PLAN.replace('.md', '.round-1.partial.md'))).toBe('# Rename Implementation Plan\n\n**Goal:** half a plan');
    expect(run.stderr).toContain(`interrupted in round 1; kept ${PLAN.replace('.md', '.round-1.partial.md')}`);
  });
});

describe('microplan draft usage errors, before any request', () => {
  const cases: Array<[string, Partial<DraftArgs>, RegExp, Record<string, string>?]> = [
    ['no provider', { provider: undefined }, /--provider is required/],
    ['an unknown provider', { provider: 'gemini' }, /unknown --provider "gemini"; choose one of: anthropic, openai, openai-compatible/],
    ['no model', { provider: 'anthropic', model: undefined }, /--model is required/],
    ['a bad --rounds', { provider: 'anthropic', rounds: '0' }, /--rounds must be a whole number from 1 to 10, not "0"/],
    ['a bad --max-tokens', { provider: 'anthropic', maxTokens: '1.5' }, /--max-tokens must be a whole number/],
    ['a missing key', { provider: 'anthropic' }, /set ANTHROPIC_API_KEY in the environment/, {}],
    ['a missing source', { provider: 'anthropic', source: 'nope.md' }, /nope\.md does not exist/],
    ['openai-compatible without --base-url', { provider: 'openai-compatible', baseUrl: undefined }, /needs --base-url/],
  ];
  for (const [what, args, message, env] of cases) {
    it(`refuses ${what}`, async () => {
      server = await startServer([]);
      const err = await draft({ baseUrl: server.url, ...args }, env ? { env } : {}).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(message);
      expect(server.requests).toHaveLength(0);
    });
  }
});

describe('microplan draft with injected config, lint and facts', () => {
  it('puts the Phase 0 facts in the instructions and lints with the injected linter at the plan path', async () => {
    server = await startServer([{ chunks: [anthropicStream([GOOD_PLAN])] }]);
    const cwd = await project();
    const linted: string[] = [];
    const deps = {
      ...writeDeps,
      factsFor: () => async () => '- CONFIRMED: `recieveBatch` is declared at sim/queue.go:12',
      lintFor: () => async (_text: string, path: string) => {
        linted.push(path);
        return [];
      },
    };
    let stdout = '';
    const code = await runDraft(
      { source: 'issue.md', model: 'm', provider: 'anthropic', baseUrl: server.url, out: 'plan.md' },
      {
        cwd,
        env: KEYS,
        stdin: process.stdin,
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: () => true },
      },
      deps,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Wrote plan.md');
    expect(lastUserMessage(server.requests[0]!.body)).toContain('## Phase 0 facts found by microplan\n\nChecked against the repository');
    expect(lastUserMessage(server.requests[0]!.body)).toContain('- CONFIRMED: `recieveBatch` is declared at sim/queue.go:12');
    expect(linted).toEqual([join(cwd, 'plan.md')]);
  });

  it('interrupted between rounds, keeps the saved rounds and writes no partial file', async () => {
    server = await startServer([{ chunks: [anthropicStream([BAD_ANSWER])] }]);
    const controller = new AbortController();
    const cwd = await project();
    const deps = {
      ...writeDeps,
      lintFor: () => async () => {
        controller.abort(); // Ctrl-C while the first draft is being linted
        return writeDeps.lintFor((await writeDeps.configFor(cwd)), cwd)(BAD_PLAN, 'p.md');
      },
    };
    let stderr = '';
    const code = await runDraft(
      { source: 'issue.md', model: 'm', provider: 'anthropic', baseUrl: server.url, out: 'plan.md' },
      { cwd, env: KEYS, stdin: process.stdin, stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, signal: controller.signal },
      deps,
    );
    expect(code).toBe(130);
    expect((await readdir(cwd)).sort()).toEqual(['issue.md', 'plan.round-1.md']);
    expect(stderr).toContain('interrupted in round 2; kept plan.round-1.md');
  });
});
