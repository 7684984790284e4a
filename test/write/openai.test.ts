import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAIProvider, type OpenAIOptions } from '../../src/write/providers/openai.js';
import { ProviderError, type CompletionResult } from '../../src/write/providers/types.js';
import { json, pieces, startServer, type Scripted, type TestServer } from './helpers/server.js';
import { openaiStream, sse } from './helpers/wire.js';

const KEY = 'sk-proj-test-SECRET-abcdef0123456789';
const request = { system: 'You write micro-plans.', messages: [{ role: 'user' as const, content: 'Plan issue #2' }], model: 'gpt-test' };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function fastRetry(waits: number[] = []): NonNullable<OpenAIOptions['retry']> {
  return { attempts: 3, baseDelayMs: 5, sleep: async (ms) => void waits.push(ms), random: () => 0.5 };
}

async function provider(script: Scripted[], extra: Partial<OpenAIOptions> = {}) {
  server = await startServer(script);
  return createOpenAIProvider({ flavor: 'openai', apiKey: KEY, baseUrl: server.url, retry: fastRetry(), timeouts: { idleMs: 2000 }, ...extra });
}

async function failure(promise: Promise<CompletionResult>): Promise<ProviderError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe('openai provider', () => {
  it('returns the streamed text, model, finish reason and usage from a stream split mid-event', async () => {
    const p = await provider([{ chunks: pieces(openaiStream(['# Plan', '\n\n- step'], { usage: true }), 6), gapMs: 1 }]);
    const progress: number[] = [];
    const result = await p.complete(request, { onProgress: (e) => progress.push(e.chars) });
    expect(result).toEqual({ text: '# Plan\n\n- step', model: 'gpt-test-1', stopReason: 'stop', usage: { inputTokens: 30, outputTokens: 9 } });
    expect(progress).toEqual([6, 14]);
  });

  it('sends a Chat Completions request with a bearer key, the system message first and stream: true', async () => {
    const p = await provider([{ chunks: [openaiStream(['ok'])] }]);
    await p.complete({ ...request, maxTokens: 500 });
    const sent = server!.requests[0]!;
    expect(sent.url).toBe('/v1/chat/completions');
    expect(sent.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(JSON.parse(sent.body)).toEqual({
      model: 'gpt-test',
      messages: [
        { role: 'system', content: 'You write micro-plans.' },
        { role: 'user', content: 'Plan issue #2' },
      ],
      stream: true,
      max_completion_tokens: 500,
      stream_options: { include_usage: true },
    });
  });

  it('retries a 429 and then returns the streamed text, honouring retry-after-ms', async () => {
    const waits: number[] = [];
    const p = await provider(
      [json(429, { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }, { 'retry-after-ms': '750' }), { chunks: pieces(openaiStream(['second'])) }],
      { retry: fastRetry(waits) },
    );
    expect((await p.complete(request)).text).toBe('second');
    expect(waits).toEqual([750]);
  });

  it('retries a 500 and then returns the streamed text', async () => {
    const p = await provider([json(500, { error: { message: 'The server had an error', type: 'server_error' } }), { chunks: [openaiStream(['fine'])] }]);
    expect((await p.complete(request)).text).toBe('fine');
    expect(server!.requests).toHaveLength(2);
  });

  it('reports a 401 naming OPENAI_API_KEY without leaking the key, even masked', async () => {
    const masked = `${KEY.slice(0, 6)}*********${KEY.slice(-4)}`;
    const p = await provider([
      json(401, { error: { message: `Incorrect API key provided: ${masked}. Your key: ${KEY}`, type: 'invalid_request_error', code: 'invalid_api_key' } }),
    ]);
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('auth');
    expect(err.message).toContain('set OPENAI_API_KEY');
    expect(err.message).not.toContain(KEY);
    expect(err.message).not.toContain(masked);
    expect(err.message).not.toContain(KEY.slice(-4));
    expect(err.message).toContain('Incorrect API key provided: [redacted]');
  });

  it('reports an unknown model', async () => {
    const p = await provider([
      json(404, { error: { message: 'The model `gpt-test` does not exist or you do not have access to it.', type: 'invalid_request_error', code: 'model_not_found' } }),
    ]);
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('model-not-found');
    expect(err.message).toContain('"gpt-test"');
  });

  it('reports context_length_exceeded as a context-length error', async () => {
    const p = await provider([
      json(400, {
        error: { message: "This model's maximum context length is 128000 tokens.", type: 'invalid_request_error', code: 'context_length_exceeded' },
      }),
    ]);
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('context-length');
    expect(server!.requests).toHaveLength(1);
  });

  it('reports other 400s as bad requests with the server message', async () => {
    const p = await provider([json(400, { error: { message: "Unsupported parameter: 'temperature'", type: 'invalid_request_error' } })]);
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('bad-request');
    expect(err.message).toContain("HTTP 400: Unsupported parameter: 'temperature'");
  });

  it('times out when the server stalls', async () => {
    const p = await provider([{ chunks: [openaiStream(['a']).slice(0, 120)], stall: true }], { timeouts: { idleMs: 150 } });
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('timeout');
  });

  it('reports invalid JSON in a data line as a malformed stream', async () => {
    const p = await provider([{ chunks: [sse(undefined, '{"choices": [{"delta": {"content": "x"'), 'data: [DONE]\n\n'] }]);
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('malformed-stream');
  });

  it('reports a stream that ends without [DONE] or a finish_reason as malformed', async () => {
    const p = await provider([{ chunks: pieces(openaiStream(['half'], { finish: null, done: false })) }]);
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('malformed-stream');
    expect(err.message).toMatch(/without \[DONE\]/);
  });

  it('reports an error object sent inside the stream', async () => {
    const p = await provider([{ chunks: [sse(undefined, { error: { message: 'context_length_exceeded: too many tokens', type: 'invalid_request_error' } })] }]);
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('context-length');
  });

  it('stops promptly when the caller aborts', async () => {
    const p = await provider([{ chunks: [openaiStream(['a']).slice(0, 100)], stall: true }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const err = await failure(p.complete(request, { signal: controller.signal }));
    expect(err.kind).toBe('aborted');
  });

  it('refuses a request without a model before sending anything', async () => {
    const p = await provider([{ chunks: [openaiStream(['a'])] }]);
    const err = await failure(p.complete({ ...request, model: ' ' }));
    expect(err).toMatchObject({ kind: 'bad-request', message: 'no model given; pass --model' });
    expect(server!.requests).toHaveLength(0);
  });

  it('does not start when the signal is already aborted', async () => {
    const p = await provider([{ chunks: [openaiStream(['a'])] }]);
    const err = await failure(p.complete(request, { signal: AbortSignal.abort() }));
    expect(err.kind).toBe('aborted');
    expect(server!.requests).toHaveLength(0);
  });

  it('stops waiting between retries when the caller aborts', async () => {
    const controller = new AbortController();
    const p = await provider([json(503, { error: { message: 'busy' } }), { chunks: [openaiStream(['late'])] }], {
      retry: { attempts: 3, baseDelayMs: 10_000, random: () => 0 },
    });
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const err = await failure(p.complete(request, { signal: controller.signal }));
    expect(err.kind).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('openai-compatible provider', () => {
  async function compatible(script: Scripted[], baseSuffix: string, extra: Partial<OpenAIOptions> = {}) {
    server = await startServer(script);
    return createOpenAIProvider({ flavor: 'openai-compatible', baseUrl: `${server.url}${baseSuffix}`, retry: fastRetry(), ...extra });
  }

  it.each(['', '/', '/v1', '/v1/', '/v1/chat/completions'])('reaches /v1/chat/completions from the base URL "<server>%s"', async (suffix) => {
    const p = await compatible([{ chunks: pieces(openaiStream(['local'])) }], suffix);
    expect((await p.complete(request)).text).toBe('local');
    expect(server!.requests[0]!.url).toBe('/v1/chat/completions');
  });

  it('sends no authorization header without a key, and plain max_tokens without stream_options', async () => {
    const p = await compatible([{ chunks: [openaiStream(['x'])] }], '/v1');
    await p.complete({ ...request, maxTokens: 99 });
    const sent = server!.requests[0]!;
    expect(sent.headers['authorization']).toBeUndefined();
    const body = JSON.parse(sent.body) as Record<string, unknown>;
    expect(body['max_tokens']).toBe(99);
    expect(body['stream_options']).toBeUndefined();
  });

  it('accepts a stream that closes after the finish_reason without [DONE]', async () => {
    const p = await compatible([{ chunks: pieces(openaiStream(['done anyway'], { done: false })) }], '/v1');
    expect(await p.complete(request)).toMatchObject({ text: 'done anyway', stopReason: 'stop' });
  });

  it("reports Ollama's model-not-found with a hint to pull the model", async () => {
    const p = await compatible([json(404, { error: { message: 'model "gpt-test" not found, try pulling it first', type: 'api_error' } })], '/v1');
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('model-not-found');
    expect(err.message).toMatch(/the server at http:\/\/127\.0\.0\.1:\d+ does not know model "gpt-test"/);
    expect(err.message).toContain('ollama pull');
  });

  it('names MICROPLAN_API_KEY when the server rejects the key', async () => {
    const p = await compatible([json(401, { error: 'unauthorized' })], '/v1', { apiKey: 'local-secret-key-123', keyHint: 'MICROPLAN_API_KEY (or OPENAI_API_KEY)' });
    const err = await failure(p.complete(request));
    expect(err.kind).toBe('auth');
    expect(err.message).toContain('MICROPLAN_API_KEY');
  });
});
