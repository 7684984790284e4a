import { describe, expect, it } from 'vitest';
import { SseParser, readSse, type SseEvent } from '../../src/write/providers/sse.js';

function parseAll(chunks: string[]): SseEvent[] {
  const parser = new SseParser();
  return [...chunks.flatMap((c) => parser.push(c)), ...parser.end()];
}

const STREAM = 'event: a\ndata: 1\n\n: keep-alive comment\ndata: first\ndata: second\nid: 7\n\nevent: b\r\ndata:no-space\r\n\r\ndata\n\n';
const EXPECTED: SseEvent[] = [
  { event: 'a', data: '1', id: undefined },
  { event: 'message', data: 'first\nsecond', id: '7' },
  { event: 'b', data: 'no-space', id: '7' },
  { event: 'message', data: '', id: '7' },
];

describe('SSE parser', () => {
  it('parses events, comments, multi-line data, CRLF and a field without a colon', () => {
    expect(parseAll([STREAM])).toEqual(EXPECTED);
  });

  it('gives the same events wherever the chunk boundaries fall', () => {
    for (let a = 0; a <= STREAM.length; a++) {
      for (let b = a; b <= STREAM.length; b += 3) {
        expect(parseAll([STREAM.slice(0, a), STREAM.slice(a, b), STREAM.slice(b)])).toEqual(EXPECTED);
      }
    }
  });

  it('treats a CR and an LF in different chunks as one line ending', () => {
    expect(parseAll(['data: x\r', '\n\r', '\ndata: y\r\r'])).toEqual([
      { event: 'message', data: 'x', id: undefined },
      { event: 'message', data: 'y', id: undefined },
    ]);
  });

  it('strips a leading byte-order mark and only one space after the colon', () => {
    expect(parseAll(['\uFEFFdata:  two spaces\n\n'])).toEqual([{ event: 'message', data: ' two spaces', id: undefined }]);
  });

  it('ignores events without data and dispatches a final event that lacks its blank line', () => {
    expect(parseAll(['event: empty\n\n', 'data: [DONE]'])).toEqual([{ event: 'message', data: '[DONE]', id: undefined }]);
  });

  it('decodes UTF-8 characters split across network chunks', async () => {
    const bytes = new TextEncoder().encode('data: héllo ✓ 🚀\n\n');
    async function* oneByteAtATime() {
      for (const byte of bytes) yield new Uint8Array([byte]);
    }
    const events: SseEvent[] = [];
    for await (const event of readSse(oneByteAtATime())) events.push(event);
    expect(events).toEqual([{ event: 'message', data: 'héllo ✓ 🚀', id: undefined }]);
  });
});
