/**
 * Bounded concurrency for work that arrives over time: files are handed over one by one while
 * `git grep` still searches, and each is read and parsed at once, at most `limit` at a time
 * (thousands at once would hold thousands of texts and parses in memory without being any faster).
 */
export class TaskQueue {
  private running = 0;
  private readonly waiting: (() => Promise<void>)[] = [];
  private failure: { error: unknown } | undefined;
  private readonly waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(private readonly limit: number) {}

  /** Starts the task now, or as soon as a running one ends. After a failure, nothing new starts. */
  add(task: () => Promise<void>): void {
    if (this.failure) return;
    this.waiting.push(task);
    this.pump();
  }

  /** Resolves once every task added so far has ended; rejects with the first task's error. */
  drained(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure.error);
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private pump(): void {
    while (this.running < this.limit && !this.failure) {
      const task = this.waiting.shift();
      if (!task) break;
      this.running++;
      // A task that throws before its first await still becomes a rejection here.
      Promise.resolve()
        .then(task)
        .then(
          () => this.ended(),
          (error: unknown) => {
            this.failure ??= { error };
            this.waiting.length = 0;
            this.ended();
          },
        );
    }
  }

  private ended(): void {
    this.running--;
    this.pump();
    if (this.running > 0 || this.waiting.length > 0) return;
    for (const { resolve, reject } of this.waiters.splice(0)) {
      if (this.failure) reject(this.failure.error);
      else resolve();
    }
  }
}

