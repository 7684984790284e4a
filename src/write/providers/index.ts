/** Model providers: one streaming `complete()` over Anthropic, OpenAI and OpenAI-compatible servers. */
export * from './types.js';
export { resolveProvider, type ResolveProviderOptions } from './resolve.js';
export { createAnthropicProvider, type AnthropicOptions } from './anthropic.js';
export { createOpenAIProvider, type OpenAIOptions } from './openai.js';
export { DEFAULT_TIMEOUTS, type Timeouts, type TransportOptions } from './http.js';
export { DEFAULT_RETRY, type RetryPolicy, type Sleep } from './retry.js';
export { SseParser, readSse, type SseEvent } from './sse.js';
