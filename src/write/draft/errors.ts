/**
 * One line per provider failure, saying what to do. The providers' messages already name the
 * server's reason; this makes sure each kind also carries its fix (the key's env var, the
 * model's name, a smaller source) and that no key survives into the line.
 */
import { oneLine, type Redactor } from '../redact.js';
import type { ProviderError } from '../providers/types.js';

/** The environment variable each provider reads its key from. */
export const KEY_VARS: Readonly<Record<string, string>> = {
  anthropic: 'ANTHROPIC_API_KEY',
  openai: 'OPENAI_API_KEY',
  'openai-compatible': 'MICROPLAN_API_KEY (or OPENAI_API_KEY)',
};

export interface ErrorLineContext {
  provider: string;
  model: string;
  redact: Redactor;
}

export function providerErrorLine(err: ProviderError, ctx: ErrorLineContext): string {
  let line = err.message;
  const add = (needle: string, advice: string) => {
    if (!line.includes(needle)) line += `; ${advice}`;
  };
  switch (err.kind) {
    case 'auth': {
      const key = KEY_VARS[ctx.provider] ?? 'the API key variable';
      add(key.split(' ')[0]!, `set ${key} to a valid key`);
      break;
    }
    case 'model-not-found':
      add(`"${ctx.model}"`, `model "${ctx.model}" is not available there; check --model`);
      break;
    case 'context-length':
      line += '; use --section to draft from one part of the source, or pass a smaller source';
      break;
    case 'rate-limit':
      add('try again', 'try again later');
      break;
    case 'timeout':
      add('--timeout', 'a slow model may need a longer --timeout');
      break;
    default:
      break;
  }
  return oneLine(ctx.redact(line), 400);
}
