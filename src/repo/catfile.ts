/**
 * One long-lived `git cat-file --batch` per revision reader: starting git per file costs
 * milliseconds, and grounding a plan or auditing a type reads hundreds of files. With
 * `--batch-check` the same protocol answers sizes alone (`ls-tree -l` would look up the size of
 * every blob in the tree, most of a revision reader's start-up).
 *
 * Objects are requested by blob id (from `ls-tree`), never by `rev:path`, because the batch
 * protocol is line-based and a path may contain a newline.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { gitEnv } from './git.js';
import { RepoError } from './types.js';

/** What git says about an object: its size, and with `--batch` its bytes. */
export interface CatFileReply {
  size: number;
  body: Buffer | undefined;
}

interface Pending {
  resolve: (reply: CatFileReply | undefined) => void;
  reject: (error: Error) => void;
}

/** Something with ref/unref: the sockets behind a child's stdio. */
interface Refable {
  ref?: () => void;
  unref?: () => void;
}

export class CatFileBatch {
  private proc: ChildProcessWithoutNullStreams | undefined;
  private readonly queue: Pending[] = [];
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Size of the object whose body we are waiting for; undefined while waiting for a header. */
  private bodySize: number | undefined;
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly mode: '--batch' | '--batch-check' = '--batch',
  ) {}

  /** The object's bytes, or undefined when git reports it missing. */
  async read(objectId: string): Promise<Buffer | undefined> {
    return (await this.request(objectId))?.body;
  }

  /** The object's size in bytes, or undefined when git reports it missing. */
  async size(objectId: string): Promise<number | undefined> {
    return (await this.request(objectId))?.size;
  }

  private request(objectId: string): Promise<CatFileReply | undefined> {
    if (this.closed) return Promise.reject(new RepoError(`the reader for ${this.root} is closed`));
    const proc = this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      this.setHeld(true);
      proc.stdin.write(`${objectId}\n`);
    });
  }

  close(): Promise<void> {
    this.closed = true;
    const proc = this.proc;
    this.proc = undefined;
    if (!proc) return Promise.resolve();
    if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      proc.once('close', () => resolve());
      // Held again: an unref'd child would let the process exit before 'close' resolves us.
      proc.ref();
      for (const stream of [proc.stdin, proc.stdout, proc.stderr] as unknown as Refable[]) stream.ref?.();
      proc.stdin.end();
    });
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.proc) return this.proc;
    const proc = spawn('git', ['cat-file', this.mode], { cwd: this.root, env: gitEnv(), windowsHide: true });
    proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    proc.on('error', (error) => this.fail(new RepoError(`cannot run git cat-file in ${this.root}: ${error.message}`)));
    proc.on('close', (code) => {
      if (this.proc === proc) this.proc = undefined;
      if (this.queue.length > 0) this.fail(new RepoError(`git cat-file exited (code ${code ?? 'signal'}) in ${this.root}`));
    });
    // An idle reader must not keep the process alive if a caller forgets close().
    this.proc = proc;
    this.setHeld(false);
    return proc;
  }

  /** Keeps the event loop alive only while answers are outstanding. */
  private setHeld(held: boolean): void {
    const proc = this.proc;
    if (!proc) return;
    const method = held ? 'ref' : 'unref';
    proc[method]();
    for (const stream of [proc.stdin, proc.stdout, proc.stderr] as unknown as Refable[]) stream[method]?.();
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.bodySize === undefined) {
        const all = this.peek();
        const eol = all.indexOf(0x0a);
        if (eol === -1) return;
        const header = all.subarray(0, eol).toString('utf8');
        this.consume(eol + 1);
        if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
          this.queue.shift()?.resolve(undefined);
          this.idleCheck();
          continue;
        }
        // "<oid> <type> <size>"
        const size = Number(header.slice(header.lastIndexOf(' ') + 1));
        if (this.mode === '--batch-check') {
          this.queue.shift()?.resolve({ size, body: undefined });
          this.idleCheck();
          continue;
        }
        this.bodySize = size;
      }
      // Body plus the LF git writes after it.
      if (this.buffered < this.bodySize + 1) return;
      const size = this.bodySize;
      const body = Buffer.from(this.peek().subarray(0, size));
      this.consume(size + 1);
      this.bodySize = undefined;
      this.queue.shift()?.resolve({ size, body });
      this.idleCheck();
    }
  }

  private idleCheck(): void {
    if (this.queue.length === 0) this.setHeld(false);
  }

  /** All buffered bytes as one Buffer (joined only when needed, so large bodies are copied once per chunk batch). */
  private peek(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private consume(bytes: number): void {
    const rest = this.peek().subarray(bytes);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
  }

  private fail(error: Error): void {
    for (const pending of this.queue.splice(0)) pending.reject(error);
    this.chunks = [];
    this.buffered = 0;
    this.bodySize = undefined;
  }
}
