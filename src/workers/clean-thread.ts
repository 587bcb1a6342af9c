import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { cleanHtml } from '../shared/clean/html.js';
import type { CleanReply } from './clean-pool.js';

/**
 * A clean-pool thread: parses one page at a time with jsdom and Readability,
 * away from the event loop that renews BullMQ's job locks. Page scripts
 * never run (cleanHtml does not execute them). Each reply carries the
 * thread's heap in use, so the pool can recycle a thread that grows.
 */
parentPort!.on(
  'message',
  (task: { id: number; html: string; url?: string }) => {
    let reply: CleanReply;
    try {
      const result = cleanHtml(task.html, task.url ? { url: task.url } : {});
      reply = { id: task.id, result };
    } catch (err) {
      reply = { id: task.id, error: (err as Error).message ?? String(err) };
    }
    reply.heapUsed = getHeapStatistics().used_heap_size;
    parentPort!.postMessage(reply);
  },
);
