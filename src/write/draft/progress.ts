/**
 * The progress line on stderr while a model writes: "round 1: 12.3k chars, 8.1 s". On a terminal
 * it is rewritten in place; in a log (CI, a pipe) it becomes a plain line every few seconds, so
 * the log shows the run is alive without thousands of lines.
 */

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  now?: () => number;
  /** Minimum time between two plain (non-terminal) lines of the same round. */
  plainEveryMs?: number;
  /** Minimum time between two in-place redraws on a terminal. */
  ttyEveryMs?: number;
}

const CLEAR_LINE = '\r\x1b[2K';

export function progressText(round: number, chars: number, elapsedMs: number): string {
  const size = chars < 1000 ? `${chars} chars` : `${(chars / 1000).toFixed(1)}k chars`;
  return `round ${round}: ${size}, ${(elapsedMs / 1000).toFixed(1)} s`;
}

export class ProgressLine {
  private readonly tty: boolean;
  private readonly now: () => number;
  private readonly plainEveryMs: number;
  private readonly ttyEveryMs: number;
  /** A redrawable line is on screen (terminal only). */
  private open = false;
  private lastDraw = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly stream: ProgressStream,
    options: ProgressOptions = {},
  ) {
    this.tty = stream.isTTY === true;
    this.now = options.now ?? Date.now;
    this.plainEveryMs = options.plainEveryMs ?? 10_000;
    this.ttyEveryMs = options.ttyEveryMs ?? 100;
  }

  start(round: number, what: string): void {
    this.lastDraw = this.now();
    if (this.tty) this.draw(`round ${round}: ${what}…`);
    else this.stream.write(`round ${round}: ${what}…\n`);
  }

  update(round: number, chars: number, elapsedMs: number): void {
    const t = this.now();
    if (t - this.lastDraw < (this.tty ? this.ttyEveryMs : this.plainEveryMs)) return;
    this.lastDraw = t;
    const text = progressText(round, chars, elapsedMs);
    if (this.tty) this.draw(text);
    else this.stream.write(`${text}\n`);
  }

  /** Ends the round's line with its final numbers and outcome. */
  done(round: number, chars: number, elapsedMs: number, outcome: string): void {
    this.line(`${progressText(round, chars, elapsedMs)} — ${outcome}`);
  }

  /** A full line of its own (a note, a warning), never mixed into the progress line. */
  line(text: string): void {
    if (this.open) this.stream.write(CLEAR_LINE);
    this.open = false;
    this.stream.write(`${text}\n`);
  }

  /** Leaves the terminal on a fresh line (after an error or Ctrl-C). */
  close(): void {
    if (this.open) this.stream.write('\n');
    this.open = false;
  }

  private draw(text: string): void {
    this.stream.write(`${CLEAR_LINE}${text}`);
    this.open = true;
  }
}
