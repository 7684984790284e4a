/**
 * What the model has streamed so far, for the moment the user presses Ctrl-C: providers only
 * return text once an answer is complete, so this wraps the fetch they use and reads a copy of
 * the event stream. It understands both wire formats' text deltas (Anthropic `text_delta`,
 * OpenAI `choices[0].delta.content`) and starts over with every attempt, like the provider.
 */
import { SseParser } from '../providers/sse.js';

export interface StreamTap {
  fetch: typeof fetch;
  /** Text of the current (latest) attempt so far. */
  text(): string;
  /** Forgets the text, e.g. when a new round starts, so it is never mistaken for the next one's. */
  reset(): void;
}

export function createStreamTap(base: typeof fetch = fetch): StreamTap {
  let text = '';
  const tapped: typeof fetch = async (input, init) => {
    text = '';
    const response = await base(input, init);
    if (!response.ok || !response.body) return response;
    const parser = new SseParser();
    const decoder = new TextDecoder('utf-8');
    const take = (chunk: string) => {
      for (const event of parser.push(chunk)) text += deltaText(event.data);
    };
    const copy = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        controller.enqueue(chunk);
        take(decoder.decode(chunk, { stream: true }));
      },
    });
    return new Response(response.body.pipeThrough(copy), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return {
    fetch: tapped,
    text: () => text,
    reset: () => {
      text = '';
    },
  };
}

function deltaText(data: string): string {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return ''; // "[DONE]" and anything malformed: the provider reports the latter itself
  }
  const obj = record(value);
  const delta = record(obj?.['delta']);
  if (delta?.['type'] === 'text_delta' && typeof delta['text'] === 'string') return delta['text'];
  const choices = obj?.['choices'];
  if (Array.isArray(choices)) {
    const content = record(record(choices[0])?.['delta'])?.['content'];
    if (typeof content === 'string') return content;
  }
  return '';
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
