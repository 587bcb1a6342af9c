import { Worker } from 'node:worker_threads';
import type { CleanedArticle } from '../shared/clean/html.js';
import { StageError } from '../shared/errors.js';

export interface CleanPoolOptions {
  /** Threads. @defaultValue 2 */
  size: number;
  /** A page taking longer is abandoned and its thread replaced. @defaultValue 30 s */
  timeoutMs: number;
  /** Heap limit of a thread; a page that needs more fails alone. @defaultValue 512 */
  maxHeapMb?: number;
  /** The thread's script (compiled JavaScript). @defaultValue ./clean-thread.js beside this file */
  threadFile?: URL;
}

interface Task {
  id: number;
  html: string;
  url?: string;
  resolve(result: CleanedArticle): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

const THREAD_FILE = new URL('./clean-thread.js', import.meta.url);

/**
 * HTML cleaning in worker threads: the CPU-heavy parse never blocks the
 * event loop (so job locks keep being renewed), and a page that hangs or
 * eats memory costs one thread, which is replaced, and one failed job.
 */
export class CleanPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly opts: CleanPoolOptions) {
    for (let i = 0; i < opts.size; i++) this.slots.push(this.spawn());
  }

  clean(html: string, url?: string): Promise<CleanedArticle> {
    if (this.closed)
      return Promise.reject(new Error('clean: the pool is closed'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, html, url, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0))
      task.reject(new Error('clean: the pool is closed'));
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.opts.threadFile ?? THREAD_FILE, {
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxHeapMb ?? 512 },
    });
    const slot: Slot = { worker, task: null, timer: null };
    worker.on(
      'message',
      (msg: { id: number; result?: CleanedArticle; error?: string }) => {
        const task = slot.task;
        if (task === null || task.id !== msg.id) return;
        this.finish(slot);
        if (msg.error !== undefined)
          task.reject(new Error(`clean: ${msg.error}`));
        else task.resolve(msg.result!);
        this.dispatch();
      },
    );
    worker.on('error', (err) => this.replace(slot, this.failure(err)));
    worker.on('exit', () => {
      if (!this.closed && this.slots.includes(slot)) {
        this.replace(
          slot,
          new StageError(
            'clean: the parser thread stopped',
            'parse_timeout',
            false,
          ),
        );
      }
    });
    // Idle threads must not keep the process alive.
    worker.unref();
    return slot;
  }

  private failure(err: Error): StageError {
    const oom = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    return oom
      ? new StageError(
          `clean: the page needs more than ${this.opts.maxHeapMb ?? 512} MB to parse`,
          'too_large',
          false,
        )
      : new StageError(
          `clean: the parser failed (${err.message})`,
          'parse_timeout',
          false,
        );
  }

  /** Abandon a thread (hung, crashed): fail its task and start a fresh one. */
  private replace(slot: Slot, err: Error): void {
    const task = slot.task;
    this.finish(slot);
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    void slot.worker.terminate();
    task?.reject(err);
    if (!this.closed) this.slots.push(this.spawn());
    this.dispatch();
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    slot.worker.unref();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task !== null) continue;
      const task = this.waiting.shift();
      if (task === undefined) return;
      slot.task = task;
      slot.worker.ref();
      slot.timer = setTimeout(
        () =>
          this.replace(
            slot,
            new StageError(
              `clean: parsing took longer than ${this.opts.timeoutMs} ms`,
              'parse_timeout',
              false,
            ),
          ),
        this.opts.timeoutMs,
      );
      slot.worker.postMessage({ id: task.id, html: task.html, url: task.url });
    }
  }
}
