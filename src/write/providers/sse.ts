/**
 * Server-sent events parser (WHATWG "event stream interpretation"). Network chunks split lines
 * and events anywhere — even between the CR and LF of one line ending — so the parser keeps the
 * unfinished line between pushes and only dispatches on a blank line.
 */

export interface SseEvent {
  /** The `event:` field; "message" when absent, as the spec says. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  id: string | undefined;
}

export class SseParser {
  private partial = '';
  /** The previous chunk ended in CR: a leading LF in the next chunk belongs to that line ending. */
  private pendingCr = false;
  private started = false;
  private eventType = '';
  private dataLines: string[] = [];
  private lastId: string | undefined;

  /** Feeds decoded text; returns the events completed by it. */
  push(chunk: string): SseEvent[] {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.length === 0) return []; // an empty chunk must not forget a pending CR
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;

    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x0a && c !== 0x0d) continue;
      const line = this.partial + text.slice(start, i);
      this.partial = '';
      if (c === 0x0d) {
        if (i + 1 < text.length) {
          if (text.charCodeAt(i + 1) === 0x0a) i++;
        } else {
          this.pendingCr = true;
        }
      }
      start = i + 1;
      const event = this.line(line);
      if (event) events.push(event);
    }
    this.partial += text.slice(start);
    return events;
  }

  /**
   * End of stream. The spec discards an event that was never terminated by a blank line; we
   * dispatch it instead, because some servers omit the final blank line and the provider checks
   * for its own end marker (message_stop, [DONE]) anyway.
   */
  end(): SseEvent[] {
    const events: SseEvent[] = [];
    if (this.partial.length > 0) {
      const event = this.line(this.partial);
      this.partial = '';
      if (event) events.push(event);
    }
    const last = this.dispatch();
    if (last) events.push(last);
    return events;
  }

  private line(line: string): SseEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined; // comment / keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.dataLines.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.lastId = value;
        break;
      default:
        // "retry" and unknown fields do not matter to a one-shot request.
        break;
    }
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    const type = this.eventType;
    const lines = this.dataLines;
    this.eventType = '';
    this.dataLines = [];
    if (lines.length === 0) return undefined;
    return { event: type === '' ? 'message' : type, data: lines.join('\n'), id: this.lastId };
  }
}

/** Decodes a byte stream as UTF-8 (multi-byte characters may straddle chunks) and yields events. */
export async function* readSse(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder('utf-8');
  const parser = new SseParser();
  for await (const chunk of chunks) {
    yield* parser.push(decoder.decode(chunk, { stream: true }));
  }
  yield* parser.push(decoder.decode());
  yield* parser.end();
}
