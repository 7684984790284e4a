import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/errors.js';
import { resolveProvider } from '../../src/write/providers/resolve.js';
import { startServer, type TestServer } from './helpers/server.js';
import { openaiStream } from './helpers/wire.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('resolveProvider', () => {
  it('builds each provider with the model as its default', () => {
    const env = { ANTHROPIC_API_KEY: 'sk-ant-xxxxxxxx', OPENAI_API_KEY: 'sk-oooooooo' };
    expect(resolveProvider({ provider: 'anthropic', model: 'claude-x', env })).toMatchObject({ id: 'anthropic', defaultModel: 'claude-x' });
    expect(resolveProvider({ provider: 'openai', env })).toMatchObject({ id: 'openai', defaultModel: undefined });
    expect(resolveProvider({ provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1', env: {} }).id).toBe('openai-compatible');
  });

  it('names ANTHROPIC_API_KEY when it is missing or empty', () => {
    expect(() => resolveProvider({ provider: 'anthropic', env: {} })).toThrow(InputError);
    expect(() => resolveProvider({ provider: 'anthropic', env: { ANTHROPIC_API_KEY: '  ' } })).toThrow(/set ANTHROPIC_API_KEY/);
  });

  it('names OPENAI_API_KEY when it is missing', () => {
    expect(() => resolveProvider({ provider: 'openai', env: { ANTHROPIC_API_KEY: 'sk-ant-xxxxxxxx' } })).toThrow(/set OPENAI_API_KEY/);
  });

  it('requires --base-url for openai-compatible and shows an Ollama example', () => {
    expect(() => resolveProvider({ provider: 'openai-compatible', env: {} })).toThrow(/--base-url http:\/\/127\.0\.0\.1:11434\/v1/);
  });

  it('lists the providers when the name is unknown', () => {
    expect(() => resolveProvider({ provider: 'gemini', env: {} })).toThrow('unknown provider "gemini"; choose one of: anthropic, openai, openai-compatible');
  });

  it('sends MICROPLAN_API_KEY, in preference to OPENAI_API_KEY, to an openai-compatible server', async () => {
    server = await startServer([{ chunks: [openaiStream(['hi'])] }]);
    const p = resolveProvider({
      provider: 'openai-compatible',
      baseUrl: `${server.url}/v1`,
      env: { MICROPLAN_API_KEY: 'local-key-1234', OPENAI_API_KEY: 'sk-real-openai-key' },
    });
    await p.complete({ system: 's', messages: [{ role: 'user', content: 'u' }], model: 'llama' });
    expect(server.requests[0]!.headers['authorization']).toBe('Bearer local-key-1234');
  });
});
