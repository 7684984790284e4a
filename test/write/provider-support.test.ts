import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/errors.js';
import { makeRedactor, oneLine } from '../../src/write/redact.js';
import { endpointUrl } from '../../src/write/providers/base-url.js';
import { DEFAULT_RETRY, backoffDelay, parseRetryAfter } from '../../src/write/providers/retry.js';

describe('secret redaction', () => {
  const redact = makeRedactor(['my-exact-secret-value']);

  it('removes the exact secret wherever it appears', () => {
    expect(redact('key=my-exact-secret-value; again my-exact-secret-value')).not.toContain('my-exact-secret-value');
  });

  it('removes key-shaped strings, masked keys, GitHub tokens and bearer tokens it was not told about', () => {
    const text = 'sk-ant-api03-AAAA sk-abc***wxyz ghp_abcdefghijklmnop github_pat_11AAAAAAAA Bearer abc.def "api_key": "zzz"';
    const out = redact(text);
    for (const leaked of ['AAAA', 'wxyz', 'ghp_', 'github_pat_11', 'abc.def', 'zzz']) expect(out).not.toContain(leaked);
    expect(out).toContain('Bearer [redacted]');
  });

  it('leaves ordinary prose alone', () => {
    expect(redact('maximum context length is 8192 tokens')).toBe('maximum context length is 8192 tokens');
  });

  it('flattens server bodies to one short line', () => {
    expect(oneLine('a\n  b\tc', 10)).toBe('a b c');
    expect(oneLine('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('provider base URLs', () => {
  it.each([
    ['https://api.openai.com', 'https://api.openai.com/v1/chat/completions'],
    ['http://127.0.0.1:11434/v1', 'http://127.0.0.1:11434/v1/chat/completions'],
    ['http://127.0.0.1:11434/v1/', 'http://127.0.0.1:11434/v1/chat/completions'],
    ['https://api.groq.com/openai/v1', 'https://api.groq.com/openai/v1/chat/completions'],
    ['https://open.bigmodel.cn/api/paas/v4', 'https://open.bigmodel.cn/api/paas/v4/chat/completions'],
    ['http://localhost:8000/v1/chat/completions', 'http://localhost:8000/v1/chat/completions'],
  ])('builds the chat endpoint from %s', (base, expected) => {
    expect(endpointUrl(base, 'chat/completions', '--base-url')).toBe(expected);
  });

  it('builds the Anthropic messages endpoint with or without /v1', () => {
    expect(endpointUrl('https://api.anthropic.com', 'messages', '--base-url')).toBe('https://api.anthropic.com/v1/messages');
    expect(endpointUrl('https://proxy.local/v1/', 'messages', '--base-url')).toBe('https://proxy.local/v1/messages');
  });

  it('rejects non-URLs, other schemes and URLs carrying credentials', () => {
    expect(() => endpointUrl('localhost:11434', 'messages', '--base-url')).toThrow(InputError);
    expect(() => endpointUrl('ftp://x/v1', 'messages', '--base-url')).toThrow(/http:\/\/ or https:\/\//);
    expect(() => endpointUrl('https://user:pw@x/v1', 'messages', '--base-url')).toThrow(/must not contain credentials/);
  });
});

describe('retry timing', () => {
  const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };

  it('backs off exponentially with jitter inside [half, full] of the ceiling', () => {
    expect(backoffDelay({ ...policy, random: () => 0 }, 1, undefined)).toBe(50);
    expect(backoffDelay({ ...policy, random: () => 0.999999 }, 1, undefined)).toBe(100);
    expect(backoffDelay({ ...policy, random: () => 0 }, 3, undefined)).toBe(200);
    expect(backoffDelay({ ...policy, random: () => 1 }, 10, undefined)).toBe(1000);
  });

  it('uses the server-requested wait, capped at the maximum', () => {
    expect(backoffDelay(policy, 1, 300)).toBe(300);
    expect(backoffDelay(policy, 1, 60_000)).toBe(1000);
  });

  it('reads retry-after-ms, retry-after seconds and retry-after dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
    expect(parseRetryAfter(new Headers({ 'retry-after': '1.5' }), now)).toBe(1500);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }), now)).toBe(3000);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(parseRetryAfter(new Headers(), now)).toBeUndefined();
  });
});
