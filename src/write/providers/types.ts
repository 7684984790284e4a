/**
 * The contract every model provider implements. Callers (draft, prompt) see one shape whatever
 * the wire format; the providers always stream so long plans never hit a server-side response
 * timeout and the caller can show progress.
 */

export const PROVIDER_IDS = ['anthropic', 'openai', 'openai-compatible'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface CompletionRequest {
  system: string;
  messages: ChatMessage[];
  model: string;
  maxTokens?: number;
}

export interface CompletionProgress {
  /** Characters of text received so far in this attempt. */
  chars: number;
  /** Milliseconds since the call started (across retries). */
  elapsedMs: number;
}

export interface CompletionOptions {
  signal?: AbortSignal;
  onProgress?: (progress: CompletionProgress) => void;
}

export interface Usage {
  inputTokens?: number;
  outputTokens?: number;
}

export interface CompletionResult {
  text: string;
  /** The model the server says answered (may differ from the requested alias). */
  model: string;
  /** Provider's own vocabulary: "end_turn", "max_tokens", "stop", "length", … */
  stopReason: string | undefined;
  usage?: Usage;
}

export interface Provider {
  readonly id: ProviderId;
  /** The model given to resolveProvider, for callers that let the user omit it per request. */
  readonly defaultModel: string | undefined;
  complete(request: CompletionRequest, options?: CompletionOptions): Promise<CompletionResult>;
}

/**
 * 'bad-request' (a 4xx the other kinds do not explain) and 'aborted' (the caller's signal fired)
 * extend the list so every failure has a kind the CLI can map without parsing messages.
 */
export type ProviderErrorKind =
  | 'auth'
  | 'model-not-found'
  | 'context-length'
  | 'rate-limit'
  | 'server'
  | 'timeout'
  | 'malformed-stream'
  | 'network'
  | 'bad-request'
  | 'aborted';

/** One-line, key-free failure message; `status` is the HTTP status when there was one. */
export class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly status?: number,
    /** Server-requested wait before retrying, in ms (from retry-after headers). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** Rate limits, server errors and dropped connections are worth another attempt. */
  get retryable(): boolean {
    return this.kind === 'rate-limit' || this.kind === 'server' || this.kind === 'network';
  }
}
