/** Checks a request before any network traffic, so a missing model fails fast and clearly. */
import { ProviderError, type CompletionRequest } from './types.js';

export function checkRequest(request: CompletionRequest): void {
  if (request.model.trim() === '') throw new ProviderError('bad-request', 'no model given; pass --model');
  if (request.messages.length === 0) throw new ProviderError('bad-request', 'the request has no messages');
  if (request.maxTokens !== undefined && !(Number.isInteger(request.maxTokens) && request.maxTokens > 0)) {
    throw new ProviderError('bad-request', `maxTokens must be a positive integer, not ${request.maxTokens}`);
  }
}
