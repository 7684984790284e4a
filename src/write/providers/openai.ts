/**
 * OpenAI Chat Completions, streamed: `data: {choices:[{delta:{content}, finish_reason}]}` chunks
 * ending with `data: [DONE]`. The same code talks to OpenAI-compatible servers (Ollama, vLLM,
 * LM Studio, llama.cpp…), which differ in small ways noted where they matter.
 */
import { makeRedactor } from '../redact.js';
import { endpointUrl } from './base-url.js';
import { streamWithRetry, type TransportOptions } from './http.js';
import { streamError, type ErrorContext } from './http-errors.js';
import { checkRequest } from './request.js';
import { asNumber, asObject, asString, parseEventData } from './json.js';
import type { SseEvent } from './sse.js';
import { ProviderError, type CompletionOptions, type CompletionRequest, type CompletionResult, type Provider } from './types.js';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com';

export interface OpenAIOptions extends TransportOptions {
  /** 'openai' talks to api.openai.com conventions; 'openai-compatible' to any server speaking the format. */
  flavor: 'openai' | 'openai-compatible';
  /** Optional for compatible servers (a local Ollama needs none). */
  apiKey?: string;
  baseUrl?: string;
  defaultModel?: string;
  /** Env vars named in the message when the key is rejected. */
  keyHint?: string;
}

export function createOpenAIProvider(options: OpenAIOptions): Provider {
  const baseUrl = options.baseUrl ?? OPENAI_DEFAULT_BASE_URL;
  const url = endpointUrl(baseUrl, 'chat/completions', '--base-url');
  const redact = makeRedactor([options.apiKey]);
  const compatible = options.flavor === 'openai-compatible';
  const label = compatible ? `the server at ${new URL(url).origin}` : 'openai';
  const headers: Record<string, string> = {};
  if (options.apiKey) headers['authorization'] = `Bearer ${options.apiKey}`;

  return {
    id: options.flavor,
    defaultModel: options.defaultModel,
    async complete(request: CompletionRequest, callOptions: CompletionOptions = {}): Promise<CompletionResult> {
      checkRequest(request);
      const errors: ErrorContext = {
        label,
        model: request.model,
        keyHint: options.keyHint ?? 'OPENAI_API_KEY',
        notFoundHint: compatible ? 'check --model (e.g. `ollama pull <model>`) and --base-url' : 'check --model',
        redact,
      };
      const body: Record<string, unknown> = {
        model: request.model,
        messages: [{ role: 'system', content: request.system }, ...request.messages],
        stream: true,
      };
      if (compatible) {
        // Older servers only know max_tokens and may reject unknown fields such as stream_options.
        if (request.maxTokens !== undefined) body['max_tokens'] = request.maxTokens;
      } else {
        // OpenAI's reasoning models reject max_tokens; max_completion_tokens works for all.
        if (request.maxTokens !== undefined) body['max_completion_tokens'] = request.maxTokens;
        body['stream_options'] = { include_usage: true };
      }
      return streamWithRetry(
        { url, headers, body, errors, consume: (events, onChars) => consumeOpenAI(events, onChars, request.model, errors) },
        callOptions,
        options,
      );
    },
  };
}

async function consumeOpenAI(
  events: AsyncIterable<SseEvent>,
  onChars: (chars: number) => void,
  requestedModel: string,
  errors: ErrorContext,
): Promise<CompletionResult> {
  let text = '';
  let model = requestedModel;
  let stopReason: string | undefined;
  let inputTokens: number | undefined;
  let outputTokens: number | undefined;
  const result = (): CompletionResult => ({ text, model, stopReason, usage: { inputTokens, outputTokens } });

  for await (const event of events) {
    if (event.data.trim() === '[DONE]') return result();
    const data = parseEventData(event.data, errors.label);
    if (data['error'] !== undefined) throw streamError(data, errors);
    model = asString(data['model']) ?? model;
    const usage = asObject(data['usage']);
    inputTokens = asNumber(usage?.['prompt_tokens']) ?? inputTokens;
    outputTokens = asNumber(usage?.['completion_tokens']) ?? outputTokens;
    const choices = data['choices'];
    if (!Array.isArray(choices)) {
      throw new ProviderError('malformed-stream', `${errors.label} sent a chunk without "choices"; is --base-url an OpenAI-compatible API?`);
    }
    const choice = asObject(choices[0]);
    if (!choice) continue; // the final usage-only chunk has an empty choices array
    const content = asString(asObject(choice['delta'])?.['content']);
    if (content) {
      text += content;
      onChars(text.length);
    }
    stopReason = asString(choice['finish_reason']) ?? stopReason;
  }
  // Some compatible servers close the stream after the finish_reason chunk without "[DONE]";
  // the answer is complete then. Without either marker the stream was cut off.
  if (stopReason !== undefined) return result();
  throw new ProviderError(
    'malformed-stream',
    `${errors.label}'s stream ended without [DONE] or a finish_reason after ${text.length} characters; the answer is incomplete`,
  );
}
