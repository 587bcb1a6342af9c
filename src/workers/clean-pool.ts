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
  /**
   * A thread is replaced by a fresh one after this many pages, whatever its
   * heap says: a second line of defence against anything that accumulates.
   * @defaultValue 1000
   */
  recycleAfterPages?: number;
  /**
   * A thread whose heap after a page exceeds this is replaced before its
   * next page. @defaultValue 60% of `maxHeapMb`
   */
  recycleHeapMb?: number;
  /** The thread's script (compiled JavaScript). @defaultValue ./clean-thread.js beside this file */
  threadFile?: URL;
}

/** What a thread answers for one page (see clean-thread.ts). */
export interface CleanReply {
  id: number;
  result?: CleanedArticle;
  error?: string;
  /** The thread's heap in use after the page, in bytes. */
  heapUsed?: number;
}

interface Task {
  id: number;
  html: string;
  url?: string;
  /** Runs in a fresh thread after the first one ran out of heap. */
  retried: boolean;
  resolve(result: CleanedArticle): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  pages: number;
}

const THREAD_FILE = new URL('./clean-thread.js', import.meta.url);
const DEFAULT_MAX_HEAP_MB = 512;
const DEFAULT_RECYCLE_PAGES = 1000;

/**
 * HTML cleaning in worker threads: the CPU-heavy parse never blocks the
 * event loop (so job locks keep being renewed), and a page that hangs or
 * eats memory costs one thread, which is replaced, and one failed job.
 * Threads are recycled after a bounded number of pages or when their heap
 * grows past `recycleHeapMb`; a page that hits the heap limit is tried once
 * more in a fresh thread before it fails as `too_large`.
 */
export class CleanPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 1;
  private closed = false;
  private readonly maxHeapMb: number;
  private readonly recycleAfterPages: number;
  private readonly recycleHeapBytes: number;
  /** Threads started since the pool was, the first ones included. */
  threadsStarted = 0;

  constructor(private readonly opts: CleanPoolOptions) {
    this.maxHeapMb = opts.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
    this.recycleAfterPages = opts.recycleAfterPages ?? DEFAULT_RECYCLE_PAGES;
    this.recycleHeapBytes =
      (opts.recycleHeapMb ?? this.maxHeapMb * 0.6) * 1024 * 1024;
    for (let i = 0; i < opts.size; i++) this.slots.push(this.spawn());
  }

  clean(html: string, url?: string): Promise<CleanedArticle> {
    if (this.closed)
      return Promise.reject(new Error('clean: the pool is closed'));
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.push({ id, html, url, retried: false, resolve, reject });
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
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
    });
    this.threadsStarted += 1;
    const slot: Slot = { worker, task: null, timer: null, pages: 0 };
    worker.on('message', (msg: CleanReply) => {
      const task = slot.task;
      if (task === null || task.id !== msg.id) return;
      this.finish(slot);
      slot.pages += 1;
      if (msg.error !== undefined)
        task.reject(new Error(`clean: ${msg.error}`));
      else task.resolve(msg.result!);
      if (
        slot.pages >= this.recycleAfterPages ||
        (msg.heapUsed ?? 0) > this.recycleHeapBytes
      ) {
        this.retire(slot);
      }
      this.dispatch();
    });
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
          `clean: the page needs more than ${this.maxHeapMb} MB to parse`,
          'too_large',
          false,
        )
      : new StageError(
          `clean: the parser failed (${err.message})`,
          'parse_timeout',
          false,
        );
  }

  /** An idle thread that has done its share: swap it for a fresh one. */
  private retire(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    void slot.worker.terminate();
    if (!this.closed) this.slots.push(this.spawn());
  }

  /**
   * Abandon a thread (hung, crashed, out of heap) and start a fresh one. Its
   * page fails, except a first run out of heap: the heap may have been full
   * of what earlier pages left, so the page goes first in line for a fresh
   * thread once more.
   */
  private replace(slot: Slot, err: StageError): void {
    const task = slot.task;
    this.finish(slot);
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    void slot.worker.terminate();
    if (task !== null) {
      if (err.code === 'too_large' && !task.retried && !this.closed) {
        task.retried = true;
        this.waiting.unshift(task);
      } else {
        task.reject(err);
      }
    }
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
      // A retried page needs a thread that has parsed nothing yet.
      const head = this.waiting[0];
      if (head === undefined) return;
      if (head.retried && slot.pages > 0) continue;
      const task = this.waiting.shift()!;
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
