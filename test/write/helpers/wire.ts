/** Real wire formats of the two streaming APIs, for the fake servers. */

export function sse(event: string | undefined, data: unknown): string {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  return `${event ? `event: ${event}\n` : ''}data: ${payload}\n\n`;
}

export function anthropicStream(texts: string[], options: { model?: string; stop?: string; end?: boolean } = {}): string {
  const model = options.model ?? 'claude-test-1';
  let out = sse('message_start', {
    type: 'message_start',
    message: { id: 'msg_1', type: 'message', role: 'assistant', model, content: [], stop_reason: null, usage: { input_tokens: 42, output_tokens: 1 } },
  });
  out += sse('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
  out += sse('ping', { type: 'ping' });
  for (const text of texts) {
    out += sse('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } });
  }
  out += sse('content_block_stop', { type: 'content_block_stop', index: 0 });
  out += sse('message_delta', { type: 'message_delta', delta: { stop_reason: options.stop ?? 'end_turn', stop_sequence: null }, usage: { output_tokens: 17 } });
  if (options.end !== false) out += sse('message_stop', { type: 'message_stop' });
  return out;
}

export function openaiStream(texts: string[], options: { model?: string; finish?: string | null; done?: boolean; usage?: boolean } = {}): string {
  const model = options.model ?? 'gpt-test-1';
  const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  let out = sse(undefined, chunk({ role: 'assistant', content: '' }, null));
  for (const text of texts) out += sse(undefined, chunk({ content: text }, null));
  if (options.finish !== null) out += sse(undefined, chunk({}, options.finish ?? 'stop'));
  if (options.usage) {
    out += sse(undefined, { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model, choices: [], usage: { prompt_tokens: 30, completion_tokens: 9 } });
  }
  if (options.done !== false) out += 'data: [DONE]\n\n';
  return out;
}
