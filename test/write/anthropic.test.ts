import { afterEach, describe, expect, it } from 'vitest';
import { createAnthropicProvider, type AnthropicOptions } from '../../src/write/providers/anthropic.js';
import { ProviderError, type CompletionResult } from '../../src/write/providers/types.js';
import { json, pieces, startServer, type Scripted, type TestServer } from './helpers/server.js';
import { anthropicStream, sse } from './helpers/wire.js';

const KEY = 'sk-ant-test-SECRET-0123456789abcdef';
const request = { system: 'You write micro-plans.', messages: [{ role: 'user' as const, content: 'Plan issue #1' }], model: 'claude-test' };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Records the waits the retry loop asked for instead of sleeping through them. */
function fastRetry(waits: number[] = []): NonNullable<AnthropicOptions['retry']> {
  return { attempts: 3, baseDelayMs: 5, sleep: async (ms) => void waits.push(ms), random: () => 0.5 };
}

async function provider(script: Scripted[], extra: Partial<AnthropicOptions> = {}) {
  server = await startServer(script);
  return createAnthropicProvider({ apiKey: KEY, baseUrl: server.url, retry: fastRetry(), timeouts: { idleMs: 2000 }, ...extra });
}

async function failure(promise: Promise<CompletionResult>): Promise<ProviderError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe('anthropic provider', () => {
  it('returns the streamed text, model, stop reason and usage from a stream split mid-event', async () => {
    const p = await provider([{ chunks: pieces(anthropicStream(['# Plan', '\n\nStep één ✓', ' done.']), 5), gapMs: 1 }]);
    const progress: number[] = [];
    const result = await p.complete(request, { onProgress: (e) => progress.push(e.chars) });

    expect(result).toEqual({
      text: '# Plan\n\nStep één ✓ done.',
      model: 'claude-test-1',
      stopReason: 'end_turn',
      usage: { inputTokens: 42, outputTokens: 17 },
    });
    expect(progress).toEqual([6, 18, 24]);
  });

  it('sends the Messages API request with the key header, version and stream: true', async () => {
    const p = await provider([{ chunks: [anthropicStream(['ok'])] }]);
    await p.complete({ ...request, maxTokens: 1234 });

    const sent = server!.requests[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/v1/messages');
    expect(sent.headers['x-api-key']).toBe(KEY);
    expect(sent.headers['anthropic-version']).toBe('2023-06-01');
    expect(JSON.parse(sent.body)).toEqual({
      model: 'claude-test',
      max_tokens: 1234,
      system: 'You write micro-plans.',
      messages: [{ role: 'user', content: 'Plan issue #1' }],
      stream: true,
    });
  });

  it('accepts CRLF line endings', async () => {
    const p = await provider([{ chunks: pieces(anthropicStream(['a', 'b']).replace(/\n/g, '\r\n'), 3) }]);
    expect((await p.complete(request)).text).toBe('ab');
  });

  it('retries a 429 and then returns the streamed text, waiting as long as retry-after says', async () => {
    const waits: number[] = [];
    const p = await provider(
      [json(429, { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } }, { 'retry-after': '2' }), { chunks: pieces(anthropicStream(['after retry'])) }],
      { retry: fastRetry(waits) },
    );
    expect((await p.complete(request)).text).toBe('after retry');
    expect(waits).toEqual([2000]);
    expect(server!.requests).toHaveLength(2);
  });

  it('retries a 500 and a mid-stream overloaded error with backoff, then returns the text', async () => {
    const waits: number[] = [];
    const overloaded = sse('message_start', { type: 'message_start', message: { model: 'm', usage: {} } }) +
      sse('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    const p = await provider(
      [json(500, { type: 'error', error: { type: 'api_error', message: 'boom' } }), { chunks: [overloaded] }, { chunks: [anthropicStream(['third time'])] }],
      { retry: fastRetry(waits) },
    );
    expect((await p.complete(request)).text).toBe('third time');
    // Equal jitter with random()=0.5: 3/4 of base·2^(n-1).
    expect(waits).toEqual([4, 8]);
  });

  it('gives up after the configured attempts and says so', async () => {
    const down = json(503, { type: 'error', error: { type: 'api_error', message: 'unavailable' } });
    const p = await provider([down, down, down]);
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('server');
    expect(err.message).toMatch(/HTTP 503: unavailable.*gave up after 3 attempts/);
  });

  it('reports a 401 naming ANTHROPIC_API_KEY, without retrying and without leaking the key', async () => {
    const p = await provider([json(401, { type: 'error', error: { type: 'authentication_error', message: `invalid x-api-key ${KEY}` } })]);
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('auth');
    expect(err.status).toBe(401);
    expect(err.message).toContain('set ANTHROPIC_API_KEY');
    expect(err.message).not.toContain(KEY);
    expect(err.message).not.toContain('SECRET');
    expect(String(err.stack)).not.toContain(KEY);
    expect(JSON.stringify({ ...err, message: err.message })).not.toContain(KEY);
    expect(server!.requests).toHaveLength(1);
  });

  it('reports an unknown model with the model name', async () => {
    const p = await provider([json(404, { type: 'error', error: { type: 'not_found_error', message: 'model: claude-test' } })]);
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('model-not-found');
    expect(err.message).toContain('"claude-test"');
    expect(err.message).toContain('--model');
  });

  it('reports a prompt that is too long as a context-length error', async () => {
    const p = await provider([
      json(400, { type: 'error', error: { type: 'invalid_request_error', message: 'prompt is too long: 250000 tokens > 200000 maximum' } }),
    ]);
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('context-length');
    expect(err.message).toMatch(/too long for model "claude-test".*250000 tokens/);
  });

  it('times out when the server stalls mid-stream', async () => {
    const stream = anthropicStream(['never finished']);
    const p = await provider([{ chunks: [stream.slice(0, 300)], stall: true }], { timeouts: { idleMs: 150 } });
    const started = Date.now();
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('timeout');
    expect(err.message).toMatch(/sent nothing for 150 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('times out when the whole attempt takes longer than the overall limit', async () => {
    const p = await provider([{ chunks: pieces(anthropicStream(['slow']), 20), gapMs: 40 }], { timeouts: { idleMs: 1000, totalMs: 150 } });
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('timeout');
    expect(err.message).toMatch(/did not finish within 150 ms/);
  });

  it('reports invalid JSON in a data line as a malformed stream', async () => {
    const p = await provider([{ chunks: [sse('message_start', '{"type":"message_start",'), anthropicStream(['x'])] }]);
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('malformed-stream');
    expect(err.message).toContain('not valid JSON');
  });

  it('reports a stream that ends before message_stop as malformed, not as a short answer', async () => {
    const p = await provider([{ chunks: pieces(anthropicStream(['half a plan'], { end: false })) }]);
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('malformed-stream');
    expect(err.message).toMatch(/ended before message_stop after 11 characters/);
  });

  it('stops promptly when the caller aborts', async () => {
    const p = await provider([{ chunks: [anthropicStream(['x']).slice(0, 200)], stall: true }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const err = await failure(p.complete(request, { signal: controller.signal }));
    expect(err.kind).toBe('aborted');
  });

  it('reports an unreachable server as a network error after retrying', async () => {
    server = await startServer([]);
    const url = server.url;
    await server.close();
    server = undefined;
    const waits: number[] = [];
    const p = createAnthropicProvider({ apiKey: KEY, baseUrl: url, retry: fastRetry(waits) });
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('network');
    expect(err.message).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+\/v1\/messages \(ECONNREFUSED\)/);
    expect(waits).toHaveLength(2);
  });
});
