/**
 * Anthropic Messages API, streamed: message_start → content_block_delta(text_delta)… →
 * message_delta(stop_reason) → message_stop. A stream that ends before message_stop was cut off
 * and is reported as malformed rather than returned as a silently truncated plan.
 */
import { makeRedactor } from '../redact.js';
import { endpointUrl } from './base-url.js';
import { streamWithRetry, type TransportOptions } from './http.js';
import { streamError, type ErrorContext } from './http-errors.js';
import { checkRequest } from './request.js';
import { asNumber, asObject, asString, parseEventData } from './json.js';
import type { SseEvent } from './sse.js';
import { ProviderError, type CompletionOptions, type CompletionRequest, type CompletionResult, type Provider } from './types.js';

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';
export const ANTHROPIC_VERSION = '2023-06-01';
/** The API requires max_tokens; plans are long, and every current model accepts this much. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 16_384;

export interface AnthropicOptions extends TransportOptions {
  apiKey: string;
  baseUrl?: string;
  defaultModel?: string;
}

export function createAnthropicProvider(options: AnthropicOptions): Provider {
  const url = endpointUrl(options.baseUrl ?? ANTHROPIC_DEFAULT_BASE_URL, 'messages', '--base-url');
  const redact = makeRedactor([options.apiKey]);
  return {
    id: 'anthropic',
    defaultModel: options.defaultModel,
    async complete(request: CompletionRequest, callOptions: CompletionOptions = {}): Promise<CompletionResult> {
      checkRequest(request);
      const errors: ErrorContext = {
        label: 'anthropic',
        model: request.model,
        keyHint: 'ANTHROPIC_API_KEY',
        notFoundHint: 'check --model',
        redact,
      };
      return streamWithRetry(
        {
          url,
          headers: { 'x-api-key': options.apiKey, 'anthropic-version': ANTHROPIC_VERSION },
          body: {
            model: request.model,
            max_tokens: request.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
            system: request.system,
            messages: request.messages,
            stream: true,
          },
          errors,
          consume: (events, onChars) => consumeAnthropic(events, onChars, request.model, errors),
        },
        callOptions,
        options,
      );
    },
  };
}

async function consumeAnthropic(
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

  for await (const event of events) {
    if (event.event === 'ping') continue;
    const data = parseEventData(event.data, errors.label);
    // The event name and the payload's "type" agree on the real API; trust either.
    const type = event.event !== 'message' ? event.event : (asString(data['type']) ?? '');
    switch (type) {
      case 'message_start': {
        const message = asObject(data['message']);
        model = asString(message?.['model']) ?? model;
        const usage = asObject(message?.['usage']);
        inputTokens = asNumber(usage?.['input_tokens']) ?? inputTokens;
        outputTokens = asNumber(usage?.['output_tokens']) ?? outputTokens;
        break;
      }
      case 'content_block_delta': {
        const delta = asObject(data['delta']);
        // Only text is part of the plan; thinking and tool-input deltas are not.
        if (asString(delta?.['type']) === 'text_delta') {
          text += asString(delta?.['text']) ?? '';
          onChars(text.length);
        }
        break;
      }
      case 'message_delta': {
        stopReason = asString(asObject(data['delta'])?.['stop_reason']) ?? stopReason;
        const usage = asObject(data['usage']);
        outputTokens = asNumber(usage?.['output_tokens']) ?? outputTokens;
        inputTokens = asNumber(usage?.['input_tokens']) ?? inputTokens;
        break;
      }
      case 'message_stop':
        return { text, model, stopReason, usage: { inputTokens, outputTokens } };
      case 'error':
        throw streamError(data, errors);
      default:
        // content_block_start/stop and future event types carry nothing we need.
        break;
    }
  }
  throw new ProviderError(
    'malformed-stream',
    `anthropic's stream ended before message_stop after ${text.length} characters; the answer is incomplete`,
  );
}
