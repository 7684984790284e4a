/**
 * Turns a failed HTTP response into one clear ProviderError. Anthropic, OpenAI and the
 * OpenAI-compatible servers (Ollama, vLLM, LM Studio…) spell errors differently, so the body is
 * read loosely: `{error:{type,code,message}}`, `{error:"…"}` or plain text.
 */
import { oneLine, type Redactor } from '../redact.js';
import { ProviderError } from './types.js';

export interface ErrorContext {
  /** "anthropic", "openai", "the server at http://127.0.0.1:11434/v1" — who answered. */
  label: string;
  model: string;
  /** What to set when the key is rejected, e.g. "ANTHROPIC_API_KEY". */
  keyHint: string;
  /** Extra advice for a 404 (e.g. "check --model and --base-url"). */
  notFoundHint: string;
  redact: Redactor;
}

export interface ServerError {
  type: string | undefined;
  code: string | undefined;
  message: string;
}

/** Extracts type/code/message from any of the error body shapes. */
export function parseErrorBody(body: string): ServerError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { type: undefined, code: undefined, message: body };
  }
  const root = record(parsed);
  const error = root?.['error'];
  if (typeof error === 'string') return { type: undefined, code: undefined, message: error };
  const obj = record(error) ?? root;
  if (!obj) return { type: undefined, code: undefined, message: body };
  return {
    type: str(obj['type']),
    code: str(obj['code']),
    message: str(obj['message']) ?? str(obj['detail']) ?? body,
  };
}

const CONTEXT_LENGTH = /context[_ ]length|context window|maximum context|prompt is too long|too many tokens|input is too long/i;
const MODEL_MISSING = /model[_ ]not[_ ]found|not_found_error|model .*(not found|does not exist)|unknown model|no such model/i;

export function httpError(status: number, body: string, retryAfterMs: number | undefined, ctx: ErrorContext): ProviderError {
  const server = parseErrorBody(body);
  const detail = ctx.redact(oneLine(server.message === '' ? '(empty body)' : server.message));
  const tag = `HTTP ${status}: ${detail}`;
  const signature = `${server.type ?? ''} ${server.code ?? ''} ${server.message}`;

  if (status === 401 || status === 403) {
    return new ProviderError('auth', `${ctx.label} rejected the API key (${tag}); set ${ctx.keyHint} to a valid key`, status);
  }
  if (status === 429) {
    return new ProviderError('rate-limit', `${ctx.label} is rate limiting requests (${tag})`, status, retryAfterMs);
  }
  if (status === 413 || CONTEXT_LENGTH.test(signature)) {
    return new ProviderError(
      'context-length',
      `the prompt is too long for model "${ctx.model}" (${tag}); shorten the source or pick a model with a larger context window`,
      status,
    );
  }
  if (status === 404 || MODEL_MISSING.test(signature)) {
    return new ProviderError('model-not-found', `${ctx.label} does not know model "${ctx.model}" (${tag}); ${ctx.notFoundHint}`, status);
  }
  if (status >= 500) {
    // Includes Anthropic's 529 "overloaded".
    return new ProviderError('server', `${ctx.label} had a server error (${tag})`, status, retryAfterMs);
  }
  return new ProviderError('bad-request', `${ctx.label} rejected the request (${tag})`, status);
}

/** An error reported inside the stream (Anthropic `event: error`, OpenAI `{error:…}` chunk). */
export function streamError(payload: unknown, ctx: ErrorContext): ProviderError {
  const server = parseErrorBody(JSON.stringify(payload));
  const detail = ctx.redact(oneLine(server.message));
  const kind = `${server.type ?? ''} ${server.code ?? ''}`;
  if (/rate_limit/i.test(kind)) return new ProviderError('rate-limit', `${ctx.label} is rate limiting requests (stream error: ${detail})`);
  if (CONTEXT_LENGTH.test(`${kind} ${server.message}`)) {
    return new ProviderError('context-length', `the prompt is too long for model "${ctx.model}" (stream error: ${detail})`);
  }
  if (/overloaded|api_error|server|internal/i.test(kind)) {
    return new ProviderError('server', `${ctx.label} had a server error mid-stream (${detail})`);
  }
  return new ProviderError('bad-request', `${ctx.label} reported an error mid-stream (${detail})`);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
