/**
 * Picks and configures a provider from user choices. Keys come only from the environment —
 * a key in a flag ends up in shell history and process listings — so there is no key parameter.
 */
import { InputError } from '../../errors.js';
import { createAnthropicProvider } from './anthropic.js';
import type { TransportOptions } from './http.js';
import { createOpenAIProvider } from './openai.js';
import { PROVIDER_IDS, type Provider } from './types.js';

export interface ResolveProviderOptions extends TransportOptions {
  /** As typed by the user; validated here. */
  provider: string;
  baseUrl?: string;
  model?: string;
  env: Readonly<Record<string, string | undefined>>;
}

export function resolveProvider(options: ResolveProviderOptions): Provider {
  const { provider, baseUrl, model, env } = options;
  const transport: TransportOptions = { timeouts: options.timeouts, retry: options.retry, fetch: options.fetch };
  switch (provider) {
    case 'anthropic': {
      const apiKey = nonEmpty(env['ANTHROPIC_API_KEY']);
      if (!apiKey) {
        throw new InputError('the anthropic provider needs an API key: set ANTHROPIC_API_KEY in the environment');
      }
      return createAnthropicProvider({ ...transport, apiKey, baseUrl, defaultModel: model });
    }
    case 'openai': {
      const apiKey = nonEmpty(env['OPENAI_API_KEY']);
      if (!apiKey) throw new InputError('the openai provider needs an API key: set OPENAI_API_KEY in the environment');
      return createOpenAIProvider({ ...transport, flavor: 'openai', apiKey, baseUrl, defaultModel: model, keyHint: 'OPENAI_API_KEY' });
    }
    case 'openai-compatible': {
      if (!baseUrl) {
        throw new InputError(
          'the openai-compatible provider needs --base-url, e.g. --base-url http://127.0.0.1:11434/v1 for Ollama',
        );
      }
      // MICROPLAN_API_KEY lets a local server's key differ from a real OpenAI key in the same shell.
      const apiKey = nonEmpty(env['MICROPLAN_API_KEY']) ?? nonEmpty(env['OPENAI_API_KEY']);
      return createOpenAIProvider({
        ...transport,
        flavor: 'openai-compatible',
        apiKey,
        baseUrl,
        defaultModel: model,
        keyHint: 'MICROPLAN_API_KEY (or OPENAI_API_KEY)',
      });
    }
    default:
      throw new InputError(`unknown provider "${provider}"; choose one of: ${PROVIDER_IDS.join(', ')}`);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}
