import { describe, expect, it } from 'vitest';
import { TaskQueue } from '../../src/repo/code/task-queue.js';

/** A task that runs until `finish` is called, recording how many run at once. */
function gate(): { promise: Promise<void>; finish: () => void } {
  let finish = (): void => {};
  const promise = new Promise<void>((resolve) => (finish = resolve));
  return { promise, finish };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('TaskQueue', () => {
  it('runs at most `limit` tasks at once and starts a waiting one as soon as one ends', async () => {
    const queue = new TaskQueue(2);
    const gates = [gate(), gate(), gate()];
    let running = 0;
    let most = 0;
    const started: number[] = [];
    gates.forEach((g, i) =>
      queue.add(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await g.promise;
        running--;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]?.finish();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0]?.finish();
    gates[2]?.finish();
    await queue.drained();
    expect(most).toBe(2);
  });

  it('waits for tasks added while others run, as files arrive during a search', async () => {
    const queue = new TaskQueue(4);
    const done: string[] = [];
    queue.add(async () => {
      await tick();
      queue.add(async () => {
        await tick();
        done.push('late');
      });
      done.push('early');
    });
    await queue.drained();
    expect(done).toEqual(['early', 'late']);
  });

  it('resolves at once when nothing was added', async () => {
    await expect(new TaskQueue(1).drained()).resolves.toBeUndefined();
  });

  it('rejects with the first error, after the running tasks end, and starts nothing new', async () => {
    const queue = new TaskQueue(1);
    const ran: string[] = [];
    queue.add(() => Promise.reject(new Error('first')));
    queue.add(async () => {
      ran.push('queued behind the failure');
    });
    await expect(queue.drained()).rejects.toThrow('first');
    queue.add(async () => {
      ran.push('added after the failure');
    });
    await tick();
    expect(ran).toEqual([]);
  });

  it('turns a task that throws before its first await into a rejection', async () => {
    const queue = new TaskQueue(1);
    queue.add(() => {
      throw new Error('sync');
    });
    await expect(queue.drained()).rejects.toThrow('sync');
  });
});
