/**
 * The streaming transport both wire formats share: POST a JSON body, read server-sent events
 * with an idle timeout between chunks and an overall timeout, and retry whole attempts on rate
 * limits, server errors and dropped connections. Text is only returned once an attempt finished,
 * so a retried attempt never leaves half an answer behind.
 */
import { oneLine } from '../redact.js';
import { httpError, type ErrorContext } from './http-errors.js';
import { DEFAULT_RETRY, abortedError, backoffDelay, parseRetryAfter, type RetryPolicy } from './retry.js';
import { readSse, type SseEvent } from './sse.js';
import { ProviderError, type CompletionOptions } from './types.js';

export interface Timeouts {
  /** Longest silence allowed while waiting for headers or between two chunks. */
  idleMs: number;
  /** Longest a single attempt may take, start to end of stream. */
  totalMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { idleMs: 120_000, totalMs: 15 * 60_000 };

/** Knobs shared by every provider; all optional. */
export interface TransportOptions {
  timeouts?: Partial<Timeouts>;
  retry?: Partial<RetryPolicy>;
  /** Injectable for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface StreamRequest<T> {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  errors: ErrorContext;
  /** Reads one attempt's events into a result; reports text length as it grows. */
  consume: (events: AsyncIterable<SseEvent>, onChars: (chars: number) => void) => Promise<T>;
}

export async function streamWithRetry<T>(request: StreamRequest<T>, options: CompletionOptions, transport: TransportOptions): Promise<T> {
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...transport.retry };
  const timeouts: Timeouts = { ...DEFAULT_TIMEOUTS, ...transport.timeouts };
  const started = retry.now();
  const attempts = Math.max(1, Math.floor(retry.attempts));
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw abortedError();
    try {
      return await oneAttempt(request, options, transport.fetch ?? fetch, timeouts, retry, started);
    } catch (err) {
      if (!(err instanceof ProviderError) || !err.retryable) throw err;
      if (attempt >= attempts) {
        if (attempts === 1) throw err;
        throw new ProviderError(err.kind, `${err.message}; gave up after ${attempts} attempts`, err.status, err.retryAfterMs);
      }
      await retry.sleep(backoffDelay(retry, attempt, err.retryAfterMs), options.signal);
    }
  }
}

type StopReason = 'idle' | 'total' | 'caller';

async function oneAttempt<T>(
  request: StreamRequest<T>,
  options: CompletionOptions,
  fetchImpl: typeof fetch,
  timeouts: Timeouts,
  retry: RetryPolicy,
  started: number,
): Promise<T> {
  const controller = new AbortController();
  let stopped: StopReason | undefined;
  const stop = (why: StopReason) => {
    stopped ??= why;
    controller.abort();
  };
  const onCallerAbort = () => stop('caller');
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const total = setTimeout(() => stop('total'), timeouts.totalMs);
  let idle = setTimeout(() => stop('idle'), timeouts.idleMs);
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => stop('idle'), timeouts.idleMs);
  };

  try {
    const response = await fetchImpl(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...request.headers },
      body: JSON.stringify(request.body),
      signal: controller.signal,
    });
    touch();
    if (!response.ok) {
      const body = await response.text();
      throw httpError(response.status, body, parseRetryAfter(response.headers, retry.now()), request.errors);
    }
    if (!response.body) {
      throw new ProviderError('malformed-stream', `${request.errors.label} sent an empty response instead of an event stream`);
    }
    const chunks = bodyChunks(response.body, touch);
    const onChars = (chars: number) => options.onProgress?.({ chars, elapsedMs: retry.now() - started });
    return await request.consume(readSse(chunks), onChars);
  } catch (err) {
    throw translate(err, stopped, timeouts, request);
  } finally {
    clearTimeout(total);
    clearTimeout(idle);
    options.signal?.removeEventListener('abort', onCallerAbort);
    // Releases the socket if consume stopped early (error event, malformed data).
    controller.abort();
  }
}

async function* bodyChunks(body: ReadableStream<Uint8Array>, touch: () => void): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      touch();
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Maps whatever fetch/stream threw to a ProviderError; our own errors pass through. */
function translate(err: unknown, stopped: StopReason | undefined, timeouts: Timeouts, request: StreamRequest<unknown>): ProviderError {
  if (stopped === 'caller') return abortedError();
  if (stopped === 'idle') {
    return new ProviderError('timeout', `${request.errors.label} sent nothing for ${seconds(timeouts.idleMs)}; gave up waiting`);
  }
  if (stopped === 'total') {
    return new ProviderError('timeout', `${request.errors.label} did not finish within ${seconds(timeouts.totalMs)}`);
  }
  if (err instanceof ProviderError) return err;
  const where = safeUrl(request.url);
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : undefined;
  const code = cause && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
  const reason = code ?? (cause?.message || (err instanceof Error ? err.message : String(err)));
  return new ProviderError('network', `cannot reach ${where} (${request.errors.redact(oneLine(reason, 120))})`);
}

/** Origin and path only: never the query string or user info, which may carry credentials. */
function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'the server';
  }
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
